/// Invalid input or a failed computation in the photon-blockade model, with a one-line reason.
public enum PhotonBlockadeError: Error, CustomStringConvertible, Equatable {
    /// A parameter is outside its allowed range: name, value, what is allowed.
    case invalidParameter(name: String, value: Double, allowed: String)
    /// The Fock-space truncation is unusable.
    case invalidCutoff(Int, allowed: String)
    /// Automatic truncation did not converge below the largest allowed cutoff.
    case truncationNotConverged(maximumCutoff: Int, relativeChange: Double, tolerance: Double)
    /// The steady-state solve failed its residual check.
    case inaccurateSteadyState(relativeResidual: Double)
    /// Iterative refinement stopped with the moments still changing by this much (relative).
    case refinementStalled(relativeChange: Double)
    /// A numerical routine failed.
    case numerical(String)

    public var description: String {
        switch self {
        case .invalidParameter(let name, let value, let allowed):
            return "invalid \(name) = \(value): must be \(allowed)"
        case .invalidCutoff(let n, let allowed):
            return "invalid cutoff \(n): must be \(allowed)"
        case .truncationNotConverged(let n, let change, let tol):
            return "observables still change by \(change) (> \(tol)) at the largest cutoff \(n) Fock states per mode"
        case .inaccurateSteadyState(let r):
            return "steady state failed its residual check (relative residual \(r))"
        case .refinementStalled(let c):
            return "steady-state refinement stalled (moments still change by \(c))"
        case .numerical(let s):
            return "numerical failure: \(s)"
        }
    }

    /// Throws `.invalidParameter` unless `value` is finite and satisfies `ok`.
    static func check(_ name: String, _ value: Double, _ allowed: String, _ ok: (Double) -> Bool) throws {
        guard value.isFinite, ok(value) else { throw PhotonBlockadeError.invalidParameter(name: name, value: value, allowed: allowed) }
    }
}
