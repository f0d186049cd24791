import Foundation

/// Tidy CSV export: a header row of column names (units in the names), one row per point,
/// NaN written as an empty field (not a number: unstable or not converged).
public enum CSV {
    /// The CSV text of `table`.
    public static func text(_ table: DataTable) -> String {
        var out = table.columnNames.map(escape).joined(separator: ",") + "\n"
        out.reserveCapacity(table.rowCount * table.columns.count * 12)
        for r in 0..<table.rowCount {
            var first = true
            for c in table.columns {
                if !first { out += "," }
                first = false
                switch c.values {
                case .numbers(let v): out += format(v[r])
                case .labels(let v): out += escape(v[r])
                }
            }
            out += "\n"
        }
        return out
    }

    /// Shortest round-trip decimal form; empty for NaN.
    static func format(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        return "\(x)"
    }

    static func escape(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
