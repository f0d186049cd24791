import Figures
import Foundation

/// What a page needs to build its controls: the figure and every input of its model with range,
/// unit, scale and the paper's (or the spec's) value.
public struct PageDescription: Codable, Sendable, Equatable {
    /// One input control.
    public struct Control: Codable, Sendable, Equatable {
        public let name: String
        public let unit: String
        public let doc: String
        /// `real`, `integer` or `choice`.
        public let kind: String
        public let min: Double?
        public let max: Double?
        /// A log slider.
        public let log: Bool
        public let choices: [String]?
        /// The value without the page's settings (the paper's, or the spec's), and its text.
        public let value: Double
        public let text: String
        /// How the default follows other inputs, if it does.
        public let rule: String?
        /// Why the input cannot be set here (swept by the panel, fixed by an alternative), if so.
        public let locked: String?
        /// Inputs that set the same thing (setting one clears the other on the page).
        public let alternatives: [String]
    }

    public let id: String
    public let title: String
    public let kind: String
    public let model: String
    public let summary: String
    public let panels: [String]
    public let controls: [Control]
    public let styles: [String]

    /// The description of page `id`.
    static func of(_ id: String, entry: Catalog.Entry, kind: String, styles: [String]) throws -> PageDescription {
        let specs: [FigureSpec]
        switch entry {
        case .panel(let p): specs = [p]
        case .composite(let c): specs = try c.panels.map { try c.panel($0.id) }
        }
        let first = specs[0]
        let base = try first.inputs()
        let registry = base.registry
        let controls = registry.inputs.enumerated().map { i, input in
            control(input, value: base.value(at: i), specs: specs, registry: registry)
        }
        return PageDescription(id: id, title: entry.title, kind: kind, model: first.model.rawValue,
                               summary: first.summary, panels: specs.map(\.id), controls: controls, styles: styles)
    }

    static let alternativePairs = [("Delta_over_Gamma", "Delta_tilde_over_Gamma"), ("eta_over_Gamma", "eta_over_eps")]

    private static func control(_ input: ModelInput, value: Double, specs: [FigureSpec], registry: ModelRegistry) -> Control {
        var kind = "real", lo: Double?, hi: Double?, log = false, choices: [String]?
        switch input.kind {
        case .real(let r, let l): lo = r.lowerBound; hi = r.upperBound; log = l
        case .integer(let r): kind = "integer"; lo = Double(r.lowerBound); hi = Double(r.upperBound)
        case .choice(let c): kind = "choice"; choices = c
        }
        // Settable when every panel accepts it at its current value.
        var locked: String?
        let probe = InputOverride(name: input.name, text: input.display(value))
        for s in specs {
            do { _ = try s.inputs(overrides: [probe]) } catch {
                locked = s.sweptInputs.contains(input.name) ? "swept by \(s.id): it is an axis or series of the panel" : "\(error)"
                break
            }
        }
        let alternatives = alternativePairs.compactMap { a, b in a == input.name ? b : b == input.name ? a : nil }
        return Control(name: input.name, unit: input.unit, doc: input.doc, kind: kind, min: lo, max: hi, log: log,
                       choices: choices, value: value.isFinite ? value : 0, text: input.display(value),
                       rule: input.defaultRule, locked: locked, alternatives: alternatives)
    }
}
