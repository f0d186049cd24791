import ArgumentParser
import Foundation
import WGMNumerics
import Figures
import Optomechanics

/// `wgmfig eval om`: the optomechanics model (paper 000) at one point, optionally with its
/// extrema over detuning. Strengths in units of Γ, angles in radians, detunings as Δ̃/Γ.
struct EvalOM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "om",
        abstract: "Backscattering-immune optomechanics: E_N, T, N, |G| at one point (paper 000).")

    @Option(name: .customLong("eps"), parsing: .unconditional, help: "Defect strength ε/Γ (≥ 0; default 1). Replaced by --defects.")
    var epsilon: Double?

    @Option(name: .customLong("eta"), parsing: .unconditional, help: "Nanoparticle strength η/Γ (≥ 0).")
    var eta: Double = 1

    @Option(name: .customLong("beta"), parsing: .unconditional, help: "Nanoparticle angle β in radians (default π/8).")
    var beta: Double = Double.pi / 8

    @Option(name: .customLong("detuning"), parsing: .unconditional, help: "Effective detuning Δ̃/Γ.")
    var detuning: Double = 0.85

    @Option(name: .customLong("defects"), parsing: .unconditional, help: "Defects as ε1@β1,ε2@β2,… (ε_j/Γ ≥ 0, β_j in radians); replaces --eps.")
    var defects: String?

    @Flag(name: .customLong("optimize"), help: "Also print the extrema over detuning.")
    var optimize = false

    @Flag(name: .customLong("json"), help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var model: ModelInputOptions

    func run() throws {
        let scatterers = try makeScatterers()
        try Self.check("--detuning", detuning, against: "Delta_tilde_over_Gamma", what: "an effective detuning Δ̃/Γ")
        let inputs = try self.model.inputs(.om)
        for n in ["eps_over_Gamma", "eta_over_Gamma", "eta_over_eps", "beta_rad", "Delta_over_Gamma", "Delta_tilde_over_Gamma"] where inputs.isSet(n) {
            throw ValidationError("\(n) is given by --eps, --eta, --beta and --detuning in eval om, not by --set")
        }
        let model = try OMInputs.model(inputs)
        let coupling = model.coupling(scatterers)
        let p = model.point(coupling: coupling, detuningOverGamma: detuning)
        var fields: [(String, Double?)] = [
            ("EN_r", p.logNegativityCW), ("EN_l", p.logNegativityCCW), ("T", p.transmission),
            ("N_r", p.photonNumberCW), ("N_l", p.photonNumberCCW),
            ("G_r", p.couplingCWOverOmegaM), ("G_l", p.couplingCCWOverOmegaM), ("J1", p.backscatteringOverGamma),
        ]
        if optimize {
            let e = model.detuningExtremes(coupling: coupling)
            fields += [
                ("EN_r_max", e.logNegativityCW?.value), ("EN_r_argmax", e.logNegativityCW?.location),
                ("EN_l_max", e.logNegativityCCW?.value),
                ("T_min", e.transmission.value), ("T_argmin", e.transmission.location),
                ("G_r_max", e.couplingCW?.value), ("G_l_max", e.couplingCCW?.value),
            ]
        }
        print(json ? Self.json(fields, stable: p.isStable) : Self.table(fields, stable: p.isStable))
    }

    /// The scatterers from the options, validated (strengths finite and ≥ 0, angles finite).
    func makeScatterers() throws -> Scatterers {
        if epsilon != nil && defects != nil {
            throw EvalOMError("--eps and --defects cannot be combined: --defects replaces --eps")
        }
        try Self.check("--eps", epsilon ?? 1, against: "eps_over_Gamma", what: "a strength ε/Γ")
        try Self.check("--eta", eta, against: "eta_over_Gamma", what: "a strength η/Γ")
        guard beta.isFinite else { throw EvalOMError("invalid --beta \(beta): must be a finite angle in radians") }
        let list = try defects.map(Self.parseDefects) ?? [Defect(strength: epsilon ?? 1, angle: 0)]
        for d in list where defects != nil {
            try Self.check("--defects", d.strength, against: "eps_over_Gamma", what: "each strength ε_j/Γ")
            guard d.angle.isFinite else { throw EvalOMError("invalid --defects angle \(d.angle): must be a finite angle in radians") }
        }
        let s = Scatterers(defects: list, particle: Nanoparticle(strength: eta, angle: beta))
        do { return try s.validated() } catch { throw EvalOMError("invalid --defects: \(error)") }
    }

    /// `value` within the range of the model input `name` (the range `--set` and spec files use:
    /// beyond it the drift matrix's entries overflow or lose all precision), else a one-line error.
    static func check(_ flag: String, _ value: Double, against name: String, what: String) throws {
        guard let input = try? OMInputs.registry.input(name), (try? input.checked(value)) != nil else {
            let allowed = (try? OMInputs.registry.input(name).allowed) ?? "a finite number"
            throw EvalOMError("invalid \(flag) \(value): \(what) must be \(allowed)")
        }
    }

    /// Parses "ε1@β1,ε2@β2,…".
    static func parseDefects(_ text: String) throws -> [Defect] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        return try items.map { item in
            let parts = item.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, let e = Double(parts[0].trimmingCharacters(in: .whitespaces)),
                  let b = Double(parts[1].trimmingCharacters(in: .whitespaces)) else {
                throw EvalOMError("malformed --defects '\(text)': expected ε1@β1,ε2@β2,… with numbers (ε_j/Γ ≥ 0, β_j in radians), got '\(item)'")
            }
            return Defect(strength: e, angle: b)
        }
    }

    static func json(_ fields: [(String, Double?)], stable: Bool) -> String {
        let body = fields.map { "\"\($0.0)\": \($0.1.map(jsonNumber) ?? "null")" } + ["\"stable\": \(stable)"]
        return "{" + body.joined(separator: ", ") + "}"
    }

    static func jsonNumber(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }

    static func table(_ fields: [(String, Double?)], stable: Bool) -> String {
        let rows = fields.map { name, value in
            name.padding(toLength: 12, withPad: " ", startingAt: 0) + (value.map { String(format: "%.10g", $0) } ?? "— (unstable)")
        }
        return (rows + ["stable".padding(toLength: 12, withPad: " ", startingAt: 0) + (stable ? "yes" : "no")]).joined(separator: "\n")
    }
}

/// A bad `eval om` argument, reported as one line.
struct EvalOMError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
