import CLapack

/// A dense real matrix stored column-major (LAPACK's layout), a value type.
public struct RealMatrix: Equatable, Sendable, CustomStringConvertible {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, column by column: element (i, j) is `elements[i + j * rows]`.
    public var elements: [Double]

    /// A rows × columns matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
        self.rows = rows; self.columns = columns
        elements = Array(repeating: value, count: rows * columns)
    }

    /// A rows × columns matrix from column-major entries.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(elements.count == rows * columns, "wrong number of entries")
        self.rows = rows; self.columns = columns; self.elements = elements
    }

    /// A matrix from its rows (all of equal length).
    public init(_ rowArrays: [[Double]]) {
        let r = rowArrays.count, c = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == c }, "ragged rows")
        self.init(rows: r, columns: c)
        for i in 0..<r { for j in 0..<c { self[i, j] = rowArrays[i][j] } }
    }

    /// The n × n identity.
    public static func identity(_ n: Int) -> RealMatrix { diagonal(Array(repeating: 1, count: n)) }

    /// The square matrix with `d` on its diagonal.
    public static func diagonal(_ d: [Double]) -> RealMatrix {
        var m = RealMatrix(rows: d.count, columns: d.count)
        for (i, x) in d.enumerated() { m[i, i] = x }
        return m
    }

    /// Element (i, j).
    @inlinable public subscript(i: Int, j: Int) -> Double {
        get { elements[i + j * rows] }
        set { elements[i + j * rows] = newValue }
    }

    /// Row i as an array.
    public func row(_ i: Int) -> [Double] { (0..<columns).map { self[i, $0] } }

    /// The transpose.
    public var transposed: RealMatrix {
        var t = RealMatrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    /// The Frobenius norm √(Σ a_ij²).
    public var frobeniusNorm: Double { elements.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// True when every entry is finite.
    public var isFinite: Bool { elements.allSatisfy { $0.isFinite } }

    /// The matrix product.
    public static func * (a: RealMatrix, b: RealMatrix) -> RealMatrix {
        precondition(a.columns == b.rows, "product of \(a.rows)×\(a.columns) and \(b.rows)×\(b.columns)")
        var c = RealMatrix(rows: a.rows, columns: b.columns)
        for j in 0..<b.columns {
            for k in 0..<a.columns {
                let bkj = b[k, j]
                if bkj == 0 { continue }
                for i in 0..<a.rows { c.elements[i + j * a.rows] += a.elements[i + k * a.rows] * bkj }
            }
        }
        return c
    }

    /// Entrywise sum.
    public static func + (a: RealMatrix, b: RealMatrix) -> RealMatrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "sum of different shapes")
        var c = a
        for k in c.elements.indices { c.elements[k] += b.elements[k] }
        return c
    }

    /// Entrywise difference.
    public static func - (a: RealMatrix, b: RealMatrix) -> RealMatrix { a + (-1) * b }

    /// Scalar multiple.
    public static func * (s: Double, a: RealMatrix) -> RealMatrix {
        var c = a
        for k in c.elements.indices { c.elements[k] *= s }
        return c
    }

    /// The eigenvalues (LAPACK dgeev), in LAPACK's order; complex pairs are adjacent.
    public func eigenvalues() throws -> [Complex] {
        guard rows == columns else { throw LinearAlgebraError.dimensionMismatch("eigenvalues of a \(rows)×\(columns) matrix") }
        guard isFinite else { throw LinearAlgebraError.nonFinite("eigenvalues of a matrix with NaN or infinite entries") }
        if rows == 0 { return [] }
        var a = elements
        var wr = [Double](repeating: 0, count: rows), wi = wr
        let n = Int32(rows)
        let info = LAPACKE_dgeev(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: "N")),
                                 n, &a, n, &wr, &wi, nil, 1, nil, 1)
        guard info == 0 else { throw LinearAlgebraError.lapack(routine: "dgeev", info: Int(info)) }
        return (0..<rows).map { Complex(wr[$0], wi[$0]) }
    }

    /// The entries row by row (the layout of the pointer kernels in this folder).
    public var rowMajorElements: [Double] {
        var out = [Double](); out.reserveCapacity(rows * columns)
        for i in 0..<rows { for j in 0..<columns { out.append(self[i, j]) } }
        return out
    }

    /// A rows × columns matrix from entries given row by row.
    public init(rows: Int, columns: Int, rowMajor: [Double]) {
        precondition(rowMajor.count == rows * columns, "wrong number of entries")
        self.init(rows: rows, columns: columns)
        for i in 0..<rows { for j in 0..<columns { self[i, j] = rowMajor[i * columns + j] } }
    }

    public var description: String {
        (0..<rows).map { i in row(i).map { String($0) }.joined(separator: " ") }.joined(separator: "\n")
    }
}
