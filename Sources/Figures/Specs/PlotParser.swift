import Foundation
import Plot
import Yams

/// Parses the `plot:` block of a spec file into a `PlotSpec`.
struct PlotParser {
    let reader: SpecReader

    static let keys = ["kind", "x", "y", "y2", "left", "right", "markers", "legend", "value", "colormap", "logColor",
                       "colorRange", "colorbar", "levels", "maskLabel", "referenceLines"]

    func plot(_ node: Node, _ key: String, sweep: SweepSpec) throws -> PlotSpec {
        let r = reader
        let k = try r.mapping(node, key, allowed: Self.keys)
        let kindText = try k["kind"].map { try r.string($0, "\(key).kind") } ?? (sweep.axes.count == 2 ? "heatmap" : "lines")
        guard let kind = PlotSpec.Kind(rawValue: kindText) else { throw r.error(k["kind"], "\(key).kind", "'\(kindText)' must be lines or heatmap") }
        var p = PlotSpec(kind: kind)
        if let n = k["x"] { p.x = try axis(n, "\(key).x") }
        if let n = k["y"] { p.y = try axis(n, "\(key).y") }
        if let n = k["y2"] { p.y2 = try axis(n, "\(key).y2") }
        p.left = try k["left"].map { try outputs($0, "\(key).left", sweep) } ?? []
        p.right = try k["right"].map { try outputs($0, "\(key).right", sweep) } ?? []
        p.markers = try k["markers"].map { try r.bool($0, "\(key).markers") } ?? false
        if let n = k["legend"] {
            let text = try r.string(n, "\(key).legend")
            guard let placement = LegendPlacement(rawValue: text) else {
                throw r.error(n, "\(key).legend", "'\(text)' must be one of \(LegendPlacement.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            p.legend = placement
        }
        if let n = k["value"] { p.value = try outputs(n, "\(key).value", sweep).first }
        if let n = k["colormap"] {
            let text = try r.string(n, "\(key).colormap")
            guard let map = Colormap(rawValue: text) else {
                throw r.error(n, "\(key).colormap", "'\(text)' must be one of \(Colormap.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            p.colormap = map
        }
        p.logColor = try k["logColor"].map { try r.bool($0, "\(key).logColor") } ?? false
        if let n = k["colorRange"] { let (a, b) = try r.range(n, "\(key).colorRange"); p.colorMin = a; p.colorMax = b }
        p.colorbarLabel = try k["colorbar"].map { try r.string($0, "\(key).colorbar") }
        p.levels = try k["levels"].map { try r.numbers($0, "\(key).levels") } ?? []
        if let n = k["maskLabel"] { p.maskLabel = try r.string(n, "\(key).maskLabel") }
        p.referenceLines = try k["referenceLines"].map { node in
            try r.list(node, "\(key).referenceLines").enumerated().map { try referenceLine($1, "\(key).referenceLines[\($0)]") }
        } ?? []
        if p.logColor, let lo = p.colorMin, lo <= 0 { throw r.error(k["colorRange"], "\(key).colorRange", "a log colour scale needs a positive lower end") }
        return p
    }

    func axis(_ node: Node, _ key: String) throws -> PlotAxisSpec {
        let r = reader
        let k = try r.mapping(node, key, allowed: ["label", "log", "limits"])
        var a = PlotAxisSpec()
        a.label = try k["label"].map { try r.string($0, "\(key).label") }
        a.log = try k["log"].map { try r.bool($0, "\(key).log") } ?? false
        if let n = k["limits"] {
            let (lo, hi) = try r.range(n, "\(key).limits")
            guard lo < hi, !a.log || lo > 0 else { throw r.error(n, "\(key).limits", "must be [lower, upper] with lower < upper (and > 0 on a log axis)") }
            a.limits = lo...hi
        }
        return a
    }

    func outputs(_ node: Node, _ key: String, _ sweep: SweepSpec) throws -> [String] {
        let names = try reader.strings(node, key)
        for n in names where !sweep.outputs.contains(n) {
            throw reader.error(node, key, "'\(n)' is not among the spec's outputs (\(sweep.outputs.joined(separator: ", ")))")
        }
        return names
    }

    func referenceLine(_ node: Node, _ key: String) throws -> ReferenceLineSpec {
        let k = try reader.mapping(node, key, allowed: ["x", "y", "label"])
        let label = try k["label"].map { try reader.string($0, "\(key).label") }
        if let x = k["x"], k["y"] == nil { return ReferenceLineSpec(vertical: true, at: try reader.number(x, "\(key).x"), label: label) }
        if let y = k["y"], k["x"] == nil { return ReferenceLineSpec(vertical: false, at: try reader.number(y, "\(key).y"), label: label) }
        throw reader.error(node, key, "give x (a vertical line) or y (a horizontal line)")
    }
}
