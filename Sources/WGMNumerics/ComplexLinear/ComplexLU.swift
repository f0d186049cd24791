import CLapack

/// The LU factorisation P·A = L·U of a square complex matrix (LAPACK zgetrf), reusable for many
/// right-hand sides. Calls LAPACKE's `_work` entry points: the plain ones scan every input for
/// NaN on every call, which for the factors of a preconditioner applied at each GMRES step cost
/// as much as the triangular solves (5% of the cold figure set); inputs are checked finite here.
public struct ComplexLU: Sendable {
    /// Order of the factorised matrix.
    public let order: Int
    private var factors: [Complex]
    private var pivots: [LapackInt]

    /// Factorises `matrix`; throws `.singular` on an exactly zero pivot.
    public init(_ matrix: ComplexMatrix) throws {
        guard matrix.isSquare else { throw ComplexSolveError.dimensionMismatch("LU needs a square matrix, got \(matrix.rows)×\(matrix.columns)") }
        guard matrix.elements.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("matrix passed to LU") }
        precondition(complexLayoutIsLapackCompatible)
        order = matrix.rows
        factors = matrix.elements
        pivots = [LapackInt](repeating: 0, count: Swift.max(1, order))
        if order == 0 { return }
        let n = LapackInt(order)
        let info = withLapackComplex(&factors) { pa in
            LAPACKE_zgetrf_work(LAPACK_COL_MAJOR, n, n, pa, n, &pivots)
        }
        if info > 0 { throw ComplexSolveError.singular(pivot: Int(info)) }
        guard info == 0 else { throw ComplexSolveError.lapack(routine: "zgetrf", info: Int(info)) }
    }

    /// Solves A·x = b.
    public func solve(_ b: [Complex]) throws -> [Complex] {
        guard b.count == order else { throw ComplexSolveError.dimensionMismatch("right-hand side of length \(b.count) for order \(order)") }
        let m = try solve(ComplexMatrix(rows: order, columns: 1, columnMajor: b))
        return m.elements
    }

    /// Solves A·X = B for a matrix of right-hand sides.
    public func solve(_ b: ComplexMatrix) throws -> ComplexMatrix {
        guard b.rows == order else { throw ComplexSolveError.dimensionMismatch("right-hand side with \(b.rows) rows for order \(order)") }
        if order == 0 || b.columns == 0 { return b }
        guard b.elements.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("right-hand side passed to LU solve") }
        var x = b.elements
        let info = withLapackComplex(&x) { px in
            factors.withUnsafeBufferPointer { fa in
                fa.baseAddress!.withMemoryRebound(to: wgm_complex_double.self, capacity: fa.count) { pa in
                    LAPACKE_zgetrs_work(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), LapackInt(order), LapackInt(b.columns),
                                   pa, LapackInt(order), pivots, px, LapackInt(order))
                }
            }
        }
        guard info == 0 else { throw ComplexSolveError.lapack(routine: "zgetrs", info: Int(info)) }
        return try ComplexMatrix(rows: order, columns: b.columns, columnMajor: x)
    }

    /// Solves A·x = b in place on a raw buffer of length `order` (no allocation of the result):
    /// the row interchanges, then the two triangular solves as level-2 `ztrsv` (what `zgetrs`
    /// does for one right-hand side, without its level-3 packing of the factors on every call).
    public func solve(inPlace x: UnsafeMutableBufferPointer<Complex>) {
        precondition(x.count == order)
        if order == 0 { return }
        let n = order
        applyRowInterchanges(pivots, to: x)
        factors.withUnsafeBufferPointer { fa in
            let a = UnsafeRawPointer(fa.baseAddress!), v = UnsafeMutableRawPointer(x.baseAddress!)
            cblas_ztrsv(CblasColMajor, CblasLower, CblasNoTrans, CblasUnit, blasint(n), a, blasint(n), v, 1)
            cblas_ztrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, blasint(n), a, blasint(n), v, 1)
        }
    }
}
