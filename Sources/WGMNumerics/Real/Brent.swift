/// Brent's method for one-dimensional minimisation: golden-section steps safeguarding
/// successive parabolic interpolation (R. P. Brent, Algorithms for Minimization without
/// Derivatives, 1973, ch. 5).
public enum Brent {
    /// A local minimum of f in the open interval (lower, upper), to within
    /// relativeTolerance·|x| + absoluteTolerance; f is never evaluated at the end points.
    public static func minimize(lower: Double, upper: Double, relativeTolerance: Double = 1e-8,
                                absoluteTolerance: Double = 1e-10, maxIterations: Int = 200,
                                _ f: (Double) -> Double) -> Extremum {
        let golden = 0.5 * (3 - 5.0.squareRoot())
        var a = min(lower, upper), b = max(lower, upper)
        var x = a + golden * (b - a), w = x, v = x
        var fx = f(x), fw = fx, fv = fx
        var d = 0.0, e = 0.0
        for _ in 0..<maxIterations {
            let mid = 0.5 * (a + b)
            let tol1 = relativeTolerance * abs(x) + absoluteTolerance, tol2 = 2 * tol1
            if abs(x - mid) <= tol2 - 0.5 * (b - a) { break }
            var golden_step = true
            if abs(e) > tol1 {
                // Parabola through (x, fx), (w, fw), (v, fv).
                let r = (x - w) * (fx - fv)
                var q = (x - v) * (fx - fw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p } else { q = -q }
                let previous = e
                e = d
                if abs(p) < abs(0.5 * q * previous), p > q * (a - x), p < q * (b - x) {
                    d = p / q
                    let u = x + d
                    if u - a < tol2 || b - u < tol2 { d = x < mid ? tol1 : -tol1 }
                    golden_step = false
                }
            }
            if golden_step {
                e = (x < mid ? b : a) - x
                d = golden * e
            }
            let u = abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1)
            let fu = f(u)
            if fu <= fx {
                if u < x { b = x } else { a = x }
                v = w; fv = fw; w = x; fw = fx; x = u; fx = fu
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    v = w; fv = fw; w = u; fw = fu
                } else if fu <= fv || v == x || v == w {
                    v = u; fv = fu
                }
            }
        }
        return Extremum(location: x, value: fx)
    }
}

/// A located extremum: where (`location`) and how much (`value`).
public struct Extremum: Sendable, Equatable {
    /// The argument at the extremum.
    public let location: Double
    /// The function value there.
    public let value: Double
    /// Creates an extremum record.
    public init(location: Double, value: Double) { self.location = location; self.value = value }
}

/// Robust global extrema of a function of one variable on an interval: a grid finds the best
/// bracket, Brent's method refines inside it. Points where the function has no value (nil, e.g.
/// unstable parameters) are ignored.
public enum Minimize {
    /// The minimum of f over `grid` (increasing points inside `bounds`), refined by Brent in the
    /// bracket between the best grid point's neighbours (or the bounds); nil when f has no value
    /// at any grid point. The refined point is kept only if it beats the best grid value.
    public static func minimum(grid: [Double], bounds: ClosedRange<Double>, relativeTolerance: Double = 1e-8,
                               absoluteTolerance: Double = 1e-10, _ f: (Double) -> Double?) -> Extremum? {
        minimum(grid: grid, values: grid.map(f), bounds: bounds, relativeTolerance: relativeTolerance,
                absoluteTolerance: absoluteTolerance, f)
    }

    /// `minimum(grid:bounds:_:)` with the grid values already computed (`values[k]` = f(grid[k])).
    public static func minimum(grid: [Double], values: [Double?], bounds: ClosedRange<Double>,
                               relativeTolerance: Double = 1e-8, absoluteTolerance: Double = 1e-10,
                               _ f: (Double) -> Double?) -> Extremum? {
        precondition(grid.count == values.count, "one value per grid point")
        var best: (index: Int, value: Double)?
        var worst = -Double.infinity
        for (k, value) in values.enumerated() {
            guard let y = value, y.isFinite else { continue }
            if best == nil || y < best!.value { best = (k, y) }
            worst = max(worst, y)
        }
        guard let best else { return nil }
        let lower = best.index > 0 ? grid[best.index - 1] : bounds.lowerBound
        let upper = best.index + 1 < grid.count ? grid[best.index + 1] : bounds.upperBound
        let gridBest = Extremum(location: grid[best.index], value: best.value)
        guard upper > lower else { return gridBest }
        // A finite penalty above every valid grid value keeps Brent's arithmetic finite.
        let penalty = worst + (worst - best.value) + 1
        let refined = Brent.minimize(lower: lower, upper: upper, relativeTolerance: relativeTolerance,
                                     absoluteTolerance: absoluteTolerance) { x in
            guard let y = f(x), y.isFinite else { return penalty }
            return y
        }
        return refined.value < best.value ? refined : gridBest
    }

    /// The maximum of f with precomputed grid values, as `minimum` of −f.
    public static func maximum(grid: [Double], values: [Double?], bounds: ClosedRange<Double>,
                               relativeTolerance: Double = 1e-8, absoluteTolerance: Double = 1e-10,
                               _ f: (Double) -> Double?) -> Extremum? {
        minimum(grid: grid, values: values.map { $0.map { -$0 } }, bounds: bounds,
                relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance) { x in f(x).map { -$0 } }
            .map { Extremum(location: $0.location, value: -$0.value) }
    }

    /// The maximum of f, as `minimum` of −f.
    public static func maximum(grid: [Double], bounds: ClosedRange<Double>, relativeTolerance: Double = 1e-8,
                               absoluteTolerance: Double = 1e-10, _ f: (Double) -> Double?) -> Extremum? {
        minimum(grid: grid, bounds: bounds, relativeTolerance: relativeTolerance,
                absoluteTolerance: absoluteTolerance) { x in f(x).map { -$0 } }
            .map { Extremum(location: $0.location, value: -$0.value) }
    }

    /// `count` equally spaced points covering [lower, upper], or (lower, upper] when
    /// `openLower` (the first point is then lower + h).
    public static func uniformGrid(lower: Double, upper: Double, count: Int, openLower: Bool = false) -> [Double] {
        precondition(count >= 2 && upper > lower, "grid needs two points and upper > lower")
        if openLower {
            let h = (upper - lower) / Double(count)
            return (1...count).map { lower + Double($0) * h }
        }
        let h = (upper - lower) / Double(count - 1)
        return (0..<count).map { k in k == count - 1 ? upper : lower + Double(k) * h }
    }
}
