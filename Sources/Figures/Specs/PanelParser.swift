import Foundation
import Plot
import Yams

/// Parses one panel of a spec file into a `FigureSpec` built from a `SweepSpec` and a `PlotSpec`.
struct PanelParser {
    let reader: SpecReader
    /// Keys given at the top of a multi-panel file (`model`, `inputs`), inherited by each panel.
    let shared: [String: Node]

    static let keys = ["id", "title", "summary", "model", "inputs", "sweep", "series", "outputs", "plot", "width", "aspect"]

    func panel(_ keys: [String: Node], id: String, path: String, letter: Character?) throws -> FigureSpec {
        let r = reader
        func key(_ k: String) -> String { path.isEmpty ? k : "\(path).\(k)" }
        guard let modelNode = keys["model"] ?? shared["model"] else { throw r.error(nil, key("model"), "missing: give om or spb") }
        let modelName = try r.string(modelNode, key("model"))
        guard let model = ModelID(rawValue: modelName) else { throw r.error(modelNode, key("model"), "'\(modelName)' is not a model: give om or spb") }
        let registry = ModelRegistry.of(model)
        var fixed = try shared["inputs"].map { try settings($0, "inputs", registry) } ?? []
        fixed += try keys["inputs"].map { try settings($0, key("inputs"), registry) } ?? []
        guard let sweepNode = keys["sweep"] else { throw r.error(nil, key("sweep"), "missing: give one or two swept inputs") }
        let axes = try r.list(sweepNode, key("sweep")).enumerated().map { try axis($1, key("sweep[\($0)]"), registry) }
        let series = try keys["series"].map { node in
            try r.list(node, key("series")).enumerated().map { try self.series($1, key("series[\($0)]"), registry) }
        } ?? []
        guard let outputsNode = keys["outputs"] else { throw r.error(nil, key("outputs"), "missing: list the outputs (see `wgmfig outputs \(modelName)`)") }
        let outputs = try r.strings(outputsNode, key("outputs"))
        for o in outputs where registry.outputs.first(where: { $0.name == o }) == nil {
            throw r.error(outputsNode, key("outputs"), "\(InputError.unknownOutput(o, model: modelName, suggestions: Suggestions.closest(to: o, among: registry.outputs.map(\.name))))")
        }
        let sweep: SweepSpec
        do { sweep = try SweepSpec(model: model, axes: axes, series: series, outputs: outputs) } catch {
            throw r.error(sweepNode, key("sweep"), "\(error)")
        }
        for s in fixed where sweep.sweptInputs.contains(s.name) {
            throw r.error(keys["inputs"] ?? shared["inputs"], key("inputs"), "\(s.name) is also swept: set it in one place")
        }
        let plot = try keys["plot"].map { try PlotParser(reader: r).plot($0, key("plot"), sweep: sweep) }
            ?? PlotSpec(kind: axes.count == 2 ? .heatmap : .lines)
        if plot.kind == .heatmap, axes.count != 2 { throw r.error(keys["plot"], key("plot.kind"), "a heatmap needs two swept inputs") }
        let title = try keys["title"].map { try r.string($0, key("title")) } ?? "\(outputs.joined(separator: ", ")) versus \(axes.map(\.input).joined(separator: " and "))"
        let summary = try keys["summary"].map { try r.string($0, key("summary")) } ?? "A user spec (\(r.file))."
        var spec = FigureSpec.sweeping(id: id, title: title, summary: summary, sweep: sweep, fixedInputs: fixed, userInputs: true,
                                    width: try Self.width(keys["width"], r, default: .singleColumn),
                                    height: try Self.height(keys["aspect"], r),
                                    plot: { data in try plot.axes(data, sweep: sweep) })
        spec.panelLetter = letter
        return spec
    }

    /// `inputs: {NAME: VALUE, …}`: each a known input with an allowed value.
    func settings(_ node: Node, _ key: String, _ registry: ModelRegistry) throws -> [InputSetting] {
        try reader.pairs(node, key).map { name, value in
            let path = "\(key).\(name)"
            let input: ModelInput
            do { input = try registry.input(name) } catch { throw reader.error(value, path, "\(error)") }
            let text = try reader.string(value, path)
            do {
                if case .choice = input.kind { return InputSetting(name, try input.parse(text)) }
                guard let v = SpecReader.number(text) else { throw InputError.badValue(name, text, input.allowed) }
                return InputSetting(name, try input.checked(v, shown: text))
            } catch { throw reader.error(value, path, "\(error)") }
        }
    }

    /// `{input: NAME, range: [lo, hi], count: N | {final: N, draft: M}, scale: linear|log}`.
    func axis(_ node: Node, _ key: String, _ registry: ModelRegistry) throws -> SweepAxis {
        let r = reader
        let k = try r.mapping(node, key, allowed: ["input", "range", "count", "scale"])
        guard let inputNode = k["input"], let rangeNode = k["range"] else { throw r.error(node, key, "needs input and range") }
        let name = try r.string(inputNode, "\(key).input")
        do { _ = try registry.input(name) } catch { throw r.error(inputNode, "\(key).input", "\(error)") }
        let (lo, hi) = try r.range(rangeNode, "\(key).range")
        var final = 101, draft = 21
        if let c = k["count"] {
            if c.mapping != nil {
                let counts = try r.mapping(c, "\(key).count", allowed: ["final", "draft"])
                final = try counts["final"].map { try r.int($0, "\(key).count.final", in: 1...100_000) } ?? final
                draft = try counts["draft"].map { try r.int($0, "\(key).count.draft", in: 1...100_000) } ?? min(final, draft)
            } else {
                final = try r.int(c, "\(key).count", in: 1...100_000)
                draft = min(final, max(2, (final + 5) / 6))
            }
        }
        let scaleText = try k["scale"].map { try r.string($0, "\(key).scale") } ?? "linear"
        guard let spacing = GridAxis.Spacing(rawValue: scaleText) else { throw r.error(k["scale"], "\(key).scale", "'\(scaleText)' must be linear or log") }
        return SweepAxis(name, lo, hi, final: final, draft: draft, spacing: spacing)
    }

    /// `{label: TEXT, inputs: {NAME: VALUE}}`.
    func series(_ node: Node, _ key: String, _ registry: ModelRegistry) throws -> SweepSeries {
        let k = try reader.mapping(node, key, allowed: ["label", "inputs"])
        guard let label = k["label"] else { throw reader.error(node, key, "needs a label") }
        return SweepSeries(try reader.string(label, "\(key).label"), try k["inputs"].map { try settings($0, "\(key).inputs", registry) } ?? [])
    }

    static func width(_ node: Node?, _ r: SpecReader, default d: FigureWidth) throws -> FigureWidth {
        guard let node else { return d }
        switch node.scalar?.string {
        case "single": return .singleColumn
        case "double": return .doubleColumn
        default:
            let v = try r.number(node, "width")
            guard v > 0, v <= 40 else { throw r.error(node, "width", "must be single, double or inches in (0, 40]") }
            return .inches(v)
        }
    }

    static func height(_ node: Node?, _ r: SpecReader) throws -> FigureHeight {
        guard let node else { return .auto }
        let v = try r.number(node, "aspect")
        guard v > 0.05, v <= 5 else { throw r.error(node, "aspect", "must be a panel height/width ratio in (0.05, 5]") }
        return .panelAspect(v)
    }
}
