import ArgumentParser
import Figures

/// Every model input as an `eval` option: `--set NAME=VALUE` (repeatable, any input of the model)
/// and the most used ones under their own names (`--T_e_K 1`, `--P_W 0.01`, `--m 6`, `--P_in_fW 10`, `--Q 1e9`).
struct ModelInputOptions: ParsableArguments {
    @Option(name: .customLong("T_e_K"), help: "om: environment temperature T_e in K (default 0.2).")
    var temperature: String?
    @Option(name: .customLong("P_W"), help: "om: input laser power P in W (default 0.03).")
    var power: String?
    @Option(name: .customLong("m"), help: "om: azimuthal mode number m (default 4).")
    var azimuthal: String?
    @Option(name: .customLong("P_in_fW"), help: "spb: input power P_in in fW (default 4).")
    var inputPower: String?
    @Option(name: .customLong("Q"), help: "spb: intrinsic quality factor Q (default 1e10).")
    var quality: String?
    @Option(name: .customLong("set"), help: "Any model input, NAME=VALUE (repeatable; see `wgmfig inputs om|spb`).")
    var set: [String] = []

    /// The parameter set of `model`: the paper's, with the options applied (each checked: a known
    /// input, an allowed value; options of the other model are an error).
    func inputs(_ model: ModelID) throws -> InputValues {
        let named: [(String, String?, ModelID)] = [("T_e_K", temperature, .om), ("P_W", power, .om), ("m", azimuthal, .om),
                                                   ("P_in_fW", inputPower, .spb), ("Q", quality, .spb)]
        var overrides: [InputOverride] = []
        for (name, value, owner) in named {
            guard let value else { continue }
            guard owner == model else { throw ValidationError("--\(name) is an input of \(owner.rawValue), not \(model.rawValue)") }
            overrides.append(InputOverride(name: name, text: value))
        }
        overrides += try set.map { try InputOverride(parsing: $0) }
        return try overrides.reduce(InputValues(model: model)) { v, o in
            try v.setting(o.name, try v.registry.input(o.name).parse(o.text), byUser: true)
        }
    }
}
