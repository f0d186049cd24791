import Figures
import Foundation
import Plot

/// A rendered answer: bytes, their media type, and facts about the view for the page.
public struct ViewReply: Sendable {
    public var body: Data
    public var contentType: String
    /// Extra response headers (`X-Cache`, `X-Compute-Seconds`, `X-Tables`, `X-Effective`, …).
    public var headers: [(String, String)] = []
}

/// Everything the explorer answers, independent of HTTP: pages, descriptions, views drawn by the
/// same pipeline as `wgmfig render` (DataProvider → FigureWriter → Cairo) through the CLI's cache.
public final class ExplorerService: Sendable {
    public let configuration: ExplorerConfiguration
    public let index: FigureIndex
    /// The styles offered, loaded once.
    let styles: [String: Style]
    let styleNames: [String]
    let gate: ComputeGate
    let progress = ProgressBoard()

    /// A service; styles that cannot be loaded are left out.
    public init(configuration: ExplorerConfiguration) {
        self.configuration = configuration
        index = FigureIndex(specsDirectory: configuration.specsDirectory)
        var loaded: [String: Style] = [:]
        for name in configuration.styles { if let s = try? Style.named(name, searchPath: configuration.styleSearchPath) { loaded[name] = s } }
        styles = loaded
        styleNames = configuration.styles.filter { loaded[$0] != nil }
        gate = ComputeGate(slots: configuration.computeSlots, maximumQueued: configuration.maximumQueued)
    }

    // MARK: descriptions

    /// Every page as JSON.
    public func figuresJSON() throws -> Data { try Self.json(index.pages()) }

    /// The description of page `id` as JSON.
    public func describeJSON(_ id: String) throws -> Data {
        let entry = try index.entry(id)
        let kind = SpecFile.isSpecPath(id) ? "spec" : { if case .panel = entry { return "panel" } else { return "figure" } }()
        return try Self.json(try PageDescription.of(id, entry: entry, kind: kind, styles: styleNames))
    }

    /// The progress of `client`'s running computation as JSON (`{}` when none).
    public func progressJSON(client: String) -> Data {
        guard let p = progress.get(client) else { return Data("{}".utf8) }
        return Data("{\"done\": \(p.done), \"total\": \(p.total), \"seq\": \(p.sequence)}".utf8)
    }

    // MARK: views

    /// The view drawn as an image (PNG, SVG or PDF).
    public func render(_ view: ViewRequest) async throws -> ViewReply {
        try await computing(view) { assembled, style in
            let dpi = try self.dpi(view, figure: assembled.figure, style: style)
            let bytes = try assembled.figure.render(style: style, format: view.format, dpi: dpi)
            return ViewReply(body: bytes, contentType: Self.mediaType(view.format), headers: Self.facts(assembled))
        }
    }

    /// One table of the view as tidy CSV (`table` = `PANEL/NAME`; default the first panel's first table).
    public func csv(_ view: ViewRequest) async throws -> ViewReply {
        try await computing(view) { assembled, _ in
            let tables = assembled.panels.flatMap { p in p.data.tables.map { (p.spec.id, $0) } }
            let pick: (String, DataTable)?
            if let want = view.table {
                pick = tables.first { "\($0.0)/\($0.1.name)" == want }
                guard pick != nil else {
                    throw ExplorerError.notFound("table = '\(want.prefix(80))' is not a table of \(view.id): give one of \(tables.map { "\($0.0)/\($0.1.name)" }.joined(separator: ", "))")
                }
            } else { pick = tables.first }
            guard let (panel, table) = pick else { throw ExplorerError(500, "\(view.id) has no data tables") }
            return ViewReply(body: Data(CSV.text(table).utf8), contentType: "text/csv; charset=utf-8",
                             headers: [("X-Table", "\(panel)/\(table.name)")] + Self.facts(assembled))
        }
    }

    /// The view as a YAML spec that `wgmfig render` turns back into the same figure.
    public func spec(_ view: ViewRequest) throws -> ViewReply {
        let entry = try index.entry(view.id)
        do { try Catalog.checkOverrides(view.overrides, for: entry) } catch { throw ExplorerError.from(error) }
        let text = try SpecExport.yaml(view, entry: entry, index: index)
        return ViewReply(body: Data(text.utf8), contentType: "application/yaml; charset=utf-8")
    }

    /// The file name a download of `view` gets (`om-3a-view.png`).
    public func downloadName(_ view: ViewRequest, extension ext: String) -> String {
        SpecExport.viewID((try? index.entry(view.id).id) ?? "figure") + "." + ext
    }

