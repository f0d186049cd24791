import Foundation

/// What a figure spec's computation returns: tidy tables plus what the computation learned
/// (notes such as "37 unstable points masked", metadata such as the Fock cutoff used).
public struct FigureData: Sendable, Equatable {
    /// The tables; the first one is the panel's main data (`<id>.csv`), others are `<id>-<name>.csv`.
    public var tables: [DataTable]
    /// Computed notes, shown by `wgmfig show` and written into the sidecar.
    public var notes: [String]
    /// Computed metadata (truncation used, drawn random values, ...), in insertion order.
    public var metadata: [(key: String, value: String)]

    /// Creates figure data.
    public init(tables: [DataTable], notes: [String] = [], metadata: [(key: String, value: String)] = []) {
        self.tables = tables
        self.notes = notes
        self.metadata = metadata
    }

    /// The table named `name`.
    public func table(_ name: String = "main") throws -> DataTable {
        guard let t = tables.first(where: { $0.name == name }) else {
            throw FigureError.malformedTable(name, "no such table (have \(tables.map(\.name)))")
        }
        return t
    }

    public static func == (a: FigureData, b: FigureData) -> Bool {
        a.tables == b.tables && a.notes == b.notes
            && a.metadata.map { "\($0.key)=\($0.value)" } == b.metadata.map { "\($0.key)=\($0.value)" }
    }
}
