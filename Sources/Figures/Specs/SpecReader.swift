import Foundation
import Yams

/// Reads typed values out of a YAML node tree, with errors naming the file, line and key path.
struct SpecReader {
    /// The file (as shown in errors).
    let file: String

    func error(_ node: Node?, _ key: String, _ why: String) -> SpecError {
        .at(file: file, line: node?.mark?.line ?? 1, key: key, why)
    }

    /// The entries of a mapping, rejecting keys not in `allowed`.
    func mapping(_ node: Node, _ key: String, allowed: [String]) throws -> [String: Node] {
        guard let m = node.mapping else { throw error(node, key, "must be a mapping of keys to values") }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let name = k.scalar?.string else { throw error(k, key, "keys must be plain names") }
            let path = key.isEmpty ? name : "\(key).\(name)"
            guard allowed.contains(name) else {
                let near = Suggestions.closest(to: name, among: allowed)
                throw error(k, path, "unknown key" + (near.isEmpty ? "; allowed are \(allowed.joined(separator: ", "))" : "; did you mean \(near.joined(separator: ", "))?"))
            }
            out[name] = v
        }
        return out
    }

    /// The keys of a mapping in file order (for input settings, whose order is kept).
    func pairs(_ node: Node, _ key: String) throws -> [(name: String, node: Node)] {
        guard let m = node.mapping else { throw error(node, key, "must be a mapping of names to values") }
        return try m.map { k, v in
            guard let name = k.scalar?.string else { throw error(k, key, "keys must be plain names") }
            return (name, v)
        }
    }

    func list(_ node: Node, _ key: String) throws -> [Node] {
        guard let s = node.sequence else { throw error(node, key, "must be a list") }
        return Array(s)
    }

    func string(_ node: Node, _ key: String) throws -> String {
        guard let s = node.scalar?.string else { throw error(node, key, "must be text") }
        return s
    }

    func bool(_ node: Node, _ key: String) throws -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(node, key, "must be true or false")
        }
    }

    func int(_ node: Node, _ key: String, in range: ClosedRange<Int>) throws -> Int {
        guard let s = node.scalar?.string, let v = Int(s), range.contains(v) else {
            throw error(node, key, "must be an integer in [\(range.lowerBound), \(range.upperBound)]")
        }
        return v
    }

    /// A number: decimal, or a multiple of π (`pi/2`, `3*pi/8`, `2pi`).
    func number(_ node: Node, _ key: String) throws -> Double {
        guard let s = node.scalar?.string, let v = Self.number(s), v.isFinite else {
            throw error(node, key, "must be a finite number (or a multiple of pi such as pi/2, 3*pi/8)")
        }
        return v
    }

    /// `[lower, upper]`.
    func range(_ node: Node, _ key: String) throws -> (Double, Double) {
        let items = try list(node, key)
        guard items.count == 2 else { throw error(node, key, "must be [lower, upper]") }
        return (try number(items[0], key), try number(items[1], key))
    }

    func strings(_ node: Node, _ key: String) throws -> [String] {
        if let s = node.scalar?.string { return [s] }
        return try list(node, key).map { try string($0, key) }
    }

    func numbers(_ node: Node, _ key: String) throws -> [Double] {
        if node.scalar != nil { return [try number(node, key)] }
        return try list(node, key).map { try number($0, key) }
    }

    /// Parses a number or a π multiple `a*pi/b` (a, b decimal; each part optional).
    static func number(_ text: String) -> Double? {
        let t = text.replacingOccurrences(of: " ", with: "").lowercased()
        if let v = Double(t) { return v }
        guard let p = t.range(of: "pi") else { return nil }
        var before = String(t[..<p.lowerBound])
        let after = String(t[p.upperBound...])
        if before.hasSuffix("*") { before.removeLast() }
        let factor: Double
        switch before { case "": factor = 1; case "-": factor = -1; default: guard let f = Double(before) else { return nil }; factor = f }
        let value = factor * Double.pi
        guard !after.isEmpty else { return value }
        guard after.hasPrefix("/"), let d = Double(after.dropFirst()), d != 0 else { return nil }
        return value / d
    }
}
