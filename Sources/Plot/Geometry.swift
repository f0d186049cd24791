import Foundation

/// A rectangle on the page in points, origin top-left, y downwards.
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ px: Double, _ py: Double) -> Bool {
        px >= minX && px <= maxX && py >= minY && py <= maxY
    }
}

/// Maps data values along one axis to page coordinates (linear or log10 in between).
struct AxisMap {
    let lower: Double
    let upper: Double
    let scale: Scale
    /// Page coordinate of `lower`.
    let start: Double
    /// Page coordinate of `upper`.
    let end: Double

    /// The scale transform: identity or log10 (NaN for non-positive values on log axes).
    func transform(_ value: Double) -> Double {
        switch scale {
        case .linear: return value
        case .log: return value > 0 ? log10(value) : .nan
        }
    }

    /// Page coordinate of a data value (NaN when not representable).
    func callAsFunction(_ value: Double) -> Double {
        let a = transform(lower), b = transform(upper)
        let t = (transform(value) - a) / (b - a)
        return start + t * (end - start)
    }

    /// Data value at a page coordinate.
    func inverse(_ page: Double) -> Double {
        let a = transform(lower), b = transform(upper)
        let v = a + (page - start) / (end - start) * (b - a)
        return scale == .log ? pow(10, v) : v
    }

    /// Whether a value lies within the limits (with a small tolerance).
    func contains(_ value: Double) -> Bool {
        let a = transform(lower), b = transform(upper), v = transform(value)
        let tolerance = 1e-9 * abs(b - a)
        return v >= min(a, b) - tolerance && v <= max(a, b) + tolerance
    }
}
