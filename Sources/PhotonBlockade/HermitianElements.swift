import WGMNumerics

/// The pairing of density-matrix elements |i⟩⟨j| ↔ |j⟩⟨i| in the solver's element order, for
/// vectors that represent Hermitian operators (ρ_ji = ρ_ij*).
///
/// The Liouvillian of Eq. 4 preserves Hermiticity, L(X†) = L(X)†, and so does every operator the
/// steady-state solve builds from it (the vacuum-fixed restriction, the `SectorPreconditioner`).
/// Started from the Hermitian right-hand side −L·|0⟩⟨0|, every GMRES vector is Hermitian and
/// every Arnoldi coefficient real (Tr(X†Y) is real for Hermitian X, Y), so each product needs
/// only the ket ≤ bra half of the elements: the other half is its complex conjugate.
struct HermitianElements: Sendable {
    /// mirror[e] is the element |j⟩⟨i| of element e = |i⟩⟨j|.
    let mirror: [Int32]
    /// One element of each pair (and every diagonal element), in increasing order.
    let representatives: [Int32]

    init(space s: TwoModeFockSpace) {
        var mirror = [Int32](repeating: 0, count: s.elementCount)
        for i in 0..<s.dimension {
            for j in 0..<s.dimension { mirror[s.element(i, j)] = Int32(s.element(j, i)) }
        }
        self.mirror = mirror
        representatives = (0..<s.elementCount).filter { Int(mirror[$0]) >= $0 }.map { Int32($0) }
    }

    /// Replaces x by its Hermitian part (x + x†)/2: removes the anti-Hermitian rounding that
    /// general complex arithmetic (an orthogonalisation with complex coefficients) leaves in a
    /// vector that should be Hermitian, before it enters a solve that assumes Hermitian input.
    func makeHermitian(_ x: inout [Complex]) {
        x.withUnsafeMutableBufferPointer { v in
            mirror.withUnsafeBufferPointer { m in
                for r in representatives {
                    let e = Int(r), partner = Int(m[e])
                    if partner == e {
                        v[e].im = 0
                    } else {
                        let mean = Complex((v[e].re + v[partner].re) / 2, (v[e].im - v[partner].im) / 2)
                        v[e] = mean; v[partner] = mean.conjugate
                    }
                }
            }
        }
    }

    /// y = L·x for a Hermitian x (y is then Hermitian): the representative rows of the sparse
    /// product, each copied conjugated into its mirror; diagonal elements keep their real part
    /// (their imaginary part is rounding error only).
    func multiply(_ l: SparseComplexMatrix, _ x: UnsafeBufferPointer<Complex>, into y: UnsafeMutableBufferPointer<Complex>) {
        l.rowStart.withUnsafeBufferPointer { rs in
        l.columnIndex.withUnsafeBufferPointer { ci in
        l.values.withUnsafeBufferPointer { v in
        representatives.withUnsafeBufferPointer { rows in
        mirror.withUnsafeBufferPointer { m in
            for r in rows {
                let i = Int(r)
                var re = 0.0, im = 0.0
                for k in Int(rs[i])..<Int(rs[i + 1]) {
                    let a = v[k], b = x[Int(ci[k])]
                    re += a.re * b.re - a.im * b.im
                    im += a.re * b.im + a.im * b.re
                }
                let partner = Int(m[i])
                if partner == i {
                    y[i] = Complex(re, 0)
                } else {
                    y[i] = Complex(re, im); y[partner] = Complex(re, -im)
                }
            }
        }}}}}
    }

    /// ‖L·x‖∞ / ‖ |L|·|x| ‖∞ for a Hermitian x, from the representative rows: row |j⟩⟨i| of L·x is
    /// the conjugate of row |i⟩⟨j|, and |L| has the same mirror symmetry, so both maxima are taken
    /// over the representatives alone.
    func backwardError(_ l: SparseComplexMatrix, _ x: UnsafeBufferPointer<Complex>) -> Double {
        var top = 0.0, scale = 0.0
        l.rowStart.withUnsafeBufferPointer { rs in
        l.columnIndex.withUnsafeBufferPointer { ci in
        l.values.withUnsafeBufferPointer { v in
        representatives.withUnsafeBufferPointer { rows in
            for r in rows {
                let i = Int(r)
                var re = 0.0, im = 0.0, size = 0.0
                for k in Int(rs[i])..<Int(rs[i + 1]) {
                    let a = v[k], b = x[Int(ci[k])]
                    re += a.re * b.re - a.im * b.im
                    im += a.re * b.im + a.im * b.re
                    size += (a.normSquared * b.normSquared).squareRoot()
                }
                top = max(top, re * re + im * im)
                scale = max(scale, size)
            }
        }}}}
        top = top.squareRoot()
        return scale > 0 ? top / scale : top
    }
}
