import Foundation
import WGMNumerics

extension SteadyStateSolver {
    /// g2(τ) of the CW mode by the quantum regression theorem: σ(0) = a1 ρ_ss a1† evolves under
    /// the Liouvillian, g2(τ) = Tr[a1†a1 σ(τ)]/⟨a1†a1⟩². Delays τ ≥ 0 in µs (1/(1e6 s⁻¹)).
    ///
    /// Method (`CorrelationPropagation`): σ(0) = n1·ρ_ss + δ with Tr δ = 0, so
    /// g2(τ) = 1 + Tr[a1†a1 e^{Lτ}δ]/n1². The traceless part is propagated in a shift-and-invert
    /// Krylov space of L (a few tens of vectors: g2 is carried by the slow modes, whatever the
    /// Kerr frequencies χK² make of ‖L‖), grown until the whole curve changes by less than
    /// `tolerance` (relative) twice in a row (the Rayleigh–Ritz values fluctuate at about 1e-8 in the
    /// strongly bunched no-tip case, so much smaller tolerances may fall back to time stepping). Beyond the time τ* at which
    /// (cutoff − 1)·cutoff·‖δ(τ*)‖_F/n1² falls below 1e-14, g2 = 1 is returned: the truncated
    /// master equation is trace-norm contractive on Hermitian δ and ‖a1†a1‖ = cutoff − 1, so
    /// |g2(τ) − 1| stays below that bound for every τ ≥ τ*. If the space does not converge, the
    /// curve is computed by time stepping (Krylov exponential of L with error control).
    public func secondOrderCorrelation(_ state: BlockadeSteadyState, delays: [Double], tolerance: Double = 1e-7) throws -> [Double] {
        guard state.cutoff == cutoff else {
            throw PhotonBlockadeError.invalidCutoff(state.cutoff, allowed: "the solver's cutoff \(cutoff)")
        }
        for t in delays { try PhotonBlockadeError.check("delay tau", t, "finite and >= 0") { $0 >= 0 } }
        let problem = CorrelationProblem(structure: structure, state: state)
        if let curve = try? problem.shiftInvert(delays: delays, tolerance: tolerance, exactLevels: exactLevels) {
            return curve
        }
        return try problem.timeStepping(delays: delays, tolerance: 1e-12)
    }

    /// The element vector of a1 ρ a1†: ⟨m,n|σ|m',n'⟩ = √((m+1)(m'+1))·⟨m+1,n|ρ|m'+1,n'⟩.
    static func annihilated(_ s: TwoModeFockSpace, _ rho: ComplexMatrix) -> [Complex] {
        var v = [Complex](repeating: .zero, count: s.elementCount)
        for i in 0..<s.dimension {
            let (mi, ni) = s.photons(i)
            guard mi + 1 < s.cutoff else { continue }
            for j in 0..<s.dimension {
                let (mj, nj) = s.photons(j)
                guard mj + 1 < s.cutoff else { continue }
                let w = Double((mi + 1) * (mj + 1)).squareRoot()
                v[s.element(i, j)] = w * rho[(mi + 1) * s.cutoff + ni, (mj + 1) * s.cutoff + nj]
            }
        }
        return v
    }

    /// Tr[a1†a1 σ] from an element vector.
    static func cwNumber(_ s: TwoModeFockSpace, _ v: [Complex]) -> Double {
        var sum = 0.0
        for f in 0..<s.dimension { sum += Double(s.photons(f).m) * v[s.element(f, f)].re }
        return sum
    }
}

extension BlockadeSteadyState {
    /// g2(τ) for delays in µs (see `SteadyStateSolver.secondOrderCorrelation`).
    public func secondOrderCorrelation(delays: [Double]) throws -> [Double] {
        try SteadyStateSolver(cutoff: cutoff).secondOrderCorrelation(self, delays: delays)
    }
}
