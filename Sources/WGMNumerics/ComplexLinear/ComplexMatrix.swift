/// A dense complex matrix stored column by column (LAPACK's layout); a value type.
public struct ComplexMatrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Entries in column-major order: element (i, j) is `elements[i + j * rows]`.
    public var elements: [Complex]

    /// A rows × columns matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Complex = .zero) {
        precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
        self.rows = rows; self.columns = columns
        elements = [Complex](repeating: value, count: rows * columns)
    }

    /// A matrix from column-major entries; throws when the count does not match.
    public init(rows: Int, columns: Int, columnMajor: [Complex]) throws {
        guard rows >= 0, columns >= 0, columnMajor.count == rows * columns else {
            throw ComplexSolveError.dimensionMismatch("\(columnMajor.count) entries for a \(rows)×\(columns) matrix")
        }
        self.rows = rows; self.columns = columns; elements = columnMajor
    }

    /// A matrix whose entry (i, j) is `entry(i, j)`.
    public init(rows: Int, columns: Int, _ entry: (Int, Int) -> Complex) {
        self.init(rows: rows, columns: columns)
        for j in 0..<columns { for i in 0..<rows { elements[i + j * rows] = entry(i, j) } }
    }

    /// The n × n identity.
    public static func identity(_ n: Int) -> ComplexMatrix {
        ComplexMatrix(rows: n, columns: n) { i, j in i == j ? .one : .zero }
    }

    /// Entry (i, j).
    @inlinable public subscript(i: Int, j: Int) -> Complex {
        get { elements[i + j * rows] }
        set { elements[i + j * rows] = newValue }
    }

    /// True for a square matrix.
    public var isSquare: Bool { rows == columns }

    /// The conjugate transpose A†.
    public var adjoint: ComplexMatrix {
        ComplexMatrix(rows: columns, columns: rows) { i, j in self[j, i].conjugate }
    }

    /// The largest absolute column sum ‖A‖₁.
    public var oneNorm: Double {
        var best = 0.0
        for j in 0..<columns {
            var s = 0.0
            for i in 0..<rows { s += elements[i + j * rows].magnitude }
            best = Swift.max(best, s)
        }
        return best
    }

    /// The largest entry modulus.
    public var maxAbs: Double { elements.reduce(0) { Swift.max($0, $1.magnitude) } }

    /// A + B (same shape).
    public static func + (a: ComplexMatrix, b: ComplexMatrix) -> ComplexMatrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in +")
        var c = a
        for k in c.elements.indices { c.elements[k] += b.elements[k] }
        return c
    }

    /// A − B (same shape).
    public static func - (a: ComplexMatrix, b: ComplexMatrix) -> ComplexMatrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in -")
        var c = a
        for k in c.elements.indices { c.elements[k] -= b.elements[k] }
        return c
    }

    /// s·A.
    public static func * (s: Complex, a: ComplexMatrix) -> ComplexMatrix {
        var c = a
        for k in c.elements.indices { c.elements[k] = s * c.elements[k] }
        return c
    }

    /// s·A for real s.
    public static func * (s: Double, a: ComplexMatrix) -> ComplexMatrix {
        var c = a
        for k in c.elements.indices { c.elements[k] = s * c.elements[k] }
        return c
    }

    /// The matrix product A·B.
    public static func * (a: ComplexMatrix, b: ComplexMatrix) -> ComplexMatrix {
        precondition(a.columns == b.rows, "shape mismatch in *: \(a.rows)×\(a.columns) · \(b.rows)×\(b.columns)")
        var c = ComplexMatrix(rows: a.rows, columns: b.columns)
        let m = a.rows
        a.elements.withUnsafeBufferPointer { pa in
            c.elements.withUnsafeMutableBufferPointer { pc in
                for j in 0..<b.columns {
                    for k in 0..<a.columns {
                        let bkj = b.elements[k + j * b.rows]
                        if bkj.re == 0 && bkj.im == 0 { continue }
                        for i in 0..<m { pc[i + j * m] += pa[i + k * m] * bkj }
                    }
                }
            }
        }
        return c
    }

    /// The matrix–vector product A·x.
    public func multiply(_ x: [Complex]) -> [Complex] {
        precondition(x.count == columns, "vector length \(x.count) for \(columns) columns")
        var y = [Complex](repeating: .zero, count: rows)
        for j in 0..<columns {
            let xj = x[j]
            for i in 0..<rows { y[i] += elements[i + j * rows] * xj }
        }
        return y
    }
}
