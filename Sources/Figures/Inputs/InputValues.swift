import Foundation

/// A model's parameter set: the paper's defaults, with some inputs set to other values.
/// `value(_:)` is what every computation reads; nothing physical comes from a static.
public struct InputValues: Sendable, Equatable {
    /// Which model's inputs.
    public let model: ModelID
    /// Explicit values by registry index (set by a panel, a spec, `--set` or a sweep point).
    private var slots: [Double?]
    /// Names set by the user (`--set`, a spec's fixed inputs) rather than by the panel: "overridden".
    public private(set) var overridden: Set<String>

    /// The paper's parameter set of `model`.
    public init(model: ModelID) {
        self.model = model
        slots = Array(repeating: nil, count: ModelRegistry.of(model).inputs.count)
        overridden = []
    }

    /// The registry of this model.
    public var registry: ModelRegistry { ModelRegistry.of(model) }

    /// The value of input `name`: explicit, else its derived or paper default. Unknown names are a
    /// programming error (every name a computation reads is in the registry; see `InputsTests`).
    public func value(_ name: String) -> Double { value(at: slot(name)) }

    /// The value of the input at registry index `i`.
    public func value(at i: Int) -> Double {
        if let v = slots[i] { return v }
        let input = registry.inputs[i]
        return input.derivedDefault?(self) ?? input.paperValue
    }

    /// An integer input's value.
    public func integer(_ name: String) -> Int { Int(value(name)) }

    /// True when `name` was set explicitly (at any level).
    public func isSet(_ name: String) -> Bool { slots[slot(name)] != nil }

    /// True when the input at registry index `i` was set explicitly.
    public func isSet(at i: Int) -> Bool { slots[i] != nil }

    /// The registry index of `name` (a programming error when unknown).
    public func slot(_ name: String) -> Int {
        guard let i = registry.index[name] else { preconditionFailure("\(model.rawValue) has no input '\(name)'") }
        return i
    }

    /// This set with `name` = `value` (checked against the registry); `byUser` marks it overridden.
    public func setting(_ name: String, _ value: Double, byUser: Bool = false) throws -> InputValues {
        let input = try registry.input(name)
        var copy = self
        copy.slots[slot(name)] = try input.checked(value)
        if byUser { copy.overridden.insert(name) }
        try copy.checkConsistency()
        return copy
    }

    /// This set with every (name, value) applied in order.
    public func setting(_ values: [(name: String, value: Double)], byUser: Bool = false) throws -> InputValues {
        try values.reduce(self) { try $0.setting($1.name, $1.value, byUser: byUser) }
    }

    /// This set with `name` = `value` replacing whatever set the same thing (a series' setting
    /// of η/Γ wins over a user's η/ε).
    public func overriding(_ name: String, _ value: Double) throws -> InputValues {
        var copy = self
        for (a, b) in Self.exclusive {
            if name == a, isSet(b) { copy.slots[slot(b)] = nil }
            if name == b, isSet(a) { copy.slots[slot(a)] = nil }
        }
        return try copy.setting(name, value)
    }

    /// This set with one or two already-checked values at registry indices (a sweep point).
    func settingUnchecked(_ i: Int, _ v: Double, _ j: Int? = nil, _ w: Double = 0) -> InputValues {
        var copy = self
        copy.slots[i] = v
        if let j { copy.slots[j] = w }
        return copy
    }

    /// True when every input has its paper value (the paper's claims apply).
    public var isPaper: Bool { overridden.isEmpty }

    /// Every input with its effective value, in registry order.
    public var effective: [(input: ModelInput, value: Double)] {
        registry.inputs.indices.map { (registry.inputs[$0], value(at: $0)) }
    }

    /// Inputs that are alternatives to each other: at most one of each pair may be set.
    private static let exclusive: [(String, String)] = [
        ("Delta_over_Gamma", "Delta_tilde_over_Gamma"), ("eta_over_Gamma", "eta_over_eps"),
    ]

    private func checkConsistency() throws {
        guard model == .om else { return }
        for (a, b) in Self.exclusive where isSet(a) && isSet(b) { throw InputError.conflict(a, b) }
    }
}

/// A `NAME=VALUE` override from the command line or a spec.
public struct InputOverride: Sendable, Equatable {
    /// The input name.
    public let name: String
    /// The value as typed (a number or a choice name).
    public let text: String

    /// Parses `NAME=VALUE`.
    public init(parsing argument: String) throws {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw InputError.malformedOverride(argument) }
        name = parts[0].trimmingCharacters(in: .whitespaces)
        text = parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// An override.
    public init(name: String, text: String) { self.name = name; self.text = text }
}

/// Errors of parameter sets and specs: one line each, naming the value and what is allowed.
public enum InputError: Error, CustomStringConvertible, Equatable {
    /// The model has no input of this name; the nearest names are suggested.
    case unknownInput(String, model: String, suggestions: [String])
    /// The model has no output of this name; the nearest names are suggested.
    case unknownOutput(String, model: String, suggestions: [String])
    /// An input (name) got a value (as typed) outside what is allowed (the allowed range or choices).
    case badValue(String, String, String)
    /// A `--set` argument that is not NAME=VALUE.
    case malformedOverride(String)
    /// Two inputs that are alternatives to each other were both set.
    case conflict(String, String)
    /// The input is swept by the panel (an axis or series) and cannot be set.
    case sweptInput(String, panel: String)

    public var description: String {
        switch self {
        case .unknownInput(let n, let m, let s):
            let hint = s.isEmpty ? "see `wgmfig inputs \(m)`" : "did you mean \(s.joined(separator: ", "))? (see `wgmfig inputs \(m)`)"
            return "unknown \(m) input '\(n)': \(hint)"
        case .unknownOutput(let n, let m, let s):
            let hint = s.isEmpty ? "see `wgmfig outputs \(m)`" : "did you mean \(s.joined(separator: ", "))? (see `wgmfig outputs \(m)`)"
            return "unknown \(m) output '\(n)': \(hint)"
        case .badValue(let n, let v, let allowed): return "\(n) = '\(v)' is not allowed: give \(allowed)"
        case .malformedOverride(let a): return "--set '\(a)' is not NAME=VALUE (e.g. --set T_e_K=1)"
        case .conflict(let a, let b): return "\(a) and \(b) set the same thing: set one of them, not both"
        case .sweptInput(let n, let p): return "\(n) is swept by \(p) (an axis or series of the panel): it cannot be set; see `wgmfig show \(p)`"
        }
    }
}

/// One input set to a value (a panel's own setting, a series' override).
public struct InputSetting: Sendable, Equatable {
    /// The input name.
    public let name: String
    /// The value (a choice's index for choice inputs).
    public let value: Double
    /// A setting.
    public init(_ name: String, _ value: Double) { self.name = name; self.value = value }
}
