import WGMNumerics

/// A real symmetric 4 × 4 matrix X over the optical quadratures x = (X_r, Y_r, X_l, Y_l), in the
/// complex form of the mode amplitudes α = (a_r, a_l), α_j = X_j + iY_j: the normal moments
/// N = "⟨α α†⟩" (Hermitian, 4 reals) and the anomalous moments M = "⟨α αᵀ⟩" (complex symmetric,
/// 6 reals), defined for X = x xᵀ by N = α α†, M = α αᵀ and extended linearly:
///   N_jk = X_{XjXk} + X_{YjYk} + i(X_{YjXk} − X_{XjYk}),  M_jk = X_{XjXk} − X_{YjYk} + i(X_{XjYk} + X_{YjXk}).
/// For a complex-linear drift x ↦ A_o x (α ↦ 𝒜α) the optical Lyapunov operator
/// L_o(X) = A_o X + X A_oᵀ acts on the two parts separately: N ↦ 𝒜N + N𝒜†, M ↦ 𝒜M + M𝒜ᵀ.
struct OpticalMoments {
    /// N_rr, N_ll (real) and N_rl (N_lr = N_rl*).
    var n11: Double, n22: Double, n12: Complex
    /// M_rr, M_rl = M_lr, M_ll.
    var m11: Complex, m12: Complex, m22: Complex

    /// The moments of the symmetric 4 × 4 block X of a row-major matrix with row stride `stride`.
    @inline(__always)
    init(quadratures x: UnsafePointer<Double>, stride: Int) {
        @inline(__always) func e(_ i: Int, _ j: Int) -> Double { x[i * stride + j] }
        @inline(__always) func normal(_ j: Int, _ k: Int) -> Complex {
            Complex(e(2 * j, 2 * k) + e(2 * j + 1, 2 * k + 1), e(2 * j + 1, 2 * k) - e(2 * j, 2 * k + 1))
        }
        @inline(__always) func anomalous(_ j: Int, _ k: Int) -> Complex {
            Complex(e(2 * j, 2 * k) - e(2 * j + 1, 2 * k + 1), e(2 * j, 2 * k + 1) + e(2 * j + 1, 2 * k))
        }
        n11 = normal(0, 0).re; n22 = normal(1, 1).re; n12 = normal(0, 1)
        m11 = anomalous(0, 0); m12 = anomalous(0, 1); m22 = anomalous(1, 1)
    }

    @inline(__always)
    init(n11: Double, n22: Double, n12: Complex, m11: Complex, m12: Complex, m22: Complex) {
        self.n11 = n11; self.n22 = n22; self.n12 = n12; self.m11 = m11; self.m12 = m12; self.m22 = m22
    }

    /// The moments of x yᵀ + y xᵀ for the quadrature vectors of ξ and η: N = ξη† + ηξ†,
    /// M = ξηᵀ + ηξᵀ.
    @inline(__always)
    static func symmetrizedProduct(_ xi: (Complex, Complex), _ eta: (Complex, Complex)) -> OpticalMoments {
        let n12 = xi.0 * eta.1.conjugate + eta.0 * xi.1.conjugate
        return OpticalMoments(n11: 2 * (xi.0.re * eta.0.re + xi.0.im * eta.0.im),
                              n22: 2 * (xi.1.re * eta.1.re + xi.1.im * eta.1.im), n12: n12,
                              m11: 2 * (xi.0 * eta.0), m12: xi.0 * eta.1 + eta.0 * xi.1, m22: 2 * (xi.1 * eta.1))
    }

    /// X·c as the complex vector ½(N γ + M γ*) of the quadrature vector c ↔ γ (for X = x xᵀ,
    /// X c = x·(xᵀc) with xᵀc = Re(α†γ)).
    @inline(__always)
    func applied(to gamma: (Complex, Complex)) -> (Complex, Complex) {
        let g0 = gamma.0.conjugate, g1 = gamma.1.conjugate
        let first = n11 * gamma.0 + n12 * gamma.1 + m11 * g0 + m12 * g1
        let second = n12.conjugate * gamma.0 + n22 * gamma.1 + m12 * g0 + m22 * g1
        return (0.5 * first, 0.5 * second)
    }

    /// −X.
    @inline(__always)
    var negated: OpticalMoments {
        OpticalMoments(n11: -n11, n22: -n22, n12: -n12, m11: -m11, m12: -m12, m22: -m22)
    }

