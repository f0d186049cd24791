import Foundation

/// The outline of a drawn shape, in data coordinates.
public enum ShapeGeometry: Sendable, Equatable {
    /// A circle of `radius` (data units) around (x, y); round on the page when the axes have an equal aspect.
    case circle(x: Double, y: Double, radius: Double)
    /// A circular arc around (x, y) from angle `from` to angle `to` (radians, counter-clockwise from +x
    /// in data space; `to < from` runs clockwise).
    case arc(x: Double, y: Double, radius: Double, from: Double, to: Double)
    /// A polyline (or polygon when `closed`) through (x[i], y[i]).
    case path(x: [Double], y: [Double], closed: Bool)
}

/// Which ends of an open shape carry an arrow head.
public enum ArrowHeads: String, Sendable, Equatable {
    /// No arrow head.
    case none
    /// A head at the last point.
    case end
    /// A head at the first point.
    case start
    /// Heads at both ends.
    case both
}

/// A primitive drawing in data coordinates: circle, arc, polyline or polygon, filled and/or
/// stroked, optionally with arrow heads (for schematics; knows nothing of what it depicts).
public struct Shape: Sendable, Equatable {
    /// The outline.
    public var geometry: ShapeGeometry
    /// Fill colour (nil: not filled).
    public var fill: Paint?
    /// Stroke colour (nil: not stroked).
    public var stroke: Paint?
    /// Stroke width in points; nil: `widthScale` × the style's data line width.
    public var width: Double?
    /// Multiple of the style's data line width when `width` is nil (thin guides < 1 < emphasis).
    public var widthScale: Double
    /// Dash pattern of the stroke.
    public var dash: Dash
    /// Arrow heads on the ends of an arc or open path.
    public var arrows: ArrowHeads
    /// Arrow head length in points; nil: 4 × the stroke width (at least 3 points).
    public var headLength: Double?

    /// A shape; by default stroked in the foreground colour, not filled, no arrow heads.
    public init(_ geometry: ShapeGeometry, fill: Paint? = nil, stroke: Paint? = .foreground, width: Double? = nil,
                widthScale: Double = 1, dash: Dash = .solid, arrows: ArrowHeads = .none, headLength: Double? = nil) {
        self.geometry = geometry; self.fill = fill; self.stroke = stroke; self.width = width; self.widthScale = widthScale
        self.dash = dash; self.arrows = arrows; self.headLength = headLength
    }

    /// A straight arrow from (x0, y0) to (x1, y1).
    public static func arrow(from x0: Double, _ y0: Double, to x1: Double, _ y1: Double, color: Paint = .foreground,
                             widthScale: Double = 1, dash: Dash = .solid, heads: ArrowHeads = .end) -> Shape {
        Shape(.path(x: [x0, x1], y: [y0, y1], closed: false), stroke: color, widthScale: widthScale, dash: dash, arrows: heads)
    }

    /// Points along the outline in data coordinates (arcs and circles sampled finely).
    func dataPoints() -> (x: [Double], y: [Double], closed: Bool) {
        switch geometry {
        case let .circle(cx, cy, r):
            let n = 180
            let t = (0..<n).map { 2 * Double.pi * Double($0) / Double(n) }
            return (t.map { cx + r * cos($0) }, t.map { cy + r * sin($0) }, true)
        case let .arc(cx, cy, r, from, to):
            let n = max(8, Int((abs(to - from) / (2 * Double.pi) * 180).rounded(.up)))
            let t = (0...n).map { from + (to - from) * Double($0) / Double(n) }
            return (t.map { cx + r * cos($0) }, t.map { cy + r * sin($0) }, false)
        case let .path(x, y, closed):
            return (x, y, closed)
        }
    }
}
