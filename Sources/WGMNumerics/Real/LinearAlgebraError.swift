/// Failures of the real dense linear algebra (LAPACK errors, singular or mismatched systems).
public enum LinearAlgebraError: Error, CustomStringConvertible, Equatable {
    /// The operands' shapes do not fit the operation.
    case dimensionMismatch(String)
    /// The matrix (or the Lyapunov/Sylvester operator) is singular to working precision.
    case singular(String)
    /// A LAPACK routine returned a non-zero `info`.
    case lapack(routine: String, info: Int)
    /// An input contains NaN or an infinity.
    case nonFinite(String)

    public var description: String {
        switch self {
        case .dimensionMismatch(let what): return "dimension mismatch: \(what)"
        case .singular(let what): return "singular system: \(what)"
        case .lapack(let routine, let info): return "LAPACK \(routine) failed with info = \(info)"
        case .nonFinite(let what): return "non-finite input: \(what)"
        }
    }
}
