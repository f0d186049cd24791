import ArgumentParser
import Foundation
import WGMNumerics
import Figures
import PhotonBlockade

/// `wgmfig eval spb`: the single-photon-blockade model (paper 002) at one point.
struct EvalSPB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spb",
        abstract: "Steady state, correlations and efficiency of the nanotip photon-blockade model.",
        discussion: "Rates are angular, in 1e6 s^-1; lengths in um. Analytic values are Eqs. 5-7 (weak drive); R is Eq. 8 at Delta = 0.")

    enum Case: String, ExpressibleByArgument, CaseIterable { case ideal, notip, tip }

    @Option(help: "Device: ideal (J = 0), notip (J = J0) or tip (J = J0 + J_tip).")
    var `case`: Case

    @Option(name: .customLong("r"), parsing: .unconditional, help: "Tip radial distance r in um (tip case; default 0.35).")
    var r: Double?

    @Option(name: .customLong("phi"), parsing: .unconditional, help: "Tip azimuthal distance phi in um (tip case; default 0.27).")
    var phi: Double?

    @Option(name: .customLong("delta"), parsing: .unconditional, help: "Detuning Delta/gamma1.")
    var delta: Double = 0

    @Option(name: .customLong("J0"), parsing: .unconditional, help: "Intrinsic backscattering J0/gamma1.")
    var j0: Double = 1.8

    @Option(name: .customLong("chi-over-gamma"), parsing: .unconditional, help: "Set chi = X*gamma (default: chi from the material constants).")
    var chiOverGamma: Double?

    @Option(name: .customLong("drive-scale"), parsing: .unconditional, help: "Multiply the drive xi by S.")
    var driveScale: Double = 1

    @Option(name: .customLong("cutoff"), help: "Fock states per mode: an integer (2-20) or 'auto'.")
    var cutoff: String = "auto"

    @Option(name: .customLong("tau"), parsing: .unconditional, help: "Comma-separated delays tau*gamma1 for g2(tau).")
    var tau: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var model: ModelInputOptions

    func validate() throws {
        if `case` != .tip && (r != nil || phi != nil) {
            throw EvalError("--r and --phi apply only to --case tip")
        }
        _ = try truncation()
        _ = try delays()
        // Each flag within the range of the model input it sets (the range --set and spec files use).
        let flags: [(String, Double?, String)] = [("--r", r, "r_um"), ("--phi", phi, "phi_um"), ("--delta", delta, "Delta_over_gamma1"),
                                                  ("--J0", j0, "J0_over_gamma1"), ("--chi-over-gamma", chiOverGamma, "chi_over_gamma")]
        for (flag, value, name) in flags { if let value { try Self.check(flag, value, against: name) } }
        guard driveScale.isFinite, driveScale > 0, driveScale <= 1e3 else {
            throw EvalError("invalid --drive-scale \(driveScale): must be a factor in (0, 1000]")
        }
        let inputs: InputValues
        do { inputs = try model.inputs(.spb) } catch let e as InputError { throw ValidationError("\(e)") }
        let byFlags = ["device", "r_um", "phi_um", "Delta_over_gamma1", "J0_over_gamma1", "chi_over_gamma", "cutoff", "tau_gamma1"]
        for n in byFlags where inputs.isSet(n) {
            throw ValidationError("\(n) is given by --case, --r, --phi, --delta, --J0, --chi-over-gamma, --cutoff and --tau in eval spb, not by --set")
        }
    }

    /// `value` within the range of the spb model input `name`, else a one-line error naming the flag.
    static func check(_ flag: String, _ value: Double, against name: String) throws {
        guard let input = try? SPBInputs.registry.input(name), (try? input.checked(value)) != nil else {
            let allowed = (try? SPBInputs.registry.input(name).allowed) ?? "a finite number"
            throw EvalError("invalid \(flag) \(value): must be \(allowed) (the range of \(name))")
        }
    }

    /// The truncation rule from --cutoff.
    func truncation() throws -> Truncation {
        if cutoff == "auto" { return .automatic }
        guard let n = Int(cutoff), SteadyStateSolver.allowedCutoffs.contains(n) else {
            throw EvalError("invalid --cutoff \(cutoff): must be 'auto' or an integer in 2...20")
        }
        return .fixed(n)
    }

    /// τ·γ1 values from --tau.
    func delays() throws -> [Double] {
        guard let tau else { return [] }
        return try tau.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let v = Double(text) else { throw EvalError("invalid --tau value '\(text)': must be a number τγ1 in [0, 1e4]") }
            // Beyond 1e4/γ1 every correlation has long relaxed (g2 → 1): such delays are refused, not propagated.
            try Self.check("--tau", v, against: "tau_gamma1")
            return v
        }
    }

    func setup() -> BlockadeSetup {
        let configuration: CavityConfiguration
        switch `case` {
        case .ideal: configuration = .ideal
        case .notip: configuration = .noTip
        case .tip: configuration = .tip(TipPosition(r: r ?? 0.35, phi: phi ?? 0.27))
        }
        let inputs = (try? model.inputs(.spb)) ?? InputValues(model: .spb)
        return BlockadeSetup(configuration: configuration, resonator: SPBInputs.resonator(inputs), tip: SPBInputs.tip(inputs),
                             j0OverGamma1: j0, detuningOverGamma1: delta, kerrOverGamma: chiOverGamma, driveScale: driveScale)
    }

    func run() throws {
        let report = try SPBReport.compute(setup: setup(), truncation: truncation(), delaysTimesGamma1: delays())
        print(json ? try report.json() : report.table())
    }
}