    /// self + t·other.
    @inline(__always)
    func adding(_ t: Double, _ other: OpticalMoments) -> OpticalMoments {
        OpticalMoments(n11: n11 + t * other.n11, n22: n22 + t * other.n22, n12: n12 + t * other.n12,
                       m11: m11 + t * other.m11, m12: m12 + t * other.m12, m22: m22 + t * other.m22)
    }

    /// Writes X (both triangles) into the 4 × 4 block of a row-major matrix with row stride
    /// `stride`: X_{XjXk} = Re(N + M)/2, X_{YjYk} = Re(N − M)/2, X_{XjYk} = Im(M − N)/2,
    /// X_{YjXk} = Im(N + M)/2.
    @inline(__always)
    func writeQuadratures(into x: UnsafeMutablePointer<Double>, stride: Int) {
        @inline(__always) func put(_ j: Int, _ k: Int, _ n: Complex, _ m: Complex) {
            let xx = 0.5 * (n.re + m.re), yy = 0.5 * (n.re - m.re)
            let xy = 0.5 * (m.im - n.im), yx = 0.5 * (n.im + m.im)
            x[2 * j * stride + 2 * k] = xx; x[(2 * j + 1) * stride + 2 * k + 1] = yy
            x[2 * j * stride + 2 * k + 1] = xy; x[(2 * j + 1) * stride + 2 * k] = yx
            if j != k {
                x[2 * k * stride + 2 * j] = xx; x[(2 * k + 1) * stride + 2 * j + 1] = yy
                x[(2 * k + 1) * stride + 2 * j] = xy; x[2 * k * stride + 2 * j + 1] = yx
            }
        }
        put(0, 0, Complex(n11), m11)
        put(0, 1, n12, m12)
        put(1, 1, Complex(n22), m22)
    }
}

/// The inverse of the optical Lyapunov operator L_o(X) = A_o X + X A_oᵀ for a complex-linear
/// optical drift 𝒜 (2 × 2 complex; 𝒜_jk = A_{Xj,Xk} + i A_{Yj,Xk}), in closed form.
///
/// Write 𝒜 = σI + K with σ = tr 𝒜/2, K traceless, so K² = κI with κ = δ² + 𝒜_rl 𝒜_lr
/// (δ = (𝒜_rr − 𝒜_ll)/2). Each part of L_o is T(Y) = sY + KY + YK̃ with ℒY = KY and ℛY = YK̃
/// commuting, ℒ² = κ, ℛ² = κ̃: normal part s = 2 Re σ, K̃ = K† (κ̃ = κ*); anomalous part s = 2σ,
/// K̃ = Kᵀ (κ̃ = κ). From (s + ℒ + ℛ)(s − ℒ − ℛ) = P − 2ℒℛ with P = s² − κ − κ̃ and
/// (P − 2ℒℛ)(P + 2ℒℛ) = P² − 4κκ̃,
///   T⁻¹(R) = (s − ℒ − ℛ)(P R + 2 K R K̃)/Δ,  Δ = P² − 4κκ̃ = Π (λ_i + λ̃_j),
/// the product over the eigenvalues λ = σ ± √κ of 𝒜 (λ̃ their conjugates for the normal part).
/// No eigenvectors: valid at exceptional points (κ = 0, K nilpotent). The anomalous Δ is taken as
/// s²(s² − 4κ), which it equals, so that it keeps its accuracy when σ → 0.
struct OpticalLyapunovInverse {
    /// δ, 𝒜_rl and 𝒜_lr: K = [[δ, k12], [k21, −δ]].
    let delta: Complex, k12: Complex, k21: Complex
    /// Normal part: s, P and 1/Δ (real).
    let sNormal: Double, pNormal: Double, inverseNormal: Double
    /// Anomalous part: s, P and 1/Δ.
    let sAnomalous: Complex, pAnomalous: Complex, inverseAnomalous: Complex
    /// False when L_o is singular (some Δ = 0) or not finite.
    let isInvertible: Bool

