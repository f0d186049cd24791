import Foundation
import Yams

extension SpecFile {
    /// Keys a spec built on a built-in panel or figure may have.
    static let builtinKeys = ["id", "builtin", "inputs"]

    /// `builtin: ID` with `inputs: {NAME: VALUE}`: the built-in panel or whole figure `ID` drawn
    /// exactly as `wgmfig render ID --set NAME=VALUE …` draws it, under the spec's own id (so a
    /// changed figure never overwrites the paper's). `wgmfig serve` exports its views this way.
    static func builtin(_ base: Node, _ keys: [String: Node], id: String, reader r: SpecReader) throws -> SpecFile {
        for (k, node) in keys where !builtinKeys.contains(k) {
            throw r.error(node, k, "not allowed with builtin: a spec built on a built-in figure has only \(builtinKeys.joined(separator: ", "))")
        }
        let name = try r.string(base, "builtin")
        let entry: Catalog.Entry
        do { entry = try Catalog.entry(name) } catch { throw r.error(base, "builtin", "\(error)") }
        guard (try? Catalog.entry(id)) == nil else {
            throw r.error(keys["id"] ?? base, "id", "'\(id)' is a built-in id: give the spec an id of its own")
        }
        let panels: [FigureSpec]
        switch entry {
        case .panel(let p): panels = [p]
        case .composite(let c): panels = try c.panels.map { try c.panel($0.id) }
        }
        let model = panels[0].model
        let settings = try keys["inputs"].map {
            try PanelParser(reader: r, shared: [:]).settings($0, "inputs", ModelRegistry.of(model))
        } ?? []
        func adapted(_ panel: FigureSpec) throws -> FigureSpec {
            var p = panel
            p.userInputs = settings
            do { _ = try p.inputs() } catch { throw r.error(keys["inputs"], "inputs", "\(error)") }
            return p
        }
        switch entry {
        case .panel(let p):
            let letter = p.letter
            var copy = try adapted(p)
            copy.id = id
            copy.panelLetter = letter
            return SpecFile(entry: .panel(copy))
        case .composite(var c):
            c.specs = Dictionary(uniqueKeysWithValues: try panels.map { ($0.id, try adapted($0)) })
            c.id = id
            return SpecFile(entry: .composite(c))
        }
    }
}
