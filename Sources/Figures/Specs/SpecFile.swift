import Foundation
import Plot
import Yams

/// A figure spec written in YAML (docs/spec-files.md): a model, fixed inputs, one or two swept
/// inputs, series, outputs and the plot; or several such panels on a grid. It builds the same
/// `SweepSpec` and `PlotSpec` values as the built-in panels and is used like an id.
public struct SpecFile: Sendable {
    /// The figure: one panel, or a whole figure of panels.
    public let entry: Catalog.Entry

    /// True for arguments naming a spec file (`*.yaml`, `*.yml`).
    public static func isSpecPath(_ argument: String) -> Bool {
        argument.hasSuffix(".yaml") || argument.hasSuffix(".yml")
    }

    /// Largest spec file read (a spec is a few hundred lines at most).
    public static let maximumBytes = 1 << 20

    /// Loads and checks a spec file; every problem is one line naming the file, line and key.
    public static func load(path: String) throws -> SpecFile {
        let url = URL(fileURLWithPath: path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), let size = attributes[.size] as? Int else {
            throw SpecError.unreadable(path, "no such spec file")
        }
        guard size <= maximumBytes else { throw SpecError.unreadable(path, "is \(size) bytes: a spec file may have at most \(maximumBytes)") }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw SpecError.unreadable(path, "is not UTF-8 text") }
        let stem = url.deletingPathExtension().lastPathComponent
        return try parse(text, file: path, defaultID: stem)
    }

    /// Parses spec text (`file` names it in errors; `defaultID` is used when it has no `id`).
    public static func parse(_ text: String, file: String, defaultID: String) throws -> SpecFile {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw SpecError.unreadable(file, "is empty") }
            root = node
        } catch let e as SpecError { throw e } catch {
            throw SpecError.unreadable(file, "is not valid YAML (\(String(describing: error).split(separator: "\n").first ?? ""))")
        }
        let r = SpecReader(file: file)
        let keys = try r.mapping(root, "", allowed: PanelParser.keys + ["panels", "layout", "builtin"])
        let id = try keys["id"].map { try Self.identifier($0, r) } ?? defaultID
        if let base = keys["builtin"] { return try builtin(base, keys, id: id, reader: r) }
        guard let panels = keys["panels"] else {
            return SpecFile(entry: .panel(try PanelParser(reader: r, shared: [:]).panel(keys, id: id, path: "", letter: nil)))
        }
        let shared = keys.filter { ["model", "inputs"].contains($0.key) }
        let items = try r.list(panels, "panels")
        guard !items.isEmpty, items.count <= 26 else { throw r.error(panels, "panels", "must list 1 to 26 panels") }
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let specs = try items.enumerated().map { k, node in
            try PanelParser(reader: r, shared: shared).panel(try r.mapping(node, "panels[\(k)]", allowed: PanelParser.keys),
                                                             id: "\(id)-\(letters[k])", path: "panels[\(k)]", letter: letters[k])
        }
        let layout = try keys["layout"].map { try r.mapping($0, "layout", allowed: ["rows", "columns"]) } ?? [:]
        let columns = try layout["columns"].map { try r.int($0, "layout.columns", in: 1...26) } ?? min(specs.count, 3)
        let rows = try layout["rows"].map { try r.int($0, "layout.rows", in: 1...26) } ?? (specs.count + columns - 1) / columns
        guard rows * columns >= specs.count else {
            throw r.error(keys["layout"], "layout", "\(rows) × \(columns) cells cannot hold \(specs.count) panels")
        }
        let title = try keys["title"].map { try r.string($0, "title") } ?? id
        var composite = CompositeSpec(id: id, title: title, panelIDs: specs.map(\.id), rows: rows, columns: columns,
                                      width: try PanelParser.width(keys["width"], r, default: .doubleColumn),
                                      height: try PanelParser.height(keys["aspect"], r))
        composite.specs = Dictionary(uniqueKeysWithValues: specs.map { ($0.id, $0) })
        return SpecFile(entry: .composite(composite))
    }

    static func identifier(_ node: Node, _ r: SpecReader) throws -> String {
        let s = try r.string(node, "id")
        guard !s.isEmpty, s.count <= 64, s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw r.error(node, "id", "'\(s)' must be 1–64 letters, digits, '-' or '_'")
        }
        return s
    }
}
