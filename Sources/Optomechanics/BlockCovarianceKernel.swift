import WGMNumerics

/// The steady-state covariance, A V + V Aᵀ = −Q (Eq. 11), by block elimination over the
/// structure of the drift matrix (`fillDriftMatrix`). Coordinates o = (X_r, Y_r, X_l, Y_l), q, p:
///   A = [[A_o, b, 0], [0, 0, a₄₅], [cᵀ, a₅₄, a₅₅]],  A_o complex-linear (α̇ = 𝒜α),
///   V = [[V_o, w, z], [wᵀ, V_qq, V_qp], [zᵀ, V_qp, V_pp]].
/// The 21 equations of the blocks of A V + V Aᵀ + Q = 0 are
///   (o,o)  L_o(V_o) + b wᵀ + w bᵀ + Q_o = 0,              L_o(X) = A_o X + X A_oᵀ,
///   (o,q)  A_o w + b V_qq + a₄₅ z + Q_oq = 0,
///   (o,p)  A_o z + b V_qp + V_o c + a₅₄ w + a₅₅ z + Q_op = 0,
///   (q,q)  2a₄₅ V_qp + Q_qq = 0,
///   (q,p)  a₄₅ V_pp + cᵀw + a₅₄ V_qq + a₅₅ V_qp + Q_qp = 0,
///   (p,p)  2(cᵀz + a₅₄ V_qp + a₅₅ V_pp) + Q_pp = 0.
/// (q,q), (o,q) and (q,p) give V_qp, z and V_pp explicitly; (o,o) gives
/// V_o = V_o⁰ + Σ_k w_k V_o^k with L_o(V_o⁰) = −Q_o and L_o(V_o^k) = −(b e_kᵀ + e_k bᵀ), solved in
/// closed form in the moment form of `OpticalLyapunovInverse` (normal 4 and anomalous 6 reals,
/// decoupled). With H = A_o + a₅₅ I and the response R_·k = V_o^k c, the remaining (o,p)·a₄₅ and
/// (p,p)·a₄₅/2 are the 5 × 5 Schur system in (w, V_qq):
///   [−H A_o + a₄₅(R + a₅₄ I)   −H b       ] [w   ]   [H Q_oq − a₄₅(b V_qp + V_o⁰c + Q_op)                ]
///   [−cᵀH                      −cᵀb − a₅₅a₅₄] [V_qq] = [cᵀQ_oq − a₄₅a₅₄V_qp + a₅₅(a₅₅V_qp + Q_qp) − a₄₅Q_pp/2],
/// solved by LU with partial pivoting. The result is checked against the full 6 × 6 residual and
/// refined once with the same factors when needed; when L_o or the Schur matrix is singular, or
/// the refined residual stays above `fallbackAbove`, the reduced 15-unknown solve
/// (`CovarianceKernel`) decides, so nil still means a singular operator.
enum BlockCovarianceKernel {
    static let n = 6, q = 4, p = 5, schur = 5
    /// Relative residual above which the result is recomputed by `CovarianceKernel`.
    static let fallbackAbove = 1e-10
    /// Doubles of workspace: Schur matrix 25, right side 5, residual 36; the fallback reuses it all.
    static let workspaceCount = max(25 + 5 + 36, CovarianceKernel.workspaceCount)

    /// The A-dependent part of the elimination: L_o⁻¹, the V_o^k and the factored Schur matrix.
    struct Factors {
        let optical: OpticalLyapunovInverse
        /// V_o^k, k = 0..<4 (L_o(V_o^k) = −(b e_kᵀ + e_k bᵀ)).
        let response: (OpticalMoments, OpticalMoments, OpticalMoments, OpticalMoments)
        /// c as the complex vector γ_j = c_Xj + i c_Yj.
        let gamma: (Complex, Complex)
    }

    /// The quadrature vector v_0..3 (stride `stride`) as the complex vector (v_0 + iv_1, v_2 + iv_3).
    @inline(__always)
    static func amplitudes(_ v: UnsafePointer<Double>, stride: Int) -> (Complex, Complex) {
        (Complex(v[0], v[stride]), Complex(v[2 * stride], v[3 * stride]))
    }

    /// V_o^k = L_o⁻¹(−(b e_kᵀ + e_k bᵀ)): e_k is 1, i on mode 0 or 1 in amplitude form.
    @inline(__always)
    static func opticalResponse(_ optical: OpticalLyapunovInverse, b beta: (Complex, Complex), unit k: Int) -> OpticalMoments {
        let unit = k == 0 ? (Complex.one, Complex.zero) : k == 1 ? (Complex.i, Complex.zero)
            : k == 2 ? (Complex.zero, Complex.one) : (Complex.zero, Complex.i)
        return optical.solve(OpticalMoments.symmetrizedProduct(beta, unit).negated)
    }

