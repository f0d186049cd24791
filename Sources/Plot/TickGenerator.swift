import Foundation

/// Major tick positions with their labels (Pango markup), and minor tick positions.
public struct TickSet: Sendable, Equatable {
    /// Major tick positions.
    public var major: [Double]
    /// Labels of the major ticks (Pango markup).
    public var labels: [String]
    /// Minor tick positions.
    public var minor: [Double]
}

/// Automatic tick placement: 1-2-5 steps, decades on log axes, multiples of π/2ⁿ.
public enum TickGenerator {
    /// Nice linear ticks in [lower, upper]: the smallest 1-2-5 step giving at most `maxCount` ticks.
    public static func linear(lower: Double, upper: Double, maxCount: Int) -> (ticks: [Double], step: Double) {
        let span = upper - lower
        guard span > 0, span.isFinite else { return ([lower], 1) }
        let maxCount = max(maxCount, 2)
        var exponent = floor(log10(span / Double(maxCount))) - 1
        while true {
            for mantissa in [1.0, 2.0, 5.0] {
                let step = mantissa * pow(10, exponent)
                let ticks = multiples(of: step, lower: lower, upper: upper)
                if ticks.count <= maxCount && ticks.count >= 1 { return (ticks, step) }
            }
            exponent += 1
        }
    }

    /// All k·step inside [lower, upper] (with a tolerance of 1e-9 step), computed without accumulation.
    public static func multiples(of step: Double, lower: Double, upper: Double) -> [Double] {
        guard step > 0, step.isFinite else { return [] }
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        guard last >= first, last - first < 10_000 else { return [] }
        return stride(from: first, through: last, by: 1).map { k in
            let value = k * step
            return value == 0 ? 0 : value
        }
    }

    /// Minor ticks for a linear major step: 4 subdivisions of a 2-step, 5 of a 1- or 5-step.
    public static func linearMinor(lower: Double, upper: Double, majorStep: Double) -> [Double] {
        let mantissa = (majorStep / pow(10, floor(log10(majorStep)))).rounded()
        let divisions = mantissa == 2 ? 4.0 : 5.0
        let minorStep = majorStep / divisions
        return multiples(of: minorStep, lower: lower, upper: upper).filter { value in
            let ratio = value / majorStep
            return abs(ratio - ratio.rounded()) > 1e-6
        }
    }

    /// Decade ticks 10ᵏ in [lower, upper] (every n-th decade when more than `maxCount`),
    /// minor ticks at 2…9 × 10ᵏ (or at the skipped decades). Nil when fewer than 2 decades fit.
    public static func logDecades(lower: Double, upper: Double, maxCount: Int) -> (major: [Double], minor: [Double])? {
        guard lower > 0, upper > lower else { return nil }
        let firstExp = Int((log10(lower) - 1e-9).rounded(.up))
        let lastExp = Int((log10(upper) + 1e-9).rounded(.down))
        let count = lastExp - firstExp + 1
        guard count >= 2 else { return nil }
        let stride = max(1, Int((Double(count) / Double(max(maxCount, 2))).rounded(.up)))
        // Among the stride's phases, take the one labelling the most decades; on a tie, the one with 10⁰.
        var majorExps: [Int] = []
        for phase in 0..<stride {
            let exps = Swift.stride(from: firstExp + phase, through: lastExp, by: stride).map { $0 }
            let better = exps.count > majorExps.count
                || (exps.count == majorExps.count && exps.contains { $0 % stride == 0 } && !majorExps.contains { $0 % stride == 0 })
            if better { majorExps = exps }
        }
        let major = majorExps.map { pow(10, Double($0)) }
        var minor: [Double] = []
        if stride == 1 {
            for exp in (firstExp - 1)...lastExp {
                for m in 2...9 {
                    let value = Double(m) * pow(10, Double(exp))
                    if value >= lower * (1 - 1e-9) && value <= upper * (1 + 1e-9) { minor.append(value) }
                }
            }
        } else {
            minor = (firstExp...lastExp).filter { !majorExps.contains($0) }.map { pow(10, Double($0)) }
        }
        return (major, minor)
    }

    /// Ticks for a log axis spanning less than two decades: {1, 2, 5} × 10ᵏ (or 1…9 × 10ᵏ), minor 1…9 × 10ᵏ.
    public static func logSubDecade(lower: Double, upper: Double, maxCount: Int) -> (major: [Double], minor: [Double]) {
        let firstExp = Int(floor(log10(lower))) - 1
        let lastExp = Int(floor(log10(upper))) + 1
        func values(_ mantissas: [Int]) -> [Double] {
            var out: [Double] = []
            for exp in firstExp...lastExp {
                for m in mantissas {
                    let value = Double(m) * pow(10, Double(exp))
                    if value >= lower * (1 - 1e-9) && value <= upper * (1 + 1e-9) { out.append(value) }
                }
            }
            return out
        }
        for mantissas in [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 5], [1, 2, 5], [1, 3], [1]] {
            let major = values(mantissas)
            if major.count <= maxCount && major.count >= 2 {
                let all = values([1, 2, 3, 4, 5, 6, 7, 8, 9])
                return (major, all.filter { v in !major.contains { abs($0 - v) <= 1e-9 * v } })
            }
        }
        let linear = linear(lower: lower, upper: upper, maxCount: maxCount)
        return (linear.ticks.filter { $0 > 0 }, [])
    }

    /// Multiples of π/d in [lower, upper]: the smallest step π/16, π/8, π/4, π/2, π, 2π, … with at most `maxCount` ticks.
    public static func pi(lower: Double, upper: Double, maxCount: Int) -> (ticks: [Double], step: Double) {
        let fractions: [Double] = [1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2, 1, 2, 4, 8, 16]
        for fraction in fractions {
            let step = fraction * Double.pi
            let ticks = multiples(of: step, lower: lower, upper: upper)
            if ticks.count <= max(maxCount, 2) { return (ticks, step) }
        }
        return (multiples(of: 32 * .pi, lower: lower, upper: upper), 32 * .pi)
    }
}
