/// Every figure id the tool knows: the data panels of both papers and the whole figures.
public enum Catalog {
    /// All data panels, in paper order.
    public static let panels: [FigureSpec] = OptomechanicsFigures.panels + BlockadeFigures.panels
    /// All whole-figure composites, in paper order.
    public static let composites: [CompositeSpec] = OptomechanicsFigures.composites + BlockadeFigures.composites

    /// Every id (panels then composites) in paper order.
    public static var ids: [String] {
        let panelIDs = panels.map(\.id), compositeIDs = composites.map(\.id)
        return (panelIDs + compositeIDs).sorted(by: paperOrder)
    }

    /// An id's entry.
    public enum Entry: Sendable {
        /// A data or schematic panel (`om-2a`).
        case panel(FigureSpec)
        /// A whole figure of several panels (`om-2`).
        case composite(CompositeSpec)
        /// The entry's id.
        public var id: String { switch self { case .panel(let p): p.id; case .composite(let c): c.id } }
        /// The entry's title.
        public var title: String { switch self { case .panel(let p): p.title; case .composite(let c): c.title } }
    }

    /// The entry for `id`, or an error naming the closest ids.
    public static func entry(_ id: String) throws -> Entry {
        if let p = panels.first(where: { $0.id == id }) { return .panel(p) }
        if let c = composites.first(where: { $0.id == id }) { return .composite(c) }
        throw FigureError.unknownID(id, suggestions: Suggestions.closest(to: id, among: ids))
    }

    /// The entry for a command-line argument: a catalog id, or a YAML spec file (`*.yaml`, `*.yml`).
    public static func resolve(_ argument: String) throws -> Entry {
        if SpecFile.isSpecPath(argument) { return try SpecFile.load(path: argument).entry }
        return try entry(argument)
    }

    /// Throws the first problem of `overrides` for any panel of `entry` (unknown name, swept
    /// input, value not allowed), before anything is computed or written.
    public static func checkOverrides(_ overrides: [InputOverride], for entry: Entry) throws {
        guard !overrides.isEmpty else { return }
        switch entry {
        case .panel(let p): _ = try p.inputs(overrides: overrides)
        case .composite(let c): for cell in c.panels { _ = try c.panel(cell.id).inputs(overrides: overrides) }
        }
    }

    /// The panel spec for `id`.
    public static func panel(_ id: String) throws -> FigureSpec {
        guard case .panel(let p) = try entry(id) else { throw FigureError.io("'\(id)' is a whole figure, not a panel") }
        return p
    }

    /// "om-2a" < "om-2b" < "om-2" < "om-3a"; om before spb; figure numbers numerically.
    static func paperOrder(_ a: String, _ b: String) -> Bool { sortKey(a) < sortKey(b) }

    private static func sortKey(_ id: String) -> String {
        let parts = id.split(separator: "-", maxSplits: 1)
        guard parts.count == 2 else { return id }
        let digits = parts[1].prefix(while: \.isNumber), rest = parts[1].dropFirst(digits.count)
        let number = String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        return "\(parts[0])-\(number)-\(rest.isEmpty ? "~" : String(rest))"
    }
}
