import Foundation

/// The JSON written beside every output file: what it shows and how it was made.
public struct Sidecar: Codable, Sendable {
    /// Provenance of one panel.
    public struct Panel: Codable, Sendable {
        public var id: String
        public var title: String
        public var parameters: [String: String]
        /// Inputs the user set (`--set`, a spec's fixed inputs), with their values.
        public var overridden: [String: String]
        public var grid: [GridAxis]
        public var quality: String
        public var truncation: [String: String]
        public var metadata: [String: String]
        public var computeSeconds: Double
        public var cache: String
        public var cacheKey: String
        public var notes: [String]
    }
    public var id: String
    public var title: String
    public var file: String
    public var format: String
    public var style: String?
    public var dpi: Double?
    public var toolVersion: String
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
