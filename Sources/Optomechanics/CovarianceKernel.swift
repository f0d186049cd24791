import WGMNumerics

/// The steady-state covariance, A V + V Aᵀ = −D (Eq. 11), solved directly and exactly for the
/// structure of this model: the q row of A is q̇ = a₄₅·p alone, so the six equations {q, j}
/// give V_qp and V_pr explicitly in terms of the V_ql:
///   V_qp = −D_qq/(2a₄₅),  V_pr = −(D_qr + A_rp V_qp + Σ_{l≤q} A_rl V_ql)/a₄₅  (r ≠ q).
/// Substituting them leaves 15 unknowns (V_ij, i, j ≤ q) in the 15 equations {i, j} ⊂
/// {X_r, Y_r, X_l, Y_l, p}, solved by LU with partial pivoting; the result is checked against the
/// full 6 × 6 residual and refined once with the same factors when needed. Row-major, order 6.
enum CovarianceKernel {
    static let n = 6, q = 4, p = 5, reduced = 15
    /// Doubles of workspace: reduced matrix 225, right side 15, residual 36, constants 6.
    static let workspaceCount = 225 + 15 + 36 + 6

    /// Packed index of V_ij (i, j ≤ q) among the 15 reduced unknowns; also the index of
    /// equation {i, j} with p standing in the place of q.
    @inline(__always) static func reducedIndex(_ i: Int, _ j: Int) -> Int {
        let (r, c) = i <= j ? (i, j) : (j, i)
        return r * 5 - r * (r - 1) / 2 + (c - r)
    }

    /// The constant part of V_pr (r ≠ q) or V_qp (r = q) in the substitution.
    @inline(__always)
    static func constant(_ r: Int, a: UnsafePointer<Double>, q qm: UnsafePointer<Double>) -> Double {
        let a45 = a[q * n + p], vqp = -qm[q * n + q] / (2 * a45)
        return r == q ? vqp : -(qm[q * n + r] + a[r * n + p] * vqp) / a45
    }

    /// Writes the right side (and, when `matrix` is non-nil, the coefficients) of the 15 reduced
    /// equations of A·V + V·Aᵀ = −Q; `constants` receives the 6 constants of the substitution.
    static func assemble(a: UnsafePointer<Double>, q qm: UnsafePointer<Double>,
                         matrix: UnsafeMutablePointer<Double>?, rhs: UnsafeMutablePointer<Double>,
                         constants: UnsafeMutablePointer<Double>) {
        let inverse = 1 / a[q * n + p]
        for r in 0..<n { constants[r] = constant(r, a: a, q: qm) }
        matrix?.update(repeating: 0, count: reduced * reduced)
        for ei in 0..<5 {
            let i = ei < 4 ? ei : p
            for ej in ei..<5 {
                let j = ej < 4 ? ej : p
                let row = reducedIndex(ei, ej)
                var b = -qm[i * n + j]
                // Adds coefficient × V_st, substituting V_pr.
                func add(_ coefficient: Double, _ s: Int, _ t: Int) {
                    if coefficient == 0 { return }
                    if s != p && t != p {
                        matrix?[row * reduced + reducedIndex(s, t)] += coefficient
                        return
                    }
                    let r = s == p ? t : s
                    b -= coefficient * constants[r]
                    guard let matrix, r != q else { return }
                    let scaled = coefficient * inverse
                    for l in 0...q where a[r * n + l] != 0 {
                        matrix[row * reduced + reducedIndex(q, l)] -= scaled * a[r * n + l]
                    }
                }
                // (A V)_ij = Σ_k A_ik V_kj and (V Aᵀ)_ij = Σ_k A_jk V_ik.
                for k in 0..<n {
                    add(a[i * n + k], k, j)
                    add(a[j * n + k], i, k)
                }
                rhs[row] = b
            }
        }
    }

    /// Writes the full symmetric V from the 15 reduced unknowns (or adds it, for refinement).
    static func reconstruct(a: UnsafePointer<Double>, q qm: UnsafePointer<Double>, reducedSolution x: UnsafePointer<Double>,
                            into v: UnsafeMutablePointer<Double>, adding: Bool) {
        let a45 = a[q * n + p]
        func put(_ i: Int, _ j: Int, _ value: Double) {
            if adding { v[i * n + j] += value; if i != j { v[j * n + i] += value } }
            else { v[i * n + j] = value; v[j * n + i] = value }
        }
        for i in 0...q { for j in i...q { put(i, j, x[reducedIndex(i, j)]) } }
        for r in 0..<n {
            var value = constant(r, a: a, q: qm)
            if r != q { for l in 0...q { value -= a[r * n + l] * x[reducedIndex(q, l)] / a45 } }
            put(r, p, value)
        }
    }

    /// Solves A·V + V·Aᵀ = −Q (both 6 × 6 row-major, A's q row = a₄₅ e_p with a₄₅ ≠ 0) into `v`.
    /// Returns ‖A V + V Aᵀ + Q‖_F/‖Q‖_F, or nil when the operator is singular (λ_i + λ_j = 0).
    static func solve(a: UnsafePointer<Double>, q qm: UnsafePointer<Double>, v: UnsafeMutablePointer<Double>,
                      workspace w: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>,
                      refineAbove: Double = 1e-13) -> Double? {
        let matrix = w, rhs = w + 225, residual = w + 240, constants = w + 276
        assemble(a: a, q: qm, matrix: matrix, rhs: rhs, constants: constants)
        guard RealLU.factor(order: reduced, matrix, pivots: pivots) else { return nil }
        RealLU.solve(order: reduced, matrix, pivots: pivots, rhs)
        reconstruct(a: a, q: qm, reducedSolution: rhs, into: v, adding: false)
        var relative = Lyapunov.relativeResidual(order: n, a: a, x: v, q: qm, residual: residual)
        if relative > refineAbove && relative.isFinite {
            // δV solves the same equation with Q replaced by the residual R.
            assemble(a: a, q: residual, matrix: nil, rhs: rhs, constants: constants)
            RealLU.solve(order: reduced, matrix, pivots: pivots, rhs)
            reconstruct(a: a, q: residual, reducedSolution: rhs, into: v, adding: true)
            relative = Lyapunov.relativeResidual(order: n, a: a, x: v, q: qm, residual: residual)
        }
        return relative.isFinite ? relative : nil
    }
}
