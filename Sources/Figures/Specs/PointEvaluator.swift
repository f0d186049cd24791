import Foundation
import Optomechanics
import PhotonBlockade

/// A model's outputs at one parameter set: one number per requested output (NaN where the output
/// has no value: unstable, not converged, invalid parameters).
struct PointEvaluator: Sendable {
    /// The outputs evaluated, in order.
    let outputs: [String]
    /// Evaluates a parameter set.
    let evaluate: @Sendable (InputValues) -> [Double]

    /// The evaluator of `outputs` for parameter sets that differ from `base` only in `varying`.
    static func make(_ model: ModelID, outputs: [String], base: InputValues, varying: Set<String>,
                     cutoffShift: Int = 0) throws -> PointEvaluator {
        switch model {
        case .om: return try om(outputs: outputs, base: base, varying: varying)
        case .spb: return try spb(outputs: outputs, base: base, varying: varying, cutoffShift: cutoffShift)
        }
    }

    // MARK: om

    private static let omExtremes: Set<String> = ["EN_r_max", "Delta_tilde_at_EN_r_max_over_Gamma", "EN_l_max", "T_min",
                                                  "Delta_tilde_at_T_min_over_Gamma", "G_r_max_over_omega_m"]

    /// om: the model is built once unless a model-level input varies.
    private static func om(outputs: [String], base: InputValues, varying: Set<String>) throws -> PointEvaluator {
        let fixed = varying.isDisjoint(with: OMInputs.modelNames) ? try OMInputs.model(base) : nil
        let needsExtremes = !omExtremes.isDisjoint(with: outputs)
        let needsPoint = outputs.contains { !omExtremes.contains($0) && $0 != "J1_over_Gamma" }
        let readers = outputs.map(omReader)
        return PointEvaluator(outputs: outputs) { v in
            guard let model = fixed ?? (try? OMInputs.model(v)) else { return outputs.map { _ in .nan } }
            let scatterers = OMInputs.scatterers(v), coupling = model.coupling(scatterers)
            let point = needsPoint ? model.point(coupling: coupling, detuningOverGamma: OMInputs.effectiveDetuning(v, scatterers)) : nil
            let extremes = needsExtremes ? model.detuningExtremes(coupling: coupling, search: OMSweeps.search) : nil
            return readers.map { $0(point, extremes, coupling) }
        }
    }

    /// Reads one om output from a point, its extrema over detuning and its coupling (chosen once per sweep).
    typealias OMReader = @Sendable (OptomechanicalPoint?, DetuningExtremes?, BackscatteringCoupling) -> Double

    private static func omReader(_ name: String) -> OMReader {
        switch name {
        case "EN_r": { p, _, _ in OMTables.number(p?.logNegativityCW) }
        case "EN_l": { p, _, _ in OMTables.number(p?.logNegativityCCW) }
        case "T": { p, _, _ in p?.transmission ?? .nan }
        case "N_r": { p, _, _ in p?.photonNumberCW ?? .nan }
        case "N_l": { p, _, _ in p?.photonNumberCCW ?? .nan }
        case "G_r_over_omega_m": { p, _, _ in p?.couplingCWOverOmegaM ?? .nan }
        case "G_l_over_omega_m": { p, _, _ in p?.couplingCCWOverOmegaM ?? .nan }
        case "stable": { p, _, _ in p.map { $0.isStable ? 1 : 0 } ?? .nan }
        case "J1_over_Gamma": { _, _, c in c.magnitude }
        case "Delta_tilde_over_Gamma": { p, _, _ in p?.detuningOverGamma ?? .nan }
        case "EN_r_max": { _, e, _ in OMTables.number(e?.logNegativityCW?.value) }
        case "Delta_tilde_at_EN_r_max_over_Gamma": { _, e, _ in OMTables.number(e?.logNegativityCW?.location) }
        case "EN_l_max": { _, e, _ in OMTables.number(e?.logNegativityCCW?.value) }
        case "T_min": { _, e, _ in e?.transmission.value ?? .nan }
        case "Delta_tilde_at_T_min_over_Gamma": { _, e, _ in e?.transmission.location ?? .nan }
        case "G_r_max_over_omega_m": { _, e, _ in OMTables.number(e?.couplingCW?.value) }
        default: { _, _, _ in .nan }
        }
    }

    // MARK: spb

    /// Outputs read from the master equation's steady state.
    static let spbMasterEquation: Set<String> = ["g2", "g3", "g4", "N_cw", "N_ccw", "P10", "P01", "R", "g2_tau"]

    /// spb: one solver per cutoff, built once unless the cutoff varies.
    private static func spb(outputs: [String], base: InputValues, varying: Set<String>, cutoffShift: Int) throws -> PointEvaluator {
        let solverFor: @Sendable (Int) throws -> SteadyStateSolver = { try SteadyStateSolver(cutoff: $0) }
        let fixed = varying.contains("cutoff") ? nil : try solverFor(base.integer("cutoff") + cutoffShift)
        let needsState = !spbMasterEquation.isDisjoint(with: outputs)
        let ideals = EfficiencyEvaluator()
        return PointEvaluator(outputs: outputs) { v in
            let setup = SPBInputs.setup(v)
            guard let rates = try? setup.rates() else { return outputs.map { _ in .nan } }
            let solver = needsState ? fixed ?? (try? solverFor(v.integer("cutoff") + cutoffShift)) : nil
            let state = solver.flatMap { try? $0.solve(rates) }
            return outputs.map { spbValue($0, v, setup, rates, state, solver, ideals) }
        }
    }

    private static func spbValue(_ name: String, _ v: InputValues, _ setup: BlockadeSetup, _ rates: ModelRates,
                                 _ state: BlockadeSteadyState?, _ solver: SteadyStateSolver?,
                                 _ ideals: EfficiencyEvaluator) -> Double {
        let o = state?.observables
        switch name {
        case "g2": return o?.g2 ?? .nan
        case "g3": return o?.g3 ?? .nan
        case "g4": return o?.g4 ?? .nan
        case "N_cw": return o?.nCW ?? .nan
        case "N_ccw": return o?.nCCW ?? .nan
        case "P10": return o?.p10 ?? .nan
        case "P01": return o?.p01 ?? .nan
        case "R": return solver.flatMap { try? ideals.efficiency(setup, solver: $0, state: state) } ?? .nan
        case "g2_tau":
            guard let s = state, let solver else { return .nan }
            let delay = v.value("tau_gamma1") / setup.resonator.gamma1
            return (try? solver.secondOrderCorrelation(s, delays: [delay]))?.first ?? .nan
        case "g2_eq7": return WeakDriveApproximation(rates).g2
        case "P10_eq6": return WeakDriveApproximation(rates).p10
        case "P01_eq6": return WeakDriveApproximation(rates).p01
        case "absJ_over_gamma": return rates.coupling.magnitude / rates.gamma
        case "absJ2_over_gamma2": return rates.coupling.normSquared / (rates.gamma * rates.gamma)
        default: return .nan
        }
    }
}