    /// Writes the Schur matrix of the doc comment (row-major 5 × 5) into `s`.
    @inline(__always)
    static func assembleSchur(a: UnsafePointer<Double>, response: (OpticalMoments, OpticalMoments, OpticalMoments, OpticalMoments),
                              gamma: (Complex, Complex), into s: UnsafeMutablePointer<Double>) {
        let a45 = a[q * n + p], a54 = a[p * n + q], a55 = a[p * n + p]
        @inline(__always) func h(_ i: Int, _ k: Int) -> Double { a[i * n + k] + (i == k ? a55 : 0) }
        let columns = (response.0.applied(to: gamma), response.1.applied(to: gamma),
                       response.2.applied(to: gamma), response.3.applied(to: gamma))
        @inline(__always) func r(_ i: Int, _ k: Int) -> Double {
            let column = k == 0 ? columns.0 : k == 1 ? columns.1 : k == 2 ? columns.2 : columns.3
            let z = i < 2 ? column.0 : column.1
            return i & 1 == 0 ? z.re : z.im
        }
        for i in 0..<4 {
            for k in 0..<4 {
                var ha = 0.0
                for l in 0..<4 { ha += h(i, l) * a[l * n + k] }
                s[i * schur + k] = -ha + a45 * (r(i, k) + (i == k ? a54 : 0))
            }
            var hb = 0.0
            for l in 0..<4 { hb += h(i, l) * a[l * n + q] }
            s[i * schur + 4] = -hb
        }
        var cb = 0.0
        for k in 0..<4 {
            var ch = 0.0
            for l in 0..<4 { ch += a[p * n + l] * h(l, k) }
            s[4 * schur + k] = -ch
            cb += a[p * n + k] * a[k * n + q]
        }
        s[4 * schur + 4] = -cb - a55 * a54
    }

    /// L_o⁻¹ and the optical responses, and the Schur matrix factored in `s`; nil when L_o or the
    /// Schur matrix is singular.
    @inline(__always)
    static func factor(a: UnsafePointer<Double>, schur s: UnsafeMutablePointer<Double>,
                       pivots: UnsafeMutablePointer<Int>) -> Factors? {
        let optical = OpticalLyapunovInverse(drift: a, stride: n)
        guard optical.isInvertible else { return nil }
        let beta = amplitudes(a + q, stride: n)
        let response = (opticalResponse(optical, b: beta, unit: 0), opticalResponse(optical, b: beta, unit: 1),
                        opticalResponse(optical, b: beta, unit: 2), opticalResponse(optical, b: beta, unit: 3))
        let gamma = amplitudes(a + p * n, stride: 1)
        assembleSchur(a: a, response: response, gamma: gamma, into: s)
        guard RealLU.factor(order: schur, s, pivots: pivots) else { return nil }
        return Factors(optical: optical, response: response, gamma: gamma)
    }

    /// Solves for V with the factors of A and this Q (or, `adding`, adds the solution for Q to v).
    @inline(__always)
    static func solve(_ factors: Factors, a: UnsafePointer<Double>, q qm: UnsafePointer<Double>,
                      schur s: UnsafePointer<Double>, pivots: UnsafePointer<Int>, rhs: UnsafeMutablePointer<Double>,
                      into v: UnsafeMutablePointer<Double>, adding: Bool) {
        let a45 = a[q * n + p], a54 = a[p * n + q], a55 = a[p * n + p]
        let vqp = -qm[q * n + q] / (2 * a45)
        let free = factors.optical.solve(OpticalMoments(quadratures: qm, stride: n).negated)
        let freeC = free.applied(to: factors.gamma)
        @inline(__always) func part(_ z: (Complex, Complex), _ i: Int) -> Double {
            let c = i < 2 ? z.0 : z.1
            return i & 1 == 0 ? c.re : c.im
        }
        var cq = 0.0
        for i in 0..<4 {
            var hq = a55 * qm[i * n + q]
            for l in 0..<4 { hq += a[i * n + l] * qm[l * n + q] }
            rhs[i] = hq - a45 * (a[i * n + q] * vqp + part(freeC, i) + qm[i * n + p])
            cq += a[p * n + i] * qm[i * n + q]
        }
        rhs[4] = cq - a45 * a54 * vqp + a55 * (a55 * vqp + qm[q * n + p]) - 0.5 * a45 * qm[p * n + p]
        RealLU.solve(order: schur, s, pivots: pivots, rhs)
        let vo = free.adding(rhs[0], factors.response.0).adding(rhs[1], factors.response.1)
            .adding(rhs[2], factors.response.2).adding(rhs[3], factors.response.3)
        write(a: a, q: qm, opticalMoments: vo, w: rhs, vqp: vqp, into: v, adding: adding)
    }

