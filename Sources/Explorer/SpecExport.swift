import Figures
import Foundation
import Yams

/// A view as a YAML spec that `wgmfig render` draws back into the same figure: for a built-in
/// page `builtin: ID` with the page's inputs; for a spec file, that file with the page's inputs
/// written into every panel's `inputs` (where they win, as `--set` does). Either way the spec
/// gets an id of its own (`<id>-view`), so its files never overwrite the original's.
enum SpecExport {
    /// The YAML of `view` (its overrides already checked against `entry`).
    static func yaml(_ view: ViewRequest, entry: Catalog.Entry, index: FigureIndex) throws -> String {
        let settings = try canonical(view.overrides, entry: entry)
        let newID = viewID(entry.id)
        let header = """
            # A view of \(view.id) exported by `wgmfig serve` (\(view.quality.rawValue) quality, style \(view.style)).
            # Draw it with: wgmfig render \(newID).yaml --style \(view.style) --quality \(view.quality.rawValue)

            """
        guard SpecFile.isSpecPath(view.id) else {
            var lines = ["id: \(newID)", "builtin: \(view.id)"]
            if !settings.isEmpty { lines += ["inputs:"] + settings.map { "  \($0.name): \($0.text)" } }
            return header + lines.joined(separator: "\n") + "\n"
        }
        return header + (try merged(settings, into: try index.specText(view.id), id: newID))
    }

    /// `om-3a` → `om-3a-view` (a spec id: letters, digits, '-', '_', at most 64).
    static func viewID(_ id: String) -> String {
        let clean = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }.prefix(59))
        return clean + "-view"
    }

    /// Each override as its canonical text (a choice's name, the shortest round-trip number).
    static func canonical(_ overrides: [InputOverride], entry: Catalog.Entry) throws -> [(name: String, text: String)] {
        let model: ModelID
        switch entry {
        case .panel(let p): model = p.model
        case .composite(let c): model = try c.panel(c.panels[0].id).model
        }
        let registry = ModelRegistry.of(model)
        return try overrides.map { o in
            let input = try registry.input(o.name)
            return (o.name, input.display(try input.parse(o.text)))
        }
    }

    /// The spec text with `id` replaced and the settings written into each panel's inputs.
    static func merged(_ settings: [(name: String, text: String)], into text: String, id: String) throws -> String {
        guard let root = try Yams.compose(yaml: text), let mapping = root.mapping else {
            throw ExplorerError(422, "the spec file is not a YAML mapping")
        }
        var pairs = Array(mapping).map { ($0.key, $0.value) }
        set(&pairs, "id", Node(id))
        if let k = pairs.firstIndex(where: { $0.0.string == "panels" }), let panels = pairs[k].1.sequence {
            pairs[k].1 = Node(panels.map { panel in
                guard let m = panel.mapping else { return panel }
                var p = Array(m).map { ($0.key, $0.value) }
                setInputs(&p, settings)
                return Node(p)
            })
        } else {
            setInputs(&pairs, settings)
        }
        return try Yams.serialize(node: Node(pairs), allowUnicode: true)
    }

    private static func set(_ pairs: inout [(Node, Node)], _ key: String, _ value: Node) {
        if let k = pairs.firstIndex(where: { $0.0.string == key }) { pairs[k].1 = value } else { pairs.insert((Node(key), value), at: 0) }
    }

    private static func setInputs(_ pairs: inout [(Node, Node)], _ settings: [(name: String, text: String)]) {
        guard !settings.isEmpty else { return }
        var inputs = pairs.first(where: { $0.0.string == "inputs" }).flatMap { $0.1.mapping }.map { Array($0).map { ($0.key, $0.value) } } ?? []
        for s in settings {
            if let k = inputs.firstIndex(where: { $0.0.string == s.name }) { inputs[k].1 = Node(s.text) } else { inputs.append((Node(s.name), Node(s.text))) }
        }
        if let k = pairs.firstIndex(where: { $0.0.string == "inputs" }) {
            pairs[k].1 = Node(inputs)
        } else {
            let at = (pairs.firstIndex(where: { $0.0.string == "model" }).map { $0 + 1 }) ?? pairs.count
            pairs.insert((Node("inputs"), Node(inputs)), at: at)
        }
    }
}
