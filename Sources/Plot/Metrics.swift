import Foundation

/// Font metrics the layout needs, measured once per render with the style's font.
struct FontMetrics {
    /// Ink height of a digit at the tick label size (labels are centred on it).
    let digitHeight: Double
    /// Ink height of a capital at the axis label size.
    let capHeight: Double
    /// Ink depth of descenders at the axis label size.
    let descender: Double

    init(text: TextEngine, style: Style) {
        digitHeight = text.measure("0", size: style.tickLabelSize).ascent
        capHeight = text.measure("H", size: style.axisLabelSize).ascent
        descender = text.measure("g", size: style.axisLabelSize).descent
    }
}

/// How far ticks reach outside the axes box.
func tickOutside(_ style: Style) -> Double {
    switch style.tickDirection {
    case .in: return 0
    case .out: return style.majorTickLength
    case .inOut: return style.majorTickLength / 2
    }
}

/// Space a rotated or horizontal axis label takes across the axis direction, and where its baseline sits.
struct AxisLabelBand {
    /// From the inner edge (next to tick labels) to the baseline.
    let baselineOffset: Double
    /// From the inner edge to the far ink edge.
    let thickness: Double
}

extension FontMetrics {
    /// Band of an axis label whose descenders face the axis (x labels below, y labels on the left).
    func bandFacingDescent(_ extents: TextExtents, pad: Double) -> AxisLabelBand {
        let toBaseline = pad + max(extents.descent, descender)
        return AxisLabelBand(baselineOffset: toBaseline, thickness: toBaseline + max(extents.ascent, 0))
    }

    /// Band of an axis label whose ascenders face the axis (x labels below, rotated labels on the right).
    func bandFacingAscent(_ extents: TextExtents, pad: Double) -> AxisLabelBand {
        let toBaseline = pad + max(extents.ascent, capHeight)
        return AxisLabelBand(baselineOffset: toBaseline, thickness: toBaseline + max(extents.descent, 0))
    }
}
