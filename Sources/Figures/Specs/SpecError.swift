/// Errors of figure specs (YAML files or built from code): one line each, naming the file, line and key.
public enum SpecError: Error, CustomStringConvertible, Equatable {
    /// A spec that cannot run (no outputs, a bad axis …).
    case invalid(String)
    /// A problem at a place of a spec file: file, line, key path, what is wrong.
    case at(file: String, line: Int, key: String, String)
    /// A spec file that cannot be read.
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .invalid(let why): return "spec: \(why)"
        case .at(let file, let line, let key, let why): return "\(file):\(line): \(key): \(why)"
        case .unreadable(let file, let why): return "\(file): \(why)"
        }
    }
}