    /// From the optical 4 × 4 block of the row-major drift matrix with row stride `stride`
    /// (complex-linear: each 2 × 2 sub-block is [[c_r, −c_i], [c_i, c_r]]).
    @inline(__always)
    init(drift a: UnsafePointer<Double>, stride: Int) {
        @inline(__always) func entry(_ j: Int, _ k: Int) -> Complex { Complex(a[2 * j * stride + 2 * k], a[(2 * j + 1) * stride + 2 * k]) }
        let a11 = entry(0, 0), a22 = entry(1, 1)
        let sigma = 0.5 * (a11 + a22)
        delta = 0.5 * (a11 - a22); k12 = entry(0, 1); k21 = entry(1, 0)
        let kappa = delta * delta + k12 * k21
        sNormal = 2 * sigma.re
        pNormal = sNormal * sNormal - 2 * kappa.re
        let deltaNormal = pNormal * pNormal - 4 * kappa.normSquared
        sAnomalous = 2 * sigma
        let s2 = sAnomalous * sAnomalous
        pAnomalous = s2 - 2 * kappa
        let deltaAnomalous = s2 * (s2 - 4 * kappa)
        inverseNormal = 1 / deltaNormal
        inverseAnomalous = Complex.one / deltaAnomalous
        isInvertible = deltaNormal != 0 && deltaAnomalous != .zero && inverseNormal.isFinite && inverseAnomalous.isFinite
    }

    /// L_o⁻¹(R) in moment form: both parts by T⁻¹(R) = (s − ℒ − ℛ)(P R + 2 K R K̃)/Δ.
    @inline(__always)
    func solve(_ r: OpticalMoments) -> OpticalMoments {
        let (n11, n22, n12) = normal(r.n11, r.n22, r.n12)
        let (m11, m12, m22) = anomalous(r.m11, r.m12, r.m22)
        return OpticalMoments(n11: n11, n22: n22, n12: n12, m11: m11, m12: m12, m22: m22)
    }

    /// T⁻¹ of the normal part, K̃ = K†, on Hermitian R = [[r11, r12], [r12*, r22]].
    @inline(__always)
    func normal(_ r11: Double, _ r22: Double, _ r12: Complex) -> (Double, Double, Complex) {
        let r21 = r12.conjugate
        // U = K R, then Z = P R + 2 U K† (Hermitian; (K†)_jk = K_kj*).
        let u11 = delta * Complex(r11) + k12 * r21, u12 = delta * r12 + k12 * Complex(r22)
        let u21 = k21 * Complex(r11) - delta * r21, u22 = k21 * r12 - delta * Complex(r22)
        let z11 = pNormal * r11 + 2 * (u11 * delta.conjugate + u12 * k12.conjugate).re
        let z22 = pNormal * r22 + 2 * (u21 * k21.conjugate - u22 * delta.conjugate).re
        let z12 = pNormal * r12 + 2 * (u11 * k21.conjugate - u12 * delta.conjugate)
        // W = K Z; the result (sZ − W − W†)/Δ.
        let z21 = z12.conjugate
        let w11 = delta * Complex(z11) + k12 * z21, w12 = delta * z12 + k12 * Complex(z22)
        let w21 = k21 * Complex(z11) - delta * z21, w22 = k21 * z12 - delta * Complex(z22)
        return ((sNormal * z11 - 2 * w11.re) * inverseNormal,
                (sNormal * z22 - 2 * w22.re) * inverseNormal,
                (sNormal * z12 - w12 - w21.conjugate) * inverseNormal)
    }

    /// T⁻¹ of the anomalous part, K̃ = Kᵀ, on symmetric R = [[r11, r12], [r12, r22]].
    @inline(__always)
    func anomalous(_ r11: Complex, _ r12: Complex, _ r22: Complex) -> (Complex, Complex, Complex) {
        // U = K R, then Z = P R + 2 U Kᵀ (symmetric).
        let u11 = delta * r11 + k12 * r12, u12 = delta * r12 + k12 * r22
        let u21 = k21 * r11 - delta * r12, u22 = k21 * r12 - delta * r22
        let z11 = pAnomalous * r11 + 2 * (u11 * delta + u12 * k12)
        let z22 = pAnomalous * r22 + 2 * (u21 * k21 - u22 * delta)
        let z12 = pAnomalous * r12 + 2 * (u11 * k21 - u12 * delta)
        // W = K Z; the result (sZ − W − Wᵀ)/Δ.
        let w11 = delta * z11 + k12 * z12, w12 = delta * z12 + k12 * z22
        let w21 = k21 * z11 - delta * z12, w22 = k21 * z12 - delta * z22
        return ((sAnomalous * z11 - 2 * w11) * inverseAnomalous,
                (sAnomalous * z12 - w12 - w21) * inverseAnomalous,
                (sAnomalous * z22 - 2 * w22) * inverseAnomalous)
    }
}
