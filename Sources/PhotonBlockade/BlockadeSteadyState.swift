import Foundation
import WGMNumerics

/// Which of the two counter-propagating modes.
public enum OpticalMode: Sendable, Equatable {
    /// The driven clockwise mode a1.
    case clockwise
    /// The counter-clockwise mode a2.
    case counterClockwise
}

/// The observables the paper reports, from one steady state.
public struct BlockadeObservables: Sendable, Equatable {
    /// N_cw = ⟨a1†a1⟩.
    public var nCW: Double
    /// N_ccw = ⟨a2†a2⟩.
    public var nCCW: Double
    /// g2(0), g3(0), g4(0) of the CW mode.
    public var g2: Double, g3: Double, g4: Double
    /// P10 = ⟨1,0|ρ|1,0⟩ and P01 = ⟨0,1|ρ|0,1⟩ (Fig. 3c).
    public var p10: Double, p01: Double
}

/// A steady state ρ_ss of Eq. 4 on the truncated two-mode Fock space.
public struct BlockadeSteadyState: Sendable {
    /// Fock states per mode used.
    public let cutoff: Int
    /// The rates it was computed for.
    public let rates: ModelRates
    /// ρ_ss in the Fock basis |m, n⟩ with index m·cutoff + n (m CW, n CCW photons); Hermitian, unit trace.
    public let density: ComplexMatrix
    /// How it was solved.
    public internal(set) var diagnostics: SolveDiagnostics

    /// P_mn = ⟨m, n|ρ_ss|m, n⟩ (0 outside the truncation).
    public func probability(cw m: Int, ccw n: Int) -> Double {
        guard (0..<cutoff).contains(m), (0..<cutoff).contains(n) else { return 0 }
        let f = m * cutoff + n
        return density[f, f].re
    }

    /// ⟨a†ᵏ aᵏ⟩ of one mode (the k-th factorial moment of its photon number).
    public func factorialMoment(_ mode: OpticalMode, order k: Int) -> Double {
        precondition(k >= 0)
        var sum = 0.0
        for m in 0..<cutoff {
            for n in 0..<cutoff {
                let count = mode == .clockwise ? m : n
                var w = 1.0
                for j in 0..<k { w *= Double(count - j) }
                if w != 0 { sum += w * probability(cw: m, ccw: n) }
            }
        }
        return sum
    }

    /// Mean photon number ⟨a†a⟩ of one mode.
    public func photonNumber(_ mode: OpticalMode) -> Double { factorialMoment(mode, order: 1) }

    /// g⁽ᵏ⁾(0) = ⟨a1†ᵏa1ᵏ⟩/⟨a1†a1⟩ᵏ of the CW mode.
    public func correlation(order k: Int) -> Double {
        factorialMoment(.clockwise, order: k) / pow(photonNumber(.clockwise), Double(k))
    }

    /// N_cw, N_ccw, g2(0), g3(0), g4(0), P10, P01.
    public var observables: BlockadeObservables {
        BlockadeObservables(nCW: photonNumber(.clockwise), nCCW: photonNumber(.counterClockwise),
                            g2: correlation(order: 2), g3: correlation(order: 3), g4: correlation(order: 4),
                            p10: probability(cw: 1, ccw: 0), p01: probability(cw: 0, ccw: 1))
    }
}
