/// The ids closest to a mistyped one, by edit distance (then by shared prefix), for error messages.
public enum Suggestions {
    /// Up to `limit` candidates nearest to `input`.
    public static func closest(to input: String, among candidates: [String], limit: Int = 3) -> [String] {
        let scored = candidates.map { (id: $0, d: editDistance(input.lowercased(), $0.lowercased())) }
        let best = scored.sorted { $0.d != $1.d ? $0.d < $1.d : $0.id < $1.id }
        let cutoff = max(2, input.count / 2)
        let prefixed = input.count >= 3 ? candidates.filter { $0.lowercased().hasPrefix(input.lowercased()) && $0 != input } : []
        let near = best.filter { $0.d <= cutoff && !prefixed.contains($0.id) }.map(\.id)
        return Array((prefixed.sorted() + near).prefix(limit))
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        var prev = Array(0...y.count)
        for i in 1...x.count {
            var cur = [i] + Array(repeating: 0, count: y.count)
            for j in stride(from: 1, through: y.count, by: 1) {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[y.count]
    }
}
