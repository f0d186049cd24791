import Foundation
import WGMNumerics

/// The two log negativities of a stable point (Eq. 13) and the accuracy of the covariance.
public struct LogNegativity: Sendable, Equatable {
    /// E_N,r: CW mode and mechanics.
    public let cw: Double
    /// E_N,l: CCW mode and mechanics.
    public let ccw: Double
    /// ‖A V + V Aᵀ + D‖_F/‖D‖_F of the covariance V solving Eq. 11.
    public let lyapunovResidual: Double
}

/// Entanglement at one point: a value only where the linearised dynamics is stable.
public enum Entanglement: Sendable, Equatable {
    /// All eigenvalues of A have negative real parts; the steady-state covariance exists.
    case stable(LogNegativity)
    /// Some eigenvalue of A has a non-negative real part: no steady state, no E_N.
    case unstable
}

/// One evaluated point of the model: the steady state (always defined by Eq. 10) and the
/// entanglement (defined only when stable).
public struct OptomechanicalPoint: Sendable, Equatable {
    /// Δ̃/Γ.
    public let detuningOverGamma: Double
    /// |J1|/Γ: half the splitting; every output depends on the scatterers only through it.
    public let backscatteringOverGamma: Double
    /// α_j, G_j and T (Eqs. 10, 14).
    public let steadyState: OptomechanicalSteadyState
    /// E_N,r and E_N,l, or `.unstable`.
    public let entanglement: Entanglement

    /// True when the steady state is stable.
    public var isStable: Bool { if case .stable = entanglement { return true } else { return false } }
    /// E_N,r, nil when unstable.
    public var logNegativityCW: Double? { if case .stable(let e) = entanglement { return e.cw } else { return nil } }
    /// E_N,l, nil when unstable.
    public var logNegativityCCW: Double? { if case .stable(let e) = entanglement { return e.ccw } else { return nil } }
    /// N_r.
    public var photonNumberCW: Double { steadyState.photonNumberCW }
    /// N_l.
    public var photonNumberCCW: Double { steadyState.photonNumberCCW }
    /// |G_r|/ω_m.
    public var couplingCWOverOmegaM: Double { steadyState.couplingCW.magnitude }
    /// |G_l|/ω_m.
    public var couplingCCWOverOmegaM: Double { steadyState.couplingCCW.magnitude }
    /// T (Eq. 14).
    public var transmission: Double { steadyState.transmission }
}

extension OptomechanicalModel {
    /// The full point at effective detuning Δ̃/Γ: steady state (Eq. 10), covariance from
    /// A V + V Aᵀ = −D (Eq. 11, exact direct solve), stability (V positive definite, Lyapunov's
    /// theorem) and E_N,r, E_N,l (Eq. 13). Allocation-free.
    public func point(coupling: BackscatteringCoupling, detuningOverGamma delta: Double) -> OptomechanicalPoint {
        let steady = steadyState(coupling: coupling, detuningOverGamma: delta)
        var scratch = EntanglementScratch()
        var pivots = PivotScratch()
        let entanglement = withUnsafeMutableBytes(of: &scratch.doubles) { raw in
            withUnsafeMutableBytes(of: &pivots.ints) { rawPivots in
                let w = raw.bindMemory(to: Double.self).baseAddress!
                let p = rawPivots.bindMemory(to: Int.self).baseAddress!
                fillDriftMatrix(w + EntanglementScratch.a, coupling: coupling, detuningOverGamma: delta, steady: steady)
                return Self.entanglement(workspace: w, pivots: p, diffusion: self)
            }
        }
        return OptomechanicalPoint(detuningOverGamma: delta, backscatteringOverGamma: coupling.magnitude,
                                   steadyState: steady, entanglement: entanglement)
    }

    /// The full point for these scatterers.
    public func point(scatterers: Scatterers, detuningOverGamma delta: Double) -> OptomechanicalPoint {
        point(coupling: coupling(scatterers), detuningOverGamma: delta)
    }

    /// True when every eigenvalue of A has a negative real part (Routh–Hurwitz), without solving
    /// for the covariance.
    public func isStable(coupling: BackscatteringCoupling, detuningOverGamma delta: Double) -> Bool {
        let steady = steadyState(coupling: coupling, detuningOverGamma: delta)
        var scratch = EntanglementScratch()
        return withUnsafeMutableBytes(of: &scratch.doubles) { raw in
            let w = raw.bindMemory(to: Double.self).baseAddress!
            fillDriftMatrix(w + EntanglementScratch.a, coupling: coupling, detuningOverGamma: delta, steady: steady)
            return Self.isHurwitz(w)
        }
    }

