import Foundation

/// A steady-state solver of the two-mode master equation (Eq. 3): a fixed cutoff
/// (`SteadyStateSolver`) or a truncation rule (`TruncatedSolver`).
public protocol BlockadeSteadyStateSolving: Sendable {
    /// The steady state ρ_ss with L ρ_ss = 0 for `rates`.
    func solve(_ rates: ModelRates) throws -> BlockadeSteadyState
    /// Equal for solvers that return equal states for equal rates (the truncation they use).
    var truncationKey: String { get }
}

extension SteadyStateSolver: BlockadeSteadyStateSolving {
    /// "fixed(N)".
    public var truncationKey: String { "fixed(\(cutoff))" }
}

extension TruncatedSolver: BlockadeSteadyStateSolving {
    /// The truncation rule, spelled out.
    public var truncationKey: String { "\(truncation)/\(maxOrder)" }
}

/// The one pipeline of Eq. 8 that the sweeps, the figures and the CLI call:
/// ℛ = max(0, (1 − g2_device)/(1 − g2_ideal)), both g2(0) at Δ = 0 with the device's χ and ξ,
/// the ideal cavity having J = 0 and γ = γ1 (`BlockadeSetup.idealReferenceRates()`).
///
/// Ideal references are solved once per (rates, truncation) and shared between threads, so a
/// sweep over tip positions solves one ideal cavity. Thread-safe; results do not depend on the
/// order or the threads the points are evaluated on.
public final class EfficiencyEvaluator: @unchecked Sendable {
    private let lock = NSLock()
    private var idealG2: [String: Double] = [:]

    /// An evaluator with no ideal reference solved yet.
    public init() {}

    /// ℛ of Eq. 8 at `setup` with `solver`. `state`, when given, is a state already solved by
    /// `solver` (e.g. at the setup's own detuning); it is reused wherever its rates are the ones
    /// needed (device at Δ = 0, or the ideal reference). NaN when g2_ideal ≥ 1 (Eq. 8 undefined).
    public func efficiency(_ setup: BlockadeSetup, solver: some BlockadeSteadyStateSolving,
                           state: BlockadeSteadyState? = nil) throws -> Double {
        let deviceRates = try setup.atResonance().rates()
        let device = try state.flatMap { $0.rates == deviceRates ? $0.observables.g2 : nil }
            ?? solver.solve(deviceRates).observables.g2
        let ideal = try idealSecondOrderCorrelation(setup.idealReferenceRates(), solver: solver, known: state)
        return BlockadeEfficiency.ratio(deviceG2: device, idealG2: ideal)
    }

    /// g2(0) of the ideal cavity with `rates`, solved on first use per truncation.
    public func idealSecondOrderCorrelation(_ rates: ModelRates, solver: some BlockadeSteadyStateSolving,
                                            known state: BlockadeSteadyState? = nil) throws -> Double {
        if let state, state.rates == rates { return state.observables.g2 }
        let key = solver.truncationKey + ":" + [rates.detuning, rates.gamma, rates.kerr, rates.drive,
                                                rates.coupling.re, rates.coupling.im]
            .map { String($0.bitPattern, radix: 16) }.joined(separator: ",")
        lock.lock()
        let cached = idealG2[key]
        lock.unlock()
        if let cached { return cached }
        let g2 = try solver.solve(rates).observables.g2
        lock.lock(); idealG2[key] = g2; lock.unlock()
        return g2
    }
}
