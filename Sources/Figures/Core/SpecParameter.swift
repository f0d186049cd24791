import Foundation

/// A named parameter of a figure spec as shown to users and hashed into the cache key
/// (`eps_over_Gamma = 1`, `r_um = 0.35`). The value is text so that it is shown exactly.
public struct SpecParameter: Sendable, Equatable, Codable {
    /// Name with unit or normalisation (`beta_rad`, `J0_over_gamma1`).
    public let name: String
    /// The value as text.
    public let value: String

    /// A parameter with a text value.
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    /// A parameter with a numeric value (shortest round-trip form).
    public init(_ name: String, _ value: Double) { self.name = name; self.value = "\(value)" }
    /// A parameter with an integer value.
    public init(_ name: String, _ value: Int) { self.name = name; self.value = "\(value)" }
}

/// One axis of a sweep grid: `count` points from `lower` to `upper`, linear or logarithmic.
public struct GridAxis: Sendable, Equatable, Codable, CustomStringConvertible {
    /// How points are spaced.
    public enum Spacing: String, Sendable, Codable {
        /// Equal steps in the value.
        case linear
        /// Equal steps in log10 of the value.
        case log
    }
    /// Name with unit (`Delta_over_Gamma`).
    public let name: String
    /// First point.
    public let lower: Double
    /// Last point.
    public let upper: Double
    /// Number of points (≥ 1).
    public let count: Int
    /// Spacing.
    public let spacing: Spacing

    /// A grid axis.
    public init(_ name: String, _ lower: Double, _ upper: Double, count: Int, spacing: Spacing = .linear) {
        precondition(count >= 1, "grid axis \(name) needs at least one point")
        self.name = name; self.lower = lower; self.upper = upper; self.count = count; self.spacing = spacing
    }

    /// The grid points, endpoints exact.
    public var values: [Double] {
        if count == 1 { return [lower] }
        return (0..<count).map { i in
            if i == 0 { return lower }
            if i == count - 1 { return upper }
            let t = Double(i) / Double(count - 1)
            switch spacing {
            case .linear: return lower + (upper - lower) * t
            case .log: return exp(log(lower) + (log(upper) - log(lower)) * t)
            }
        }
    }

    public var description: String { "\(name): \(count) \(spacing.rawValue) points in [\(lower), \(upper)]" }
}
