import WGMNumerics

/// Everything about the Liouvillian that depends on the truncation only: the sparsity pattern in
/// the solver's element order, the coefficient of each rate (Δ, χ, γ, Re J, Im J, ξ) on that
/// pattern, and the eigenvectors of the hopping operator in each excitation sector. Built once
/// per cutoff and shared by every sweep point.
struct LiouvillianStructure: Sendable {
    /// The rates the Liouvillian is linear in.
    enum Part: Int, CaseIterable { case detuning, kerr, gamma, couplingRe, couplingIm, drive }

    let space: TwoModeFockSpace
    /// The pattern (values all zero).
    let pattern: SparseComplexMatrix
    /// For each part: the entries it touches and its coefficient there (value = Σ rate·coefficient).
    let partEntries: [[Int32]]
    let partCoefficients: [[Complex]]
    /// Hopping operator a1†a2 + a2†a1 in sector K: eigenvalues and real orthonormal eigenvectors,
    /// hoppingVectors[K][p·s + α] = component p of eigenvector α.
    let hoppingValues: [[Double]]
    let hoppingVectors: [[Double]]
    /// Flat tables for the preconditioner's inner loops (see `SectorTables`).
    let tables: SectorTables
    /// The |i⟩⟨j| ↔ |j⟩⟨i| pairing for products with Hermitian vectors.
    let hermitian: HermitianElements

    init(cutoff: Int) throws {
        let space = TwoModeFockSpace(cutoff: cutoff)
        self.space = space
        var tagged: [(row: Int, column: Int, part: Part, value: Complex)] = []
        Self.addDiagonalParts(space, &tagged)
        Self.addJumps(space, &tagged)
        for (part, elements) in Self.hamiltonianParts(space) {
            Self.addCommutator(space, part, elements, &tagged)
        }
        let n = space.elementCount
        pattern = try SparseComplexMatrix(rows: n, columns: n,
                                          triplets: tagged.map { ($0.row, $0.column, Complex.zero) })
        var entries = [[Int32]](repeating: [], count: Part.allCases.count)
        var coefficients = [[Complex]](repeating: [], count: Part.allCases.count)
        for t in tagged {
            entries[t.part.rawValue].append(Int32(Self.entryIndex(pattern, t.row, t.column)))
            coefficients[t.part.rawValue].append(t.value)
        }
        partEntries = entries; partCoefficients = coefficients
        (hoppingValues, hoppingVectors) = try Self.hoppingEigen(space)
        tables = SectorTables(space: space, hoppingVectors: hoppingVectors)
        hermitian = HermitianElements(space: space)
    }

    /// The Liouvillian of Eq. 4 for the given rates, on the shared pattern.
    func liouvillian(_ r: ModelRates) -> SparseComplexMatrix {
        var m = pattern
        let rates: [Double] = [r.detuning, r.kerr, r.gamma, r.coupling.re, r.coupling.im, r.drive]
        m.values.withUnsafeMutableBufferPointer { v in
            for p in 0..<rates.count where rates[p] != 0 {
                let rate = rates[p]
                partEntries[p].withUnsafeBufferPointer { e in
                    partCoefficients[p].withUnsafeBufferPointer { c in
                        for k in 0..<e.count { v[Int(e[k])] += rate * c[k] }
                    }
                }
            }
        }
        return m
    }

    private static func entryIndex(_ m: SparseComplexMatrix, _ row: Int, _ column: Int) -> Int {
        for k in Int(m.rowStart[row])..<Int(m.rowStart[row + 1]) where Int(m.columnIndex[k]) == column { return k }
        preconditionFailure("entry (\(row), \(column)) missing from the pattern")
    }

    /// −iΔ(N_i − N_j), −iχ(K_i(K_i−1) − K_j(K_j−1)) and −γ(N_i + N_j)/2 on the diagonal.
    private static func addDiagonalParts(_ s: TwoModeFockSpace, _ out: inout [(row: Int, column: Int, part: Part, value: Complex)]) {
        for i in 0..<s.dimension {
            for j in 0..<s.dimension {
                let e = s.element(i, j)
                let ki = Double(s.sectorOf[i]), kj = Double(s.sectorOf[j])
                out.append((e, e, .detuning, Complex(0, -(ki - kj))))
                out.append((e, e, .kerr, Complex(0, -(ki * (ki - 1) - kj * (kj - 1)))))
                out.append((e, e, .gamma, Complex(-(ki + kj) / 2)))
            }
        }
    }

