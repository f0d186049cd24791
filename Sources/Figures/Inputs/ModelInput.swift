import Foundation

/// The two models of the tool, one per paper.
public enum ModelID: String, Sendable, Codable, CaseIterable {
    /// Paper 000: backscattering-immune optomechanical entanglement.
    case om
    /// Paper 002: single-photon blockade with a nanotip.
    case spb
}

/// One named input of a model: its name with unit (`T_e_K`, `P_in_fW`), its paper default, the
/// values it may take and a one-line description.
public struct ModelInput: Sendable {
    /// What values an input takes.
    public enum Kind: Sendable, Equatable {
        /// A real number in a closed range (`log`: best swept and slid logarithmically).
        case real(ClosedRange<Double>, log: Bool)
        /// An integer in a closed range.
        case integer(ClosedRange<Int>)
        /// One of a few named choices (stored as the choice's index).
        case choice([String])
    }

    /// Name with unit or normalisation (`beta_rad`, `J0_over_gamma1`): a contract.
    public let name: String
    /// The unit or normalisation in words (`K`, `W`, `Γ`, `rad`, `1` for pure numbers).
    public let unit: String
    /// The paper's value.
    public let paperValue: Double
    /// When set, the default follows other inputs (β_Im = π/(2m) follows m); described by `defaultRule`.
    public let derivedDefault: (@Sendable (InputValues) -> Double)?
    /// How the default is derived, in words (`π/(2m) = β_Im`), or nil for a plain default.
    public let defaultRule: String?
    /// The allowed values.
    public let kind: Kind
    /// One line on what the input is (with its symbol and equation).
    public let doc: String

    /// A real input in `range`.
    public static func real(_ name: String, unit: String, paper: Double, range: ClosedRange<Double>, log: Bool = false,
                            doc: String, derived: (rule: String, value: @Sendable (InputValues) -> Double)? = nil) -> ModelInput {
        ModelInput(name: name, unit: unit, paperValue: paper, derivedDefault: derived?.value, defaultRule: derived?.rule,
                   kind: .real(range, log: log), doc: doc)
    }

    /// An integer input in `range`.
    public static func integer(_ name: String, paper: Int, range: ClosedRange<Int>, doc: String) -> ModelInput {
        ModelInput(name: name, unit: "1", paperValue: Double(paper), derivedDefault: nil, defaultRule: nil,
                   kind: .integer(range), doc: doc)
    }

    /// A choice among `choices`; the paper's is `paper`.
    public static func choice(_ name: String, paper: String, choices: [String], doc: String) -> ModelInput {
        ModelInput(name: name, unit: "choice", paperValue: Double(choices.firstIndex(of: paper) ?? 0), derivedDefault: nil,
                   defaultRule: nil, kind: .choice(choices), doc: doc)
    }

    /// The allowed values in words (`a number in [0, 100]`, `an integer in [1, 1000]`, `one of ideal, no_tip, tip`).
    public var allowed: String {
        switch kind {
        case .real(let r, _): "a number in [\(Self.text(r.lowerBound)), \(Self.text(r.upperBound))]"
        case .integer(let r): "an integer in [\(r.lowerBound), \(r.upperBound)]"
        case .choice(let c): "one of \(c.joined(separator: ", "))"
        }
    }

    /// True for inputs best swept and slid on a log scale.
    public var isLogarithmic: Bool { if case .real(_, let log) = kind { return log } else { return false } }

    /// The value for `text` (a number, or a choice's name), or an error naming the input, the value
    /// and what is allowed.
    public func parse(_ text: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if case .choice(let choices) = kind {
            guard let k = choices.firstIndex(of: trimmed) else { throw InputError.badValue(name, trimmed, allowed) }
            return Double(k)
        }
        guard let v = Double(trimmed) else { throw InputError.badValue(name, trimmed, allowed) }
        return try checked(v, shown: trimmed)
    }

    /// `value` when it is allowed, otherwise an error naming it.
    public func checked(_ value: Double, shown: String? = nil) throws -> Double {
        let show = shown ?? display(value)
        switch kind {
        case .real(let r, _):
            guard value.isFinite, r.contains(value) else { throw InputError.badValue(name, show, allowed) }
        case .integer(let r):
            guard value.isFinite, value == value.rounded(), value >= Double(r.lowerBound), value <= Double(r.upperBound) else {
                throw InputError.badValue(name, show, allowed)
            }
        case .choice(let c):
            guard value.isFinite, value == value.rounded(), value >= 0, Int(value) < c.count else {
                throw InputError.badValue(name, show, allowed)
            }
        }
        return value
    }

    /// The value as shown to users: a choice's name, an integer without a decimal point, else the
    /// shortest round-trip form.
    public func display(_ value: Double) -> String {
        if case .choice(let c) = kind, value.isFinite, value >= 0, Int(value) < c.count { return c[Int(value)] }
        return Self.text(value)
    }

    /// Shortest text of a number that reads back exactly: `1` for 1.0, `0.2`, `1e-11`, `1.22e+15`.
    public static func text(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded(), abs(value) < 1e7 { return String(Int64(value)) }
        for digits in 1...17 {
            let s = String(format: "%.\(digits)g", value)
            if Double(s) == value { return s }
        }
        return "\(value)"
    }
}

/// One named output of a model (`EN_r`, `g2`), a column name in the CSVs.
public struct ModelOutput: Sendable {
    /// Column name with unit or normalisation.
    public let name: String
    /// One line on what it is, with its equation.
    public let doc: String
    /// Inputs it needs besides the model's (e.g. `tau_gamma1` for `g2_tau`), or that it ignores
    /// (the detuning for maxima over detuning), in words.
    public let note: String?

    /// An output.
    public init(_ name: String, _ doc: String, note: String? = nil) { self.name = name; self.doc = doc; self.note = note }
}

/// A model's registry: every input and output by name.
public struct ModelRegistry: Sendable {
    /// Which model.
    public let model: ModelID
    /// The inputs, in display order.
    public let inputs: [ModelInput]
    /// The outputs, in display order.
    public let outputs: [ModelOutput]
    /// Registry index of every input name.
    public let index: [String: Int]

    /// A registry.
    public init(model: ModelID, inputs: [ModelInput], outputs: [ModelOutput]) {
        self.model = model; self.inputs = inputs; self.outputs = outputs
        index = Dictionary(uniqueKeysWithValues: inputs.enumerated().map { ($1.name, $0) })
    }

    /// The input `name`, or an error naming it and listing the inputs.
    public func input(_ name: String) throws -> ModelInput {
        guard let i = inputs.first(where: { $0.name == name }) else {
            throw InputError.unknownInput(name, model: model.rawValue,
                                          suggestions: Suggestions.closest(to: name, among: inputs.map(\.name)))
        }
        return i
    }

    /// The output `name`, or an error naming it.
    public func output(_ name: String) throws -> ModelOutput {
        guard let o = outputs.first(where: { $0.name == name }) else {
            throw InputError.unknownOutput(name, model: model.rawValue,
                                           suggestions: Suggestions.closest(to: name, among: outputs.map(\.name)))
        }
        return o
    }

    /// The registry of `model`.
    public static func of(_ model: ModelID) -> ModelRegistry {
        switch model { case .om: OMInputs.registry; case .spb: SPBInputs.registry }
    }
}
