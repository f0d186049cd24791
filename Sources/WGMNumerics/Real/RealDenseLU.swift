import CLapack

/// The LU factorisation P·A = L·U of a dense real n × n matrix (LAPACK dgetrf), for systems of
/// moderate order solved for many right-hand sides one at a time (`RealLU` is the allocation-free
/// kernel for the tiny fixed-size systems of the hot loops). LAPACKE's `_work` entry points: the
/// plain ones scan the factors for NaN on every call; inputs are checked finite here.
public struct RealDenseLU: Sendable {
    /// Order of the factorised matrix.
    public let order: Int
    private var factors: [Double]
    private var pivots: [LapackInt]

    /// Factorises the n × n column-major `columnMajor`; throws `.singular` on an exactly zero
    /// pivot and `.nonFinite` on NaN or infinite entries.
    public init(order n: Int, columnMajor: [Double]) throws {
        guard n >= 0, columnMajor.count == n * n else {
            throw LinearAlgebraError.dimensionMismatch("LU of order \(n) needs \(n * n) entries, got \(columnMajor.count)")
        }
        guard columnMajor.allSatisfy(\.isFinite) else { throw LinearAlgebraError.nonFinite("matrix passed to LU") }
        order = n
        factors = columnMajor
        pivots = [Int32](repeating: 0, count: Swift.max(1, n))
        if n == 0 { return }
        let info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, Int32(n), Int32(n), &factors, Int32(n), &pivots)
        if info > 0 { throw LinearAlgebraError.singular("zero pivot \(info) in LU of order \(n)") }
        guard info == 0 else { throw LinearAlgebraError.lapack(routine: "dgetrf", info: Int(info)) }
    }

    /// Solves A·x = b in place (length `order`): the row interchanges, then the two triangular
    /// solves as level-2 `dtrsv`.
    public func solve(inPlace x: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == order)
        if order == 0 { return }
        let n = order
        applyRowInterchanges(pivots, to: x)
        factors.withUnsafeBufferPointer { a in
            cblas_dtrsv(CblasColMajor, CblasLower, CblasNoTrans, CblasUnit, blasint(n), a.baseAddress!, blasint(n), x.baseAddress!, 1)
            cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, blasint(n), a.baseAddress!, blasint(n), x.baseAddress!, 1)
        }
    }
}