    /// Annihilation-operator matrix elements (i, k, ⟨i|a|k⟩) of mode 1 or 2.
    static func lowering(_ s: TwoModeFockSpace, mode: Int) -> [(Int, Int, Double)] {
        var list: [(Int, Int, Double)] = []
        for k in 0..<s.dimension {
            let (m, n) = s.photons(k)
            if mode == 1 && m > 0 { list.append(((m - 1) * s.cutoff + n, k, Double(m).squareRoot())) }
            if mode == 2 && n > 0 { list.append((m * s.cutoff + n - 1, k, Double(n).squareRoot())) }
        }
        return list
    }

    /// γ·a_j ρ a_j† for both modes: element (i, j) receives a_{ik}·a_{jl}·ρ_{kl}.
    private static func addJumps(_ s: TwoModeFockSpace, _ out: inout [(row: Int, column: Int, part: Part, value: Complex)]) {
        for mode in 1...2 {
            let a = lowering(s, mode: mode)
            for (i, k, x) in a { for (j, l, y) in a { out.append((s.element(i, j), s.element(k, l), .gamma, Complex(x * y))) } }
        }
    }

    /// Hermitian operators multiplying Re J, Im J and ξ in Eq. 3, as (a, b, ⟨a|H|b⟩) lists.
    private static func hamiltonianParts(_ s: TwoModeFockSpace) -> [(Part, [(Int, Int, Complex)])] {
        var re: [(Int, Int, Complex)] = [], im: [(Int, Int, Complex)] = [], drive: [(Int, Int, Complex)] = []
        for k in 0..<s.dimension {
            let (m, n) = s.photons(k)
            if m + 1 < s.cutoff && n > 0 {            // a1†a2 |m,n⟩ = √((m+1)n) |m+1,n−1⟩
                let i = (m + 1) * s.cutoff + n - 1, v = Double((m + 1) * n).squareRoot()
                re.append((i, k, Complex(v))); re.append((k, i, Complex(v)))
                im.append((i, k, Complex(0, v))); im.append((k, i, Complex(0, -v)))
            }
            if m + 1 < s.cutoff {                     // a1† |m,n⟩ = √(m+1) |m+1,n⟩ (and its adjoint)
                let i = (m + 1) * s.cutoff + n, v = Double(m + 1).squareRoot()
                drive.append((i, k, Complex(v))); drive.append((k, i, Complex(v)))
            }
        }
        return [(.couplingRe, re), (.couplingIm, im), (.drive, drive)]
    }

    /// −i[H, ρ] for H = Σ h_ab |a⟩⟨b|: (−i h_ab) ρ_{bj} → (a, j) and (+i h_ab) ρ_{ia} → (i, b).
    private static func addCommutator(_ s: TwoModeFockSpace, _ part: Part, _ h: [(Int, Int, Complex)],
                                      _ out: inout [(row: Int, column: Int, part: Part, value: Complex)]) {
        for (a, b, v) in h {
            let minusI = Complex(0, -1) * v, plusI = Complex(0, 1) * v
            for j in 0..<s.dimension { out.append((s.element(a, j), s.element(b, j), part, minusI)) }
            for i in 0..<s.dimension { out.append((s.element(i, b), s.element(i, a), part, plusI)) }
        }
    }

    /// Eigen-decomposition of a1†a2 + a2†a1 in each sector. It is a real symmetric tridiagonal
    /// matrix with non-zero off-diagonal (distinct eigenvalues), so each eigenvector is real up to
    /// a phase, which is removed.
    private static func hoppingEigen(_ s: TwoModeFockSpace) throws -> ([[Double]], [[Double]]) {
        var values: [[Double]] = [], vectors: [[Double]] = []
        for k in 0..<s.sectorCount {
            let states = s.sectorStates[k], size = states.count
            let t = ComplexMatrix(rows: size, columns: size) { p, q in
                let (mp, np) = s.photons(states[p]), (mq, nq) = s.photons(states[q])
                if mp == mq + 1 && np + 1 == nq { return Complex(Double(mp * nq).squareRoot()) }
                if mq == mp + 1 && nq + 1 == np { return Complex(Double(mq * np).squareRoot()) }
                return .zero
            }
            let (w, v) = try t.hermitianEigen()
            var real = [Double](repeating: 0, count: size * size)
            for a in 0..<size {
                var big = Complex.zero
                for p in 0..<size where v[p, a].magnitude > big.magnitude { big = v[p, a] }
                let unphase = big.conjugate / big.magnitude
                for p in 0..<size { real[p * size + a] = (v[p, a] * unphase).re }
            }
            values.append(w); vectors.append(real)
        }
        return (values, vectors)
    }
}
