import Foundation

/// A rectangular field read back from a tidy heatmap table: `values[iy * xs.count + ix]`.
struct GridField: Sendable {
    /// The x coordinates.
    let xs: [Double]
    /// The y coordinates.
    let ys: [Double]
    /// Row-major values, one row per y.
    let values: [Double]
}

/// Tidy tables of the om panels: heatmaps written one row per grid point (y outer, x inner)
/// and read back into a field; per-series line tables.
enum OMTables {
    /// A heatmap table: columns x, y, then each named value column, y outer and x inner.
    static func grid(name: String = "main", x: (String, [Double]), y: (String, [Double]),
                     values: [(String, [Double])]) throws -> DataTable {
        let nx = x.1.count, ny = y.1.count
        var xColumn: [Double] = [], yColumn: [Double] = []
        xColumn.reserveCapacity(nx * ny); yColumn.reserveCapacity(nx * ny)
        for iy in 0..<ny { for ix in 0..<nx { xColumn.append(x.1[ix]); yColumn.append(y.1[iy]) } }
        return try DataTable(name: name, columns: [DataColumn(x.0, xColumn), DataColumn(y.0, yColumn)]
                             + values.map { DataColumn($0.0, $0.1) })
    }

    /// The field of column `value` on the grid of columns `x`, `y` (as written by `grid`).
    static func field(_ table: DataTable, x: String, y: String, value: String) throws -> GridField {
        let xc = try table.numbers(x), yc = try table.numbers(y), v = try table.numbers(value)
        guard let y0 = yc.first else { throw FigureError.malformedTable(table.name, "empty heatmap table") }
        let nx = yc.prefix(while: { $0 == y0 }).count
        guard nx > 0, yc.count % nx == 0 else {
            throw FigureError.malformedTable(table.name, "rows do not form a grid (\(yc.count) rows, \(nx) per row)")
        }
        let ny = yc.count / nx
        let xs = Array(xc.prefix(nx)), ys = (0..<ny).map { yc[$0 * nx] }
        for iy in 0..<ny { for ix in 0..<nx where xc[iy * nx + ix] != xs[ix] || yc[iy * nx + ix] != ys[iy] {
            throw FigureError.malformedTable(table.name, "row \(iy * nx + ix) is off the grid")
        } }
        return GridField(xs: xs, ys: ys, values: v)
    }

    /// Columns `x`, `y` of the rows of `series` (a line of a long-format table).
    static func series(_ table: DataTable, _ series: String, x: String, y: String) throws -> (x: [Double], y: [Double]) {
        let rows = try table.rows(where: "series", equals: series)
        return (try rows.numbers(x), try rows.numbers(y))
    }

    /// The one-row-per-level table `levels` as (series → value of column `column`).
    static func level(_ data: FigureData, _ series: String, column: String, table: String = "levels") throws -> Double {
        let t = try data.table(table)
        let rows = try t.rows(where: "series", equals: series)
        guard let value = try rows.numbers(column).first else {
            throw FigureError.malformedTable(table, "no level '\(series)'")
        }
        return value
    }

    /// A NaN for a missing value (unstable: no number).
    static func number(_ value: Double?) -> Double { value ?? .nan }
}
