/// Invalid input to the optomechanics model, with the offending value and what is allowed.
public enum OptomechanicsError: Error, CustomStringConvertible, Equatable {
    /// A model parameter is outside its physical range.
    case invalidParameter(name: String, value: Double, allowed: String)
    /// A scatterer (defect or nanoparticle) has an invalid strength or angle.
    case invalidScatterer(name: String, value: Double, allowed: String)
    /// A text description of scatterers could not be read.
    case malformed(what: String, text: String, expected: String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, allowed):
            return "invalid parameter \(name) = \(value): must be \(allowed)"
        case let .invalidScatterer(name, value, allowed):
            return "invalid scatterer \(name) = \(value): must be \(allowed)"
        case let .malformed(what, text, expected):
            return "malformed \(what) '\(text)': expected \(expected)"
        }
    }
}
