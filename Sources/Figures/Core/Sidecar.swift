import Foundation

/// The JSON written beside every output file: what it shows and how it was made.
public struct Sidecar: Codable, Sendable {
    /// Provenance of one panel.
    public struct Panel: Codable, Sendable {
        /// The panel id (`om-2a`).
        public var id: String
        /// The panel's title.
        public var title: String
        /// Every input of the panel's model with its effective value.
        public var parameters: [String: String]
        /// Inputs the user set (`--set`, a spec's fixed inputs), with their values.
        public var overridden: [String: String]
        /// The swept axes at this quality.
        public var grid: [GridAxis]
        /// `final` or `draft`.
        public var quality: String
        /// The Fock-space truncation used (spb: cutoff and the check at cutoff + 1), empty for om.
        public var truncation: [String: String]
        /// Figure-specific values (e.g. Δ_J/Γ of a detuning map).
        public var metadata: [String: String]
        /// Wall time of the data computation, seconds (0 when read from the cache).
        public var computeSeconds: Double
        /// `hit` or `miss`.
        public var cache: String
        /// The cache key (hash of id, inputs, grid, quality and code version).
        public var cacheKey: String
        /// The figure's notes (differences from the paper, masked points, …).
        public var notes: [String]
    }
    /// The figure's id (panel or whole figure).
    public var id: String
    /// The figure's title.
    public var title: String
    /// The output file's name.
    public var file: String
    /// The output's format (`png`, `pdf`, `svg`).
    public var format: String
    /// The style drawn in (nil when no style applies).
    public var style: String?
    /// The PNG resolution in dpi (nil for vector formats).
    public var dpi: Double?
    /// The tool's release version.
    public var toolVersion: String
    /// The tool version plus the executable's hash (`CodeVersion.current`).
    public var codeVersion: String
    /// The panels drawn (one for a panel, several for a whole figure).
    public var panels: [Panel]

    /// The sidecar for a file made from `panels`.
    public init(id: String, title: String, file: String, format: String, style: String?, dpi: Double?, panels: [PanelData]) {
        self.id = id; self.title = title; self.file = file; self.format = format; self.style = style; self.dpi = dpi
        self.toolVersion = CodeVersion.tool
        self.codeVersion = CodeVersion.current
        self.panels = panels.map { p in
            let meta = Dictionary(p.data.metadata.map { ($0.key, $0.value) }, uniquingKeysWith: { _, b in b })
            return Panel(id: p.spec.id, title: p.spec.title,
                         parameters: Dictionary(p.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { _, b in b }),
                         overridden: Dictionary(p.parameters.filter { p.inputs.overridden.contains($0.name) }.map { ($0.name, $0.value) },
                                                uniquingKeysWith: { _, b in b }),
                         grid: p.grid, quality: p.quality.rawValue,
                         truncation: meta.filter { $0.key.hasPrefix("cutoff") || $0.key.hasPrefix("truncation") },
                         metadata: meta, computeSeconds: p.computeSeconds, cache: p.cacheHit ? "hit" : "miss",
                         cacheKey: p.cacheKey, notes: p.notes)
        }
    }

    /// Pretty, key-sorted JSON.
    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        return try e.encode(self)
    }
}
