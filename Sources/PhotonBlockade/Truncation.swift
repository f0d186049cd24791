import Foundation

/// How many Fock states per mode to keep.
public enum Truncation: Sendable, Equatable {
    /// Exactly this many Fock states per mode.
    case fixed(Int)
    /// Raise the cutoff one by one, from the smallest that resolves g⁽ᵏ⁾ for every watched
    /// order k (k + 1 states), until N_cw, N_ccw and g2 … g_maxOrder change by less than
    /// `tolerance` (relative) between successive cutoffs; the larger cutoff's state is returned.
    case automatic(tolerance: Double, maximumCutoff: Int)

    /// Automatic with relative tolerance 1e-3 and cutoffs up to 16.
    public static let automatic = Truncation.automatic(tolerance: 1e-3, maximumCutoff: 16)
}

/// Steady states with automatic or fixed truncation; keeps the solvers it builds so a sweep
/// pays for each cutoff's structure once. A value type: copies share nothing mutable.
public struct TruncatedSolver: Sendable {
    /// The truncation rule.
    public let truncation: Truncation
    /// Highest order k of g⁽ᵏ⁾(0) that must be converged (2 … 4).
    public let maxOrder: Int
    private let solvers: [Int: SteadyStateSolver]

    /// Prepares solvers for the cutoffs the rule is likely to need (built once, shared by sweeps).
    public init(truncation: Truncation, maxOrder: Int = 4) throws {
        guard (1...4).contains(maxOrder) else {
            throw PhotonBlockadeError.invalidParameter(name: "maximum correlation order", value: Double(maxOrder), allowed: "1, 2, 3 or 4")
        }
        self.truncation = truncation; self.maxOrder = maxOrder
        var cache: [Int: SteadyStateSolver] = [:]
        switch truncation {
        case .fixed(let n):
            cache[n] = try SteadyStateSolver(cutoff: n)
        case .automatic(let tol, let maxN):
            try PhotonBlockadeError.check("truncation tolerance", tol, "in (0, 1)") { $0 > 0 && $0 < 1 }
            let start = Self.startCutoff(maxOrder)
            guard SteadyStateSolver.allowedCutoffs.contains(maxN), maxN > start else {
                throw PhotonBlockadeError.invalidCutoff(maxN, allowed: "a maximum cutoff in \(start + 1)...\(SteadyStateSolver.allowedCutoffs.upperBound)")
            }
            for n in start...min(maxN, start + 2) { cache[n] = try SteadyStateSolver(cutoff: n) }
        }
        solvers = cache
    }

    /// Smallest cutoff that resolves g⁽ᵏ⁾ for k ≤ maxOrder (k + 1 states), at least 3.
    static func startCutoff(_ maxOrder: Int) -> Int { max(3, maxOrder + 1) }

    private func solver(_ n: Int) throws -> SteadyStateSolver {
        if let s = solvers[n] { return s }
        return try SteadyStateSolver(cutoff: n)
    }

    /// The steady state for `rates` under the truncation rule; `state.cutoff` is the cutoff used.
    public func solve(_ rates: ModelRates) throws -> BlockadeSteadyState {
        switch truncation {
        case .fixed(let n):
            return try solver(n).solve(rates)
        case .automatic(let tol, let maxN):
            var previous = try solver(Self.startCutoff(maxOrder)).solve(rates)
            var change = Double.infinity
            for n in (previous.cutoff + 1)...maxN {
                let next = try solver(n).solve(rates)
                change = relativeChange(previous, next)
                if change < tol { return next }
                previous = next
            }
            throw PhotonBlockadeError.truncationNotConverged(maximumCutoff: maxN, relativeChange: change, tolerance: tol)
        }
    }

    /// Largest relative change of N_cw, N_ccw (floored at 1e-12·N_cw) and g2 … g_maxOrder.
    func relativeChange(_ a: BlockadeSteadyState, _ b: BlockadeSteadyState) -> Double {
        func rel(_ x: Double, _ y: Double, floor: Double = 0) -> Double {
            let scale = max(abs(x), abs(y), floor)
            return scale > 0 ? abs(x - y) / scale : 0
        }
        let n1a = a.photonNumber(.clockwise), n1b = b.photonNumber(.clockwise)
        var worst = rel(n1a, n1b)
        worst = max(worst, rel(a.photonNumber(.counterClockwise), b.photonNumber(.counterClockwise), floor: 1e-12 * n1b))
        if maxOrder >= 2 { for k in 2...maxOrder { worst = max(worst, rel(a.correlation(order: k), b.correlation(order: k))) } }
        return worst
    }
}