    /// Writes V from V_o, w, V_qq = rhs[4] and V_qp: z = −(A_o w + b V_qq + Q_oq)/a₄₅,
    /// V_pp = −(cᵀw + a₅₄V_qq + a₅₅V_qp + Q_qp)/a₄₅.
    @inline(__always)
    static func write(a: UnsafePointer<Double>, q qm: UnsafePointer<Double>, opticalMoments vo: OpticalMoments,
                      w: UnsafePointer<Double>, vqp: Double, into v: UnsafeMutablePointer<Double>, adding: Bool) {
        let a45 = a[q * n + p], a54 = a[p * n + q], a55 = a[p * n + p], vqq = w[4]
        @inline(__always) func put(_ i: Int, _ j: Int, _ value: Double) {
            if adding { v[i * n + j] += value; if i != j { v[j * n + i] += value } }
            else { v[i * n + j] = value; v[j * n + i] = value }
        }
        if adding {
            var block = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
            withUnsafeMutableBytes(of: &block) { raw in
                let x = raw.bindMemory(to: Double.self).baseAddress!
                vo.writeQuadratures(into: x, stride: 4)
                for i in 0..<4 { for j in 0..<4 { v[i * n + j] += x[i * 4 + j] } }
            }
        } else {
            vo.writeQuadratures(into: v, stride: n)
        }
        var cw = 0.0
        for i in 0..<4 {
            var z = a[i * n + q] * vqq + qm[i * n + q]
            for l in 0..<4 { z += a[i * n + l] * w[l] }
            put(i, q, w[i])
            put(i, p, -z / a45)
            cw += a[p * n + i] * w[i]
        }
        put(q, q, vqq)
        put(q, p, vqp)
        put(p, p, -(cw + a54 * vqq + a55 * vqp + qm[q * n + p]) / a45)
    }

    /// Solves A·V + V·Aᵀ = −Q (both 6 × 6 row-major; A with the structure of the doc comment and
    /// a₄₅ ≠ 0) into `v`. Returns ‖A V + V Aᵀ + Q‖_F/‖Q‖_F, or nil when the operator is singular
    /// (λ_i + λ_j = 0): the block elimination, and the reduced solve where it fails.
    static func solve(a: UnsafePointer<Double>, q qm: UnsafePointer<Double>, v: UnsafeMutablePointer<Double>,
                      workspace w: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>,
                      refineAbove: Double = 1e-13) -> Double? {
        if let relative = solveByBlocks(a: a, q: qm, v: v, workspace: w, pivots: pivots, refineAbove: refineAbove),
           relative <= fallbackAbove {
            return relative
        }
        return CovarianceKernel.solve(a: a, q: qm, v: v, workspace: w, pivots: pivots, refineAbove: refineAbove)
    }

    /// The block elimination alone, refined once when the relative residual exceeds
    /// `refineAbove`; nil when L_o or the Schur matrix is singular or the residual is not finite.
    static func solveByBlocks(a: UnsafePointer<Double>, q qm: UnsafePointer<Double>, v: UnsafeMutablePointer<Double>,
                              workspace w: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>,
                              refineAbove: Double = 1e-13) -> Double? {
        let s = w, rhs = w + 25, residual = w + 30
        guard let factors = factor(a: a, schur: s, pivots: pivots) else { return nil }
        solve(factors, a: a, q: qm, schur: s, pivots: pivots, rhs: rhs, into: v, adding: false)
        var relative = CovarianceKernel.relativeResidual(a: a, v: v, q: qm, residual: residual)
        if relative > refineAbove && relative.isFinite {
            // δV solves the same equation with Q replaced by the residual.
            solve(factors, a: a, q: residual, schur: s, pivots: pivots, rhs: rhs, into: v, adding: true)
            relative = CovarianceKernel.relativeResidual(a: a, v: v, q: qm, residual: residual)
        }
        return relative.isFinite ? relative : nil
    }
}