    /// Checks the view, waits for a slot (dropping superseded views), computes the figure off the
    /// concurrency pool and hands it to `draw`.
    private func computing(_ view: ViewRequest, _ draw: @escaping @Sendable (AssembledFigure, Style) throws -> ViewReply) async throws -> ViewReply {
        guard let style = styles[view.style] else { throw ExplorerError.badRequest("style = '\(view.style)' is not available") }
        let entry: Catalog.Entry
        do {
            entry = try index.entry(view.id)
            try Catalog.checkOverrides(view.overrides, for: entry)
            try checkGrid(entry, quality: view.quality)
        } catch { throw ExplorerError.from(error) }
        await gate.announce(client: view.client, sequence: view.sequence)
        try await gate.enter(client: view.client, sequence: view.sequence)
        let board = progress, client = view.client, seq = view.sequence ?? 0
        let provider = DataProvider(cache: FigureCache(directory: configuration.cacheDirectory), progress: client.map { c in
            { @Sendable _, p in board.update(c, sequence: seq, done: p.done, total: p.total) }
        })
        let writer = FigureWriter(provider: provider, quality: view.quality, overrides: view.overrides)
        let result = await Result(catching: { try await Self.offload { try draw(try writer.assemble(entry), style) } })
        if let client { board.clear(client) }
        await gate.leave()
        do { return try result.get() } catch { throw ExplorerError.from(error) }
    }

    /// Refuses views whose sweeps have more points than the configuration allows.
    func checkGrid(_ entry: Catalog.Entry, quality: Quality) throws {
        let specs: [FigureSpec]
        switch entry {
        case .panel(let p): specs = [p]
        case .composite(let c): specs = try c.panels.map { try c.panel($0.id) }
        }
        let points = specs.reduce(0) { total, s in
            let grid = s.grid(quality).reduce(1) { $0 * max($1.count, 1) }
            return total + grid * max(s.sweep?.series.count ?? 1, 1)
        }
        guard points <= configuration.maximumGridPoints else {
            throw ExplorerError.tooLarge("\(entry.id) has \(points) sweep points at \(quality.rawValue) quality: the server computes at most \(configuration.maximumGridPoints) per view (use `wgmfig render` for larger grids)")
        }
    }

    /// The PNG resolution giving `pixelWidth`, bounded in pixels.
    func dpi(_ view: ViewRequest, figure: Figure, style: Style) throws -> Double? {
        guard view.format == .png else { return nil }
        let page = try figure.pageSize(style: style)
        let dpi = view.pixelWidth.map { Double($0) * 72 / page.width } ?? style.dpi
        let pixels = (page.width * dpi / 72) * (page.height * dpi / 72)
        guard dpi <= 2400, pixels <= Double(configuration.maximumPixels) else {
            throw ExplorerError.tooLarge("width = \(view.pixelWidth ?? 0) gives \(Int(pixels)) pixels: at most \(configuration.maximumPixels) are drawn")
        }
        return dpi
    }

    /// Facts about an assembled view for the page, as headers.
    static func facts(_ a: AssembledFigure) -> [(String, String)] {
        let hits = a.panels.filter(\.cacheHit).count
        let cache = hits == a.panels.count ? "hit" : hits == 0 ? "miss" : "partial"
        let seconds = a.panels.filter { !$0.cacheHit }.map(\.computeSeconds).reduce(0, +)
        let tables = a.panels.flatMap { p in p.data.tables.map { "\(p.spec.id)/\($0.name)" } }
        let effective = a.panels.first.map { p in
            p.inputs.effective.map { "\($0.input.name)=\(Self.formEncode($0.input.display($0.value)))" }.joined(separator: "&")
        } ?? ""
        return [("X-Cache", cache), ("X-Compute-Seconds", String(format: "%.3f", seconds)),
                ("X-Tables", tables.joined(separator: ",")), ("X-Effective", effective)]
    }

    static func formEncode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    static func mediaType(_ f: OutputFormat) -> String {
        switch f { case .png: "image/png"; case .svg: "image/svg+xml"; case .pdf: "application/pdf" }
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return try e.encode(value)
    }

    /// Runs blocking work on a dispatch thread, keeping the server's own threads free.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { c in
            DispatchQueue.global(qos: .userInitiated).async { c.resume(with: Result { try work() }) }
        }
    }
}

extension Result where Failure == Error {
    /// The result of async work.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
