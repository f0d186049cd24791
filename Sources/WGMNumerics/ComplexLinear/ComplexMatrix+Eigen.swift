import CLapack

extension ComplexMatrix {
    /// Eigenvalues (ascending) and orthonormal eigenvectors (columns) of a Hermitian matrix, by
    /// LAPACK zheev. Only the upper triangle is read.
    public func hermitianEigen() throws -> (values: [Double], vectors: ComplexMatrix) {
        guard isSquare else { throw ComplexSolveError.dimensionMismatch("zheev needs a square matrix, got \(rows)×\(columns)") }
        let (w, vectors) = try zheev(computeVectors: true)
        return (w, try ComplexMatrix(rows: rows, columns: rows, columnMajor: vectors))
    }

    /// Eigenvalues (ascending) of a Hermitian matrix, by LAPACK zheev without vectors.
    public func hermitianEigenvalues() throws -> [Double] {
        guard isSquare else { throw ComplexSolveError.dimensionMismatch("zheev needs a square matrix, got \(rows)×\(columns)") }
        return try zheev(computeVectors: false).values
    }

    /// LAPACK zheev on a copy of the elements: eigenvalues ascending, and the eigenvectors
    /// (column-major, overwriting the copy) when asked for.
    private func zheev(computeVectors: Bool) throws -> (values: [Double], vectors: [Complex]) {
        guard elements.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("matrix passed to zheev") }
        precondition(complexLayoutIsLapackCompatible)
        let n = rows
        if n == 0 { return ([], []) }
        var a = elements
        var w = [Double](repeating: 0, count: n)
        let job = Int8(UInt8(ascii: computeVectors ? "V" : "N"))
        let info = withLapackComplex(&a) { pa in
            LAPACKE_zheev(LAPACK_COL_MAJOR, job, Int8(UInt8(ascii: "U")), LapackInt(n), pa, LapackInt(n), &w)
        }
        guard info == 0 else { throw ComplexSolveError.lapack(routine: "zheev", info: Int(info)) }
        return (w, a)
    }
}
