/// Errors of the figure layer, each one line naming the problem.
public enum FigureError: Error, CustomStringConvertible, Equatable {
    /// No panel or figure has this id; the nearest ids are suggested.
    case unknownID(String, suggestions: [String])
    /// A table (name) is inconsistent (why), e.g. columns of different lengths.
    case malformedTable(String, String)
    /// A table (name) lacks a column (column name) a plot or finishing step needs.
    case missingColumn(String, String)
    /// A cache entry (path) cannot be trusted; it is recomputed.
    case corruptCache(String)
    /// Reading or writing a file failed (one line naming the path and the reason).
    case io(String)
    /// The computation of a panel (id) failed (why).
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
