import Foundation

/// `a=1&set=T_e_K%3D2&b` → [("a", "1"), ("set", "T_e_K=2"), ("b", "")], in order, `+` read as a
/// space and percent escapes decoded (a malformed escape is an error naming the item).
enum QueryString {
    /// Most items read from one query.
    static let maximumItems = 200

    static func items(_ query: String?) throws -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        let parts = query.split(separator: "&", omittingEmptySubsequences: true)
        guard parts.count <= maximumItems else {
            throw ExplorerError.tooLarge("the query has \(parts.count) items: at most \(maximumItems) are read")
        }
        return try parts.map { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (try decode(kv[0]), kv.count > 1 ? try decode(kv[1]) : "")
        }
    }

    static func decode(_ s: Substring) throws -> String {
        guard let d = s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
            throw ExplorerError.badRequest("'\(s.prefix(64))' in the query is not percent-encoded text")
        }
        return d
    }
}
