/// Errors of the figure layer, each one line naming the problem.
public enum FigureError: Error, CustomStringConvertible, Equatable {
    case unknownID(String, suggestions: [String])
    case malformedTable(String, String)
    case missingColumn(String, String)
    case corruptCache(String)
    case io(String)
    case computation(String, String)

    public var description: String {
        switch self {
        case .unknownID(let id, let s):
            let hint = s.isEmpty ? "run `wgmfig list` for all ids" : "did you mean \(s.joined(separator: ", "))?"
            return "unknown figure id '\(id)': \(hint)"
        case .malformedTable(let t, let why): return "table '\(t)': \(why)"
        case .missingColumn(let t, let c): return "table '\(t)' has no column '\(c)'"
        case .corruptCache(let why): return "cache entry unreadable (\(why)); it will be recomputed"
        case .io(let why): return why
        case .computation(let id, let why): return "\(id): computation failed: \(why)"
        }
    }
}