    static func isHurwitz(_ w: UnsafeMutablePointer<Double>) -> Bool {
        RouthHurwitz.characteristicPolynomial(order: 6, w + EntanglementScratch.a,
                                              coefficients: w + EntanglementScratch.polynomial,
                                              workspace: w + EntanglementScratch.polynomialWork)
        return RouthHurwitz.isHurwitz(coefficients: w + EntanglementScratch.polynomial, degree: 6,
                                      workspace: w + EntanglementScratch.routhWork)
    }

    /// Stability, covariance and log negativities from the drift matrix already in the workspace.
    /// Stability is decided by Lyapunov's theorem: (A, D) is controllable for every parameter
    /// value (D drives every coordinate but q, and q̇ = ω_m p), so all eigenvalues of A have
    /// negative real parts iff A V + V Aᵀ = −D has a positive definite solution. Cross-validated
    /// against Routh–Hurwitz and LAPACK eigenvalues in the tests.
    static func entanglement(workspace w: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>,
                             diffusion model: OptomechanicalModel) -> Entanglement {
        model.fillDiffusionMatrix(w + EntanglementScratch.d)
        let v = w + EntanglementScratch.v
        guard let residual = BlockCovarianceKernel.solve(a: w + EntanglementScratch.a, q: w + EntanglementScratch.d, v: v,
                                                         workspace: w + EntanglementScratch.covarianceWork,
                                                         pivots: pivots),
              RealCholesky.isPositiveDefinite(order: 6, v, workspace: w + EntanglementScratch.cholesky)
        else { return .unstable }
        return .stable(LogNegativity(cw: logNegativity(covariance: v, opticalMode: 0),
                                     ccw: logNegativity(covariance: v, opticalMode: 1),
                                     lyapunovResidual: residual))
    }

    /// E_N = max[0, −ln 2ν₋] (Eq. 13) of optical mode j (0 = CW, 1 = CCW) with the mechanics, from
    /// the 6 × 6 row-major covariance. ν₋² = (Σ − √(Σ² − 4 det V′))/2 is evaluated as
    /// 2 det V′/(Σ + √(Σ² − 4 det V′)), which avoids the cancellation of the printed form.
    static func logNegativity(covariance v: UnsafePointer<Double>, opticalMode j: Int) -> Double {
        let i0 = 2 * j, i1 = 2 * j + 1
        @inline(__always) func m(_ r: Int, _ c: Int) -> Double {
            let idx = (i0, i1, 4, 5)
            let rr = r == 0 ? idx.0 : r == 1 ? idx.1 : r == 2 ? idx.2 : idx.3
            let cc = c == 0 ? idx.0 : c == 1 ? idx.1 : c == 2 ? idx.2 : idx.3
            return v[rr * 6 + cc]
        }
        let detA = m(0, 0) * m(1, 1) - m(0, 1) * m(1, 0)
        let detB = m(2, 2) * m(3, 3) - m(2, 3) * m(3, 2)
        let detC = m(0, 2) * m(1, 3) - m(0, 3) * m(1, 2)
        let sigma = detA + detB - 2 * detC
        // det V′ by the Laplace expansion along rows 0, 1 (2 × 2 minors).
        func top(_ a: Int, _ b: Int) -> Double { m(0, a) * m(1, b) - m(0, b) * m(1, a) }
        func bottom(_ a: Int, _ b: Int) -> Double { m(2, a) * m(3, b) - m(2, b) * m(3, a) }
        let det = top(0, 1) * bottom(2, 3) - top(0, 2) * bottom(1, 3) + top(0, 3) * bottom(1, 2)
            + top(1, 2) * bottom(0, 3) - top(1, 3) * bottom(0, 2) + top(2, 3) * bottom(0, 1)
        let root = max(0, sigma * sigma - 4 * det).squareRoot()
        let denominator = sigma + root
        guard denominator > 0, det > 0 else { return 0 }
        let nuMinus = (2 * det / denominator).squareRoot()
        let value = -log(2 * nuMinus)
        return value > 0 ? value : 0
    }
}
