/// Why a complex linear-algebra routine could not deliver its result.
public enum ComplexSolveError: Error, CustomStringConvertible, Equatable {
    /// The matrix is exactly singular: LAPACK found a zero pivot at this (1-based) column.
    case singular(pivot: Int)
    /// Operand shapes do not fit together.
    case dimensionMismatch(String)
    /// An input contained NaN or an infinity.
    case nonFinite(String)
    /// An iterative method stopped before reaching its tolerance.
    case notConverged(method: String, iterations: Int, relativeResidual: Double)
    /// LAPACK reported an error code.
    case lapack(routine: String, info: Int)

    public var description: String {
        switch self {
        case .singular(let p): return "matrix is singular (zero pivot at column \(p))"
        case .dimensionMismatch(let s): return "dimension mismatch: \(s)"
        case .nonFinite(let s): return "non-finite input: \(s)"
        case .notConverged(let m, let it, let r):
            return "\(m) did not converge in \(it) iterations (relative residual \(r))"
        case .lapack(let r, let info): return "LAPACK \(r) failed with info = \(info)"
        }
    }
}
