import Figures
import Foundation
import Plot

/// One view of a page as a request states it: which figure, its input values, how to draw it.
/// Read from a query string (`id=om-3a&set=T_e_K=1&quality=draft`) or a JSON body
/// (`{"id": "om-3a", "inputs": {"T_e_K": 1}, "quality": "draft"}`); every problem is one line.
public struct ViewRequest: Sendable, Equatable {
    /// The page id (catalog id or spec file name).
    public var id: String
    /// The inputs set on the page, as typed (checked against the panel when computed).
    public var overrides: [InputOverride] = []
    /// Sampling quality.
    public var quality: Quality = .final
    /// Style name (one of the configuration's).
    public var style = "paper"
    /// Image format (png, svg, pdf).
    public var format: OutputFormat = .png
    /// PNG width in pixels (nil: the style's dpi).
    public var pixelWidth: Int?
    /// The client's id and the number of this view: a queued view older than the client's latest is dropped.
    public var client: String?
    /// See `client`.
    public var sequence: Int?
    /// CSV export: which table (`PANEL/NAME`; nil: the first panel's main table).
    public var table: String?

    /// A view of `id` with the defaults.
    public init(id: String) { self.id = id }

    /// Keys a request may give.
    static let keys = ["id", "set", "inputs", "quality", "style", "format", "width", "client", "seq", "table"]
    /// Bounds of `width`.
    static let widthRange = 16...8000

    /// A view from query items (`set` repeated, one `NAME=VALUE` each).
    public init(query: [(String, String)], styles: [String]) throws {
        var id: String?, sets: [String] = [], fields: [String: String] = [:]
        for (k, v) in query {
            guard Self.keys.contains(k), k != "inputs" else { throw Self.unknownKey(k) }
            if k == "set" { sets.append(v); continue }
            guard fields[k] == nil else { throw ExplorerError.badRequest("\(k) is given twice: give it once") }
            fields[k] = v
            if k == "id" { id = v }
        }
        guard let id, !id.isEmpty else { throw ExplorerError.badRequest("give the figure: id=ID (see /api/figures)") }
        self.init(id: id)
        overrides = try Self.checkedOverrides(try sets.map { try InputOverride(parsing: $0) })
        try apply(fields, styles: styles)
    }

    /// A view from a JSON object body.
    public init(json: Data, styles: [String]) throws {
        guard let body = try? JSONDecoder().decode([String: JSONValue].self, from: json) else {
            throw ExplorerError.badRequest("the request body is not a JSON object (expected {\"id\": \"om-3a\", \"inputs\": {\"T_e_K\": 1}, …})")
        }
        var fields: [String: String] = [:]
        for (k, v) in body {
            guard Self.keys.contains(k), k != "set" else { throw Self.unknownKey(k) }
            if k == "inputs" { continue }
            guard let text = v.text else { throw ExplorerError.badRequest("\(k) must be a string or a number") }
            fields[k] = text
        }
        guard let id = fields["id"], !id.isEmpty else { throw ExplorerError.badRequest("give the figure: \"id\": \"ID\" (see /api/figures)") }
        self.init(id: id)
        if let inputs = body["inputs"] {
            guard case .object(let map) = inputs else { throw ExplorerError.badRequest("inputs must be an object of NAME: VALUE") }
            overrides = try Self.checkedOverrides(try map.keys.sorted().map { name in
                guard let text = map[name]?.text, !text.isEmpty else {
                    throw ExplorerError.badRequest("inputs.\(name.prefix(64)) must be a number or a choice's name")
                }
                return InputOverride(name: name, text: text)
            })
        }
        try apply(fields, styles: styles)
    }

    private mutating func apply(_ f: [String: String], styles: [String]) throws {
        if let q = f["quality"] {
            guard let v = Quality(rawValue: q) else { throw ExplorerError.badRequest("quality = '\(q)' is not allowed: give draft or final") }
            quality = v
        }
        if let s = f["style"] {
            guard styles.contains(s) else { throw ExplorerError.badRequest("style = '\(s)' is not allowed: give one of \(styles.joined(separator: ", "))") }
            style = s
        }
        if let fm = f["format"] {
            guard let v = OutputFormat(rawValue: fm) else { throw ExplorerError.badRequest("format = '\(fm)' is not allowed: give png, svg or pdf") }
            format = v
        }
        if let w = f["width"] {
            guard let v = Int(w), Self.widthRange.contains(v) else {
                throw ExplorerError.badRequest("width = '\(w)' is not allowed: give an integer number of pixels in [\(Self.widthRange.lowerBound), \(Self.widthRange.upperBound)]")
            }
            pixelWidth = v
        }
        if let c = f["client"] {
            guard c.count <= 64, c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw ExplorerError.badRequest("client = '\(c.prefix(70))' is not allowed: give up to 64 letters, digits or '-'")
            }
            client = c
        }
        if let s = f["seq"] {
            guard let v = Int(s), v >= 0 else { throw ExplorerError.badRequest("seq = '\(s)' is not allowed: give an integer ≥ 0") }
            sequence = v
        }
        table = f["table"]
    }

    /// The overrides, each input given once (as `--set` demands).
    static func checkedOverrides(_ list: [InputOverride]) throws -> [InputOverride] {
        var seen = Set<String>()
        for o in list where !seen.insert(o.name).inserted {
            throw ExplorerError.badRequest("--set \(o.name) is given twice: give each input once")
        }
        return list
    }

    static func unknownKey(_ k: String) -> ExplorerError {
        .badRequest("unknown parameter '\(k.prefix(64))': allowed are id, set (NAME=VALUE, repeatable) or inputs (JSON), quality, style, format, width, client, seq, table")
    }
}

/// A JSON value of a request body: text and numbers are what a view holds; anything else is refused.
enum JSONValue: Decodable, Equatable {
    case string(String), number(Double), object([String: JSONValue]), other

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .string(s) }
        else if (try? c.decode(Bool.self)) != nil { self = .other }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let o = try? c.decode([String: JSONValue].self) { self = .object(o) }
        else { self = .other }
    }

    /// The value as request text (numbers in their shortest round-trip form), nil for others.
    var text: String? {
        switch self {
        case .string(let s): s
        case .number(let d): ModelInput.text(d)
        default: nil
        }
    }
}
