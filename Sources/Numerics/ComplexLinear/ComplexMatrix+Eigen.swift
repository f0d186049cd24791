import CLapack

extension ComplexMatrix {
    /// Eigenvalues (ascending) and orthonormal eigenvectors (columns) of a Hermitian matrix, by
    /// LAPACK zheev. Only the upper triangle is read.
    public func hermitianEigen() throws -> (values: [Double], vectors: ComplexMatrix) {
        guard isSquare else { throw ComplexSolveError.dimensionMismatch("zheev needs a square matrix, got \(rows)×\(columns)") }
        guard elements.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("matrix passed to zheev") }
        precondition(complexLayoutIsLapackCompatible)
        let n = rows
        if n == 0 { return ([], self) }
        var a = elements
        var w = [Double](repeating: 0, count: n)
        let info = withLapackComplex(&a) { pa in
            LAPACKE_zheev(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "U")),
                          LapackInt(n), pa, LapackInt(n), &w)
        }
        guard info == 0 else { throw ComplexSolveError.lapack(routine: "zheev", info: Int(info)) }
        return (w, try ComplexMatrix(rows: n, columns: n, columnMajor: a))
    }

    /// Eigenvalues (ascending) of a Hermitian matrix, by LAPACK zheev without vectors.
    public func hermitianEigenvalues() throws -> [Double] {
        guard isSquare else { throw ComplexSolveError.dimensionMismatch("zheev needs a square matrix, got \(rows)×\(columns)") }
        guard elements.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("matrix passed to zheev") }
        precondition(complexLayoutIsLapackCompatible)
        let n = rows
        if n == 0 { return [] }
        var a = elements
        var w = [Double](repeating: 0, count: n)
        let info = withLapackComplex(&a) { pa in
            LAPACKE_zheev(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "U")),
                          LapackInt(n), pa, LapackInt(n), &w)
        }
        guard info == 0 else { throw ComplexSolveError.lapack(routine: "zheev", info: Int(info)) }
        return w
    }
}
