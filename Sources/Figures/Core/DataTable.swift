import Foundation

/// One column of a tidy table: a header name that carries its unit (`Delta_over_Gamma`,
/// `phi_um`) and either numbers (NaN = not a number: unstable or not converged) or text labels.
public struct DataColumn: Sendable, Equatable {
    /// The column's values.
    public enum Values: Sendable, Equatable {
        /// Numeric values (NaN: not a number, written as an empty CSV field).
        case numbers([Double])
        /// Text values (a series or device name).
        case labels([String])
    }
    /// Header name, with the unit or normalisation in it.
    public let name: String
    /// The values, one per row.
    public let values: Values

    /// A numeric column.
    public init(_ name: String, _ numbers: [Double]) { self.name = name; values = .numbers(numbers) }
    /// A text column (series names, case labels).
    public init(_ name: String, labels: [String]) { self.name = name; values = .labels(labels) }

    /// Number of rows.
    public var count: Int {
        switch values { case .numbers(let v): v.count; case .labels(let v): v.count }
    }

    public static func == (a: DataColumn, b: DataColumn) -> Bool {
        guard a.name == b.name else { return false }
        switch (a.values, b.values) {
        case (.numbers(let x), .numbers(let y)):
            // NaN equals NaN here: a cached table must compare equal to the computed one.
            return x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern || $0 == $1 }
        case (.labels(let x), .labels(let y)): return x == y
        default: return false
        }
    }
}

/// A tidy table: one row per point, one column per variable. Exported as CSV.
public struct DataTable: Sendable, Equatable {
    /// The table's name within a figure's data ("main", "levels", ...).
    public let name: String
    /// The columns, all of equal length.
    public let columns: [DataColumn]

    /// Creates a table; all columns must have the same length and distinct names.
    public init(name: String = "main", columns: [DataColumn]) throws {
        let counts = Set(columns.map(\.count))
        guard counts.count <= 1 else {
            throw FigureError.malformedTable(name, "columns have different lengths \(columns.map { "\($0.name)=\($0.count)" })")
        }
        let names = columns.map(\.name)
        guard Set(names).count == names.count else {
            throw FigureError.malformedTable(name, "duplicate column names \(names)")
        }
        self.name = name
        self.columns = columns
    }

    /// Number of rows.
    public var rowCount: Int { columns.first?.count ?? 0 }
    /// Column names in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The numeric column `name`.
    public func numbers(_ name: String) throws -> [Double] {
        guard let c = columns.first(where: { $0.name == name }) else { throw FigureError.missingColumn(self.name, name) }
        guard case .numbers(let v) = c.values else { throw FigureError.malformedTable(self.name, "column \(name) is not numeric") }
        return v
    }

    /// The text column `name`.
    public func labels(_ name: String) throws -> [String] {
        guard let c = columns.first(where: { $0.name == name }) else { throw FigureError.missingColumn(self.name, name) }
        guard case .labels(let v) = c.values else { throw FigureError.malformedTable(self.name, "column \(name) is not text") }
        return v
    }

    /// The rows whose text column `column` equals `label`, as a new table.
    public func rows(where column: String, equals label: String) throws -> DataTable {
        let keys = try labels(column)
        let keep = keys.indices.filter { keys[$0] == label }
        return try DataTable(name: name, columns: columns.map { c in
            switch c.values {
            case .numbers(let v): DataColumn(c.name, keep.map { v[$0] })
            case .labels(let v): DataColumn(c.name, labels: keep.map { v[$0] })
            }
        })
    }

    /// Number of NaN entries in numeric column `name` (unstable or non-converged points).
    public func nanCount(_ name: String) throws -> Int { try numbers(name).filter(\.isNaN).count }
}

/// Builds a long-format table row by row from named series: `series, x, y...`.
public struct TidyTableBuilder {
    private let name: String
    private let seriesColumn: String
    private let numericColumns: [String]
    private var series: [String] = []
    private var values: [[Double]]

    /// A builder with a text column `seriesColumn` and the given numeric columns.
    public init(name: String = "main", seriesColumn: String = "series", numericColumns: [String]) {
        self.name = name
        self.seriesColumn = seriesColumn
        self.numericColumns = numericColumns
        self.values = Array(repeating: [], count: numericColumns.count)
    }

    /// Appends one row.
    public mutating func append(_ label: String, _ row: [Double]) {
        precondition(row.count == numericColumns.count, "row has \(row.count) values, expected \(numericColumns.count)")
        series.append(label)
        for (i, v) in row.enumerated() { values[i].append(v) }
    }

    /// Appends a whole series of rows with the same label.
    public mutating func append(_ label: String, rows: [[Double]]) { for r in rows { append(label, r) } }

    /// The finished table.
    public func build() throws -> DataTable {
        try DataTable(name: name, columns: [DataColumn(seriesColumn, labels: series)]
            + zip(numericColumns, values).map { DataColumn($0, $1) })
    }
}