/// Everything `wgmfig eval spb` prints.
struct SPBReport: Encodable {
    struct Analytic: Encodable {
        var g2: Double?, P10: Double?, P01: Double?
        enum CodingKeys: String, CodingKey { case g2, P10, P01 }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(g2, forKey: .g2); try c.encode(P10, forKey: .P10); try c.encode(P01, forKey: .P01)
        }
    }
    var N_cw, N_ccw, g2, g3, g4, P10, P01: Double?
    var R: Double?
    var absJ, gamma, chi, xi: Double?
    var cutoff: Int
    var analytic: Analytic
    var g2_tau: [Double?]?

    enum CodingKeys: String, CodingKey {
        case N_cw, N_ccw, g2, g3, g4, P10, P01, R, absJ, gamma, chi, xi, cutoff, analytic, g2_tau
    }

    /// Every key is always present; undefined numbers are null.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let numbers: [(CodingKeys, Double?)] = [(.N_cw, N_cw), (.N_ccw, N_ccw), (.g2, g2), (.g3, g3), (.g4, g4), (.P10, P10),
                                                (.P01, P01), (.R, R), (.absJ, absJ), (.gamma, gamma), (.chi, chi), (.xi, xi)]
        for (key, value) in numbers { try c.encode(value, forKey: key) }
        try c.encode(cutoff, forKey: .cutoff)
        try c.encode(analytic, forKey: .analytic)
        if let g2_tau { try c.encode(g2_tau, forKey: .g2_tau) }
    }

    static func compute(setup: BlockadeSetup, truncation: Truncation, delaysTimesGamma1: [Double]) throws -> SPBReport {
        let rates = try setup.rates()
        let solver = try TruncatedSolver(truncation: truncation)
        let state = try solver.solve(rates)
        let o = state.observables
        let efficiency = try EfficiencyEvaluator().efficiency(setup, solver: solver, state: state)
        let w = WeakDriveApproximation(rates)
        var tau: [Double?]? = nil
        if !delaysTimesGamma1.isEmpty {
            let g1 = setup.resonator.gamma1
            tau = try state.secondOrderCorrelation(delays: delaysTimesGamma1.map { $0 / g1 }).map(finite)
        }
        return SPBReport(N_cw: finite(o.nCW), N_ccw: finite(o.nCCW), g2: finite(o.g2), g3: finite(o.g3), g4: finite(o.g4),
                         P10: finite(o.p10), P01: finite(o.p01),
                         R: finite(efficiency),
                         absJ: rates.coupling.magnitude, gamma: rates.gamma, chi: rates.kerr, xi: rates.drive,
                         cutoff: state.cutoff, analytic: Analytic(g2: finite(w.g2), P10: finite(w.p10), P01: finite(w.p01)),
                         g2_tau: tau)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func table() -> String {
        func f(_ v: Double?) -> String { v.map { String(format: "%.6g", $0) } ?? "undefined" }
        var rows: [(String, String)] = [
            ("N_cw", f(N_cw)), ("N_ccw", f(N_ccw)), ("g2(0)", f(g2)), ("g3(0)", f(g3)), ("g4(0)", f(g4)),
            ("P10", f(P10)), ("P01", f(P01)), ("R (Eq. 8)", f(R)),
            ("|J| (1e6 s^-1)", f(absJ)), ("gamma (1e6 s^-1)", f(gamma)), ("chi (1e6 s^-1)", f(chi)), ("xi (1e6 s^-1)", f(xi)),
            ("cutoff (Fock states/mode)", "\(cutoff)"),
            ("analytic g2 (Eq. 7)", f(analytic.g2)), ("analytic P10 (Eq. 6)", f(analytic.P10)), ("analytic P01 (Eq. 6)", f(analytic.P01)),
        ]
        if let g2_tau { rows.append(("g2(tau)", g2_tau.map(f).joined(separator: ", "))) }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}

/// A bad `eval` argument (exit code 2, one line, no usage text).
struct EvalError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// nil for NaN or infinite values (JSON null; "undefined" in the table).
private func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }

private extension BlockadeSteadyState {
    var g2Value: Double { correlation(order: 2) }
}
