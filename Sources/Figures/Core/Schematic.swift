import Foundation
import Plot

/// Shared pieces of the schematic panels: a frameless, equal-aspect drawing area.
enum Schematic {
    /// Axes without frame, ticks or labels, one data unit as long along x as along y, showing at
    /// least the given ranges (the narrower one widens to the panel's aspect). Labels are at most
    /// `labelSize` data units tall (slides: larger fonts, the same drawing), so they keep their
    /// places among the shapes.
    static func axes(x: ClosedRange<Double>, y: ClosedRange<Double>, labelSize: Double) -> Axes {
        var axes = Axes(x: Axis(limits: x, margin: 0, ticks: .none, minorTicks: .none),
                        y: Axis(limits: y, margin: 0, ticks: .none, minorTicks: .none))
        axes.showsFrame = false
        axes.equalAspect = true
        axes.annotationMaxSizeInXUnits = labelSize
        return axes
    }

    /// The anchor that puts a label outside a circle at angle `angle` (rad, counter-clockwise from +x).
    static func anchor(outwardAt angle: Double) -> TextAnchor {
        let octant = Int(((angle / (Double.pi / 4)).rounded()).truncatingRemainder(dividingBy: 8) + 8) % 8
        let anchors: [TextAnchor] = [.left, .bottomLeft, .bottom, .bottomRight, .right, .topRight, .top, .topLeft]
        return anchors[octant]
    }
}
