/// A sparse complex matrix in compressed-sparse-row form; a value type. Entries with the same
/// (row, column) given at construction are summed; explicit zeros are kept (the pattern can
/// then be shared by several matrices that differ only in values).
public struct SparseComplexMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Row i occupies entries rowStart[i] ..< rowStart[i + 1].
    public let rowStart: [Int32]
    /// Column of each stored entry.
    public let columnIndex: [Int32]
    /// Value of each stored entry (may be changed in place; the pattern is fixed).
    public var values: [Complex]

    /// A matrix from (row, column, value) triplets, duplicates summed.
    public init(rows: Int, columns: Int, triplets: [(row: Int, column: Int, value: Complex)]) throws {
        guard rows >= 0, columns >= 0, rows < Int(Int32.max), columns < Int(Int32.max) else {
            throw ComplexSolveError.dimensionMismatch("sparse matrix of \(rows)×\(columns)")
        }
        for t in triplets where !(0..<rows).contains(t.row) || !(0..<columns).contains(t.column) {
            throw ComplexSolveError.dimensionMismatch("entry (\(t.row), \(t.column)) outside \(rows)×\(columns)")
        }
        let sorted = triplets.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        var start = [Int32](repeating: 0, count: rows + 1)
        var cols: [Int32] = []
        var vals: [Complex] = []
        cols.reserveCapacity(sorted.count); vals.reserveCapacity(sorted.count)
        var lastRow = -1, lastCol = -1
        for t in sorted {
            if t.row == lastRow && t.column == lastCol {
                vals[vals.count - 1] += t.value
            } else {
                cols.append(Int32(t.column)); vals.append(t.value)
                start[t.row + 1] += 1
                lastRow = t.row; lastCol = t.column
            }
        }
        for i in 0..<rows { start[i + 1] += start[i] }
        self.rows = rows; self.columns = columns
        rowStart = start; columnIndex = cols; values = vals
    }

    /// A matrix from ready-made CSR arrays (validated).
    public init(rows: Int, columns: Int, rowStart: [Int32], columnIndex: [Int32], values: [Complex]) throws {
        guard rowStart.count == rows + 1, rowStart.first == 0, Int(rowStart.last!) == columnIndex.count,
              columnIndex.count == values.count,
              zip(rowStart, rowStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              columnIndex.allSatisfy({ $0 >= 0 && Int($0) < columns }) else {
            throw ComplexSolveError.dimensionMismatch("inconsistent CSR arrays for \(rows)×\(columns)")
        }
        self.rows = rows; self.columns = columns
        self.rowStart = rowStart; self.columnIndex = columnIndex; self.values = values
    }

    /// Number of stored entries.
    public var storedCount: Int { values.count }

    /// y = A·x on raw buffers (x.count == columns, y.count == rows).
    @inlinable
    public func multiply(_ x: UnsafeBufferPointer<Complex>, into y: UnsafeMutableBufferPointer<Complex>) {
        precondition(x.count == columns && y.count == rows)
        rowStart.withUnsafeBufferPointer { rs in
            columnIndex.withUnsafeBufferPointer { ci in
                values.withUnsafeBufferPointer { v in
                    for i in 0..<rows {
                        var re = 0.0, im = 0.0
                        for k in Int(rs[i])..<Int(rs[i + 1]) {
                            let a = v[k], b = x[Int(ci[k])]
                            re += a.re * b.re - a.im * b.im
                            im += a.re * b.im + a.im * b.re
                        }
                        y[i] = Complex(re, im)
                    }
                }
            }
        }
    }

    /// A·x.
    public func multiply(_ x: [Complex]) -> [Complex] {
        var y = [Complex](repeating: .zero, count: rows)
        x.withUnsafeBufferPointer { px in y.withUnsafeMutableBufferPointer { py in multiply(px, into: py) } }
        return y
    }

    /// |A|·|x| (entrywise moduli): the scale of each row's terms, for componentwise backward errors.
    public func absoluteMultiply(_ x: [Complex]) -> [Double] {
        var y = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            var s = 0.0
            for k in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                s += (values[k].normSquared * x[Int(columnIndex[k])].normSquared).squareRoot()
            }
            y[i] = s
        }
        return y
    }

    /// ‖A‖₁, the largest absolute column sum.
    public var oneNorm: Double {
        var sums = [Double](repeating: 0, count: columns)
        for k in values.indices { sums[Int(columnIndex[k])] += values[k].magnitude }
        return sums.max() ?? 0
    }

    /// The dense equivalent (for tests and small problems).
    public func dense() -> ComplexMatrix {
        var m = ComplexMatrix(rows: rows, columns: columns)
        for i in 0..<rows {
            for k in Int(rowStart[i])..<Int(rowStart[i + 1]) { m[i, Int(columnIndex[k])] += values[k] }
        }
        return m
    }
}
