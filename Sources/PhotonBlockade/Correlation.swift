import Foundation
import Numerics

extension SteadyStateSolver {
    /// g2(τ) of the CW mode by the quantum regression theorem: σ(0) = a1 ρ_ss a1† evolves under
    /// the Liouvillian, g2(τ) = Tr[a1†a1 σ(τ)]/⟨a1†a1⟩². Delays τ ≥ 0 in µs (1/(1e6 s⁻¹)).
    /// The propagation is a Krylov matrix exponential with a posteriori error control
    /// (`tolerance`: local error per µs relative to ‖σ(0)‖).
    public func secondOrderCorrelation(_ state: SteadyState, delays: [Double], tolerance: Double = 1e-12) throws -> [Double] {
        guard state.cutoff == cutoff else {
            throw PhotonBlockadeError.invalidCutoff(state.cutoff, allowed: "the solver's cutoff \(cutoff)")
        }
        for t in delays { try PhotonBlockadeError.check("delay tau", t, ">= 0") { $0 >= 0 } }
        let space = structure.space
        let l = structure.liouvillian(state.rates)
        let sigma = Self.annihilated(space, state.density)
        let n1 = state.photonNumber(.clockwise)
        var out = [Double](repeating: .nan, count: delays.count)
        let apply: ComplexLinearMap = { x, y in l.multiply(x, into: y) }
        do {
            try KrylovExponential(krylovDimension: 30, tolerance: tolerance)
                .propagate(order: space.elementCount, vector: sigma, times: delays, normEstimate: l.oneNorm, apply: apply) { k, w in
                    out[k] = Self.cwNumber(space, w) / (n1 * n1)
                }
        } catch { throw PhotonBlockadeError.numerical("g2(tau) propagation: \(error)") }
        return out
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

extension SteadyState {
    /// g2(τ) for delays in µs (see `SteadyStateSolver.secondOrderCorrelation`).
    public func secondOrderCorrelation(delays: [Double]) throws -> [Double] {
        try SteadyStateSolver(cutoff: cutoff).secondOrderCorrelation(self, delays: delays)
    }
}
