import Foundation
import Plot

/// A figure ready to draw: the Plot value and the panel data it was built from.
public struct AssembledFigure: Sendable {
    /// The id (panel or whole figure).
    public let id: String
    /// The title.
    public let title: String
    /// The declarative figure.
    public let figure: Figure
    /// The panels' data and provenance.
    public let panels: [PanelData]
}

/// Turns ids into figures and files: panel data (cached) → plot → PNG/PDF/SVG + sidecar, or CSV.
public struct FigureWriter: Sendable {
    /// Where panel data comes from.
    public let provider: DataProvider
    /// The sampling quality.
    public let quality: Quality
    /// The user's input overrides (`--set NAME=VALUE`), applied to every panel drawn.
    public let overrides: [InputOverride]
    /// The PDFs' CreationDate/ModDate (nil: a fixed date, so equal figures give equal files).
    public var pdfDate: Date?
    /// How SVGs carry their text (outlines by default).
    public var svgText: SVGTextMode = .paths

    /// A writer.
    public init(provider: DataProvider, quality: Quality, overrides: [InputOverride] = [], pdfDate: Date? = nil) {
        self.provider = provider; self.quality = quality; self.overrides = overrides; self.pdfDate = pdfDate
    }

    /// The file name stem of `id`: the id itself, or with overrides `id.NAME=VALUE,NAME=VALUE`
    /// (sorted by name) so that a changed figure never overwrites the paper's.
    public func stem(_ id: String) -> String {
        guard !overrides.isEmpty else { return id }
        return id + "." + overrides.sorted { $0.name < $1.name }.map { "\($0.name)=\($0.text)" }.joined(separator: ",")
    }

    /// The data of a panel with this writer's quality and overrides.
    public func data(_ spec: FigureSpec) throws -> PanelData {
        try provider.data(for: spec, quality: quality, overrides: overrides)
    }

    /// The figure for `id` (a panel id, a whole-figure id or a spec file; see `Catalog.resolve`).
    public func assemble(_ id: String) throws -> AssembledFigure { try assemble(try Catalog.resolve(id)) }

    /// The figure for an entry (a panel on its own page, or a whole figure laid out like the paper).
    public func assemble(_ entry: Catalog.Entry) throws -> AssembledFigure {
        switch entry {
        case .panel(let spec):
            let id = spec.id
            let data = try data(spec)
            var axes = try spec.plot(data.data)
            if axes.panelLabel == nil, let l = spec.letter { axes.panelLabel = "(\(l))" }
            var figure = Figure(width: spec.width, height: spec.height, axes: axes)
            figure.title = "\(id): \(spec.title)"
            return AssembledFigure(id: id, title: spec.title, figure: figure, panels: [data])
        case .composite(let c):
            let id = c.id
            var figure = Figure(width: c.width, height: c.height, rows: c.rows, columns: c.columns)
            figure.title = "\(id): \(c.title)"
            var panels: [PanelData] = []
            for cell in c.cells {
                let spec = try c.panel(cell.id)
                let data = try data(spec)
                var axes = try spec.axes(view: cell.view, data: data.data)
                let first = !panels.contains { $0.spec.id == cell.id }
                axes.panelLabel = first ? spec.letter.map { "(\($0))" } : nil
                figure.add(axes, row: cell.row, column: cell.column, columnSpan: cell.columnSpan)
                if first { panels.append(data) }
            }
            return AssembledFigure(id: id, title: c.title, figure: figure, panels: panels)
        }
    }

    /// Renders `id` in each format into `directory` as `<id>.<ext>` with a `<id>.<ext>.json` sidecar.
    public func render(_ id: String, style: Style, styleName: String, formats: [OutputFormat], dpi: Double?,
                       into directory: URL) throws -> [URL] {
        try write(try assemble(id), style: style, styleName: styleName, formats: formats, dpi: dpi, into: directory)
    }

    /// Writes an assembled figure in each format (with sidecars); pure drawing, safe to run in parallel.
    public func write(_ assembled: AssembledFigure, style: Style, styleName: String, formats: [OutputFormat],
                      dpi: Double?, into directory: URL) throws -> [URL] {
        var written: [URL] = []
        let pages = try self.pages(assembled.figure, style: style)
        for format in formats {
            for (k, page) in pages.enumerated() {
                // A figure taller than the style's page (slides: 7.5 in) that cannot be reflowed onto
                // one is split: ID.slide1.EXT, ID.slide2.EXT, …
                let name = pages.count == 1 ? stem(assembled.id) : "\(stem(assembled.id)).slide\(k + 1)"
                let url = directory.appendingPathComponent("\(name).\(format.rawValue)")
                let bytes = try page.render(style: style, format: format, dpi: dpi, date: pdfDate, svgText: svgText)
                let sidecar = Sidecar(id: assembled.id, title: assembled.title, file: url.lastPathComponent, format: format.rawValue,
                                      style: styleName, dpi: format == .png ? (dpi ?? style.dpi) : nil, panels: assembled.panels)
                // The file and its sidecar together: never a new figure beside an old sidecar.
                try AtomicFile.write(all: [(bytes, url), (try sidecar.json(), url.appendingPathExtension("json"))])
                written.append(url)
            }
        }
        return written
    }

    /// The pages a figure is drawn on under `style`: itself, or reflowed or split to the style's
    /// `figure.maxHeight` (slides: a 16:9 slide 7.5 in high).
    public func pages(_ figure: Figure, style: Style) throws -> [Figure] {
        guard let maxHeight = style.maxHeight else { return [figure] }
        return try figure.pages(fittingHeight: maxHeight * 72, style: style)
    }

    /// Writes the panel's tables as tidy CSV (`<id>.csv`, extra tables `<id>-<name>.csv`) with sidecars.
    /// A whole-figure id writes the CSVs of all its panels.
    public func exportCSV(_ id: String, into directory: URL) throws -> [URL] {
        let specs: [FigureSpec]
        switch try Catalog.resolve(id) {
        case .panel(let s): specs = [s]
        case .composite(let c): specs = try c.panels.map { try c.panel($0.id) }
        }
        return try exportCSV(specs: specs, into: directory)
    }

    /// Writes the tables of each panel as tidy CSV with sidecars (see `exportCSV(_:into:)`).
    public func exportCSV(specs: [FigureSpec], into directory: URL) throws -> [URL] {
        var written: [URL] = []
        for spec in specs {
            let data = try data(spec)
            for (i, table) in data.data.tables.enumerated() {
                let name = i == 0 ? "\(stem(spec.id)).csv" : "\(stem(spec.id))-\(table.name).csv"
                let url = directory.appendingPathComponent(name)
                let sidecar = Sidecar(id: spec.id, title: spec.title, file: name, format: "csv", style: nil, dpi: nil, panels: [data])
                try AtomicFile.write(all: [(Data(CSV.text(table).utf8), url), (try sidecar.json(), url.appendingPathExtension("json"))])
                written.append(url)
            }
        }
        return written
    }
}
