import Foundation
import WGMNumerics

extension BlockadeSetup {
    /// Rates of the ideal reference of Eq. 8 for this setup: J = 0, γ = γ1, Δ = 0, with this
    /// setup's χ and ξ.
    public func idealReferenceRates() throws -> ModelRates {
        let device = try rates()
        return ModelRates(detuning: 0, coupling: .zero, gamma: resonator.gamma1, kerr: device.kerr, drive: device.drive)
    }

    /// This setup at Δ = 0, where Eq. 8 compares device and ideal cavity.
    public func atResonance() -> BlockadeSetup { var s = self; s.detuningOverGamma1 = 0; return s }
}

/// Parallel sweeps over parameter points (WGMNumerics' `Parallel.map`: every point is solved
/// independently, so results are identical for any thread count).
public enum BlockadeSweep {
    /// body(0 ..< count) in parallel; rethrows the error of the lowest failing index.
    public static func map<T: Sendable>(count: Int, threads: Int = Parallel.defaultThreadCount,
                                        _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let results: [Result<T, any Error>] = Parallel.map(count: count, threads: threads) { i in
            Result { try body(i) }
        }
        return try results.map { try $0.get() }
    }

    /// Observables (N_cw, N_ccw, g2–g4, P10, P01) at every setup.
    public static func observables(_ setups: [BlockadeSetup], solver: TruncatedSolver,
                                   threads: Int = Parallel.defaultThreadCount) throws -> [BlockadeObservables] {
        try map(count: setups.count, threads: threads) { i in try solver.solve(setups[i].rates()).observables }
    }

    /// Observables at every explicit rate set.
    public static func observables(rates: [ModelRates], solver: TruncatedSolver,
                                   threads: Int = Parallel.defaultThreadCount) throws -> [BlockadeObservables] {
        try map(count: rates.count, threads: threads) { i in try solver.solve(rates[i]).observables }
    }

    /// The efficiency R of Eq. 8 at every setup (`EfficiencyEvaluator`: device and ideal both at
    /// Δ = 0, same χ and ξ; ideal references with equal rates are solved once).
    public static func efficiency(_ setups: [BlockadeSetup], solver: TruncatedSolver,
                                  threads: Int = Parallel.defaultThreadCount) throws -> [Double] {
        let evaluator = EfficiencyEvaluator()
        return try map(count: setups.count, threads: threads) { i in try evaluator.efficiency(setups[i], solver: solver) }
    }
}

extension BlockadeSetup {
    /// The tip case with the tip at its J = 0 position for J0 = (J0/γ1)·γ1 (text after Eq. 6),
    /// branch l of φ = [(2l + 1)π − θ − θ_t r]/(2k_opt). Throws for J0 ≤ 0 or J0 > a_t.
    public static func tipAtZeroCoupling(j0OverGamma1: Double, branch l: Int = 0,
                                         resonator: ResonatorParameters = .paper, tip: TipParameters = .paper) throws -> BlockadeSetup {
        let position = try tip.zeroCouplingPosition(j0: j0OverGamma1 * resonator.gamma1,
                                                    opticalWavenumber: resonator.opticalWavenumber, branch: l)
        return BlockadeSetup(configuration: .tip(position), resonator: resonator, tip: tip, j0OverGamma1: j0OverGamma1)
    }
}
