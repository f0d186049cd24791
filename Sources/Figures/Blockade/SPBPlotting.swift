import Foundation
import Plot

/// Axis labels in the paper's symbols (Pango markup).
enum SPBLabel {
    static let g2Tau = "<i>g</i><sup>(2)</sup>(<i>τ</i>)"
    static let g2Zero = "<i>g</i><sup>(2)</sup>(0)"
    static let tauGamma1 = "<i>τγ</i><sub>1</sub>"
    static let nCW = "<i>N</i><sub>cw</sub>"
    static let detuning = "<i>Δ</i>/<i>γ</i><sub>1</sub>"
    static let phi = "<i>φ</i> (µm)"
    static let r = "<i>r</i> (µm)"
    static let kerrOverGamma = "<i>χ</i>/<i>γ</i>"
    static let absJ2 = "|<i>J</i>|<sup>2</sup>/<i>γ</i><sup>2</sup>"
    static let absJ = "|<i>J</i>|/<i>γ</i>"
    static let p01 = "<i>P</i><sub>01</sub>"
    static let p10 = "<i>P</i><sub>10</sub>"
    static let j0 = "<i>J</i><sub>0</sub>/<i>γ</i><sub>1</sub>"
    static let efficiency = "ℛ"
}

/// The paper's three devices as drawn in Figs. 1 and 4: ideal grey, no tip blue, tip red, each
/// with its own dash so that the figure survives greyscale printing.
enum SPBCase: String, CaseIterable {
    case ideal, noTip = "no tip", tip

    /// Colour from the paper's Fig. 1 caption.
    var color: Paint {
        switch self { case .ideal: .named("grey"); case .noTip: .named("blue"); case .tip: .named("red") }
    }
    /// Dash paired with the colour.
    var dash: Dash {
        switch self { case .ideal: .dashed; case .noTip: .dashDot; case .tip: .solid }
    }
    /// Legend text.
    var legend: String {
        switch self {
        case .ideal: "ideal (<i>J</i> = 0)"
        case .noTip: "no tip (<i>J</i> = <i>J</i><sub>0</sub>)"
        case .tip: "with tip"
        }
    }

    /// Axes with one curve per device, read from the tidy columns `series`, `x`, `y` of `table`.
    static func curves(_ table: DataTable, x: String, y: String, xAxis: Axis, yAxis: Axis,
                       legend: LegendPlacement) throws -> Axes {
        var axes = Axes(x: xAxis, y: yAxis)
        for c in allCases {
            let rows = try table.rows(where: "series", equals: c.rawValue)
            axes.add(Line(x: try rows.numbers(x), y: try rows.numbers(y), label: c.legend, color: c.color, dash: c.dash))
        }
        axes.legend = Legend(legend)
        return axes
    }
}

/// Small helpers shared by the blockade plots.
enum SPBPlot {
    /// A log colour range spanning whole decades around the finite positive values.
    static func decadeRange(_ values: [Double]) -> (Double, Double)? {
        let finite = values.filter { $0.isFinite && $0 > 0 }
        guard let lo = finite.min(), let hi = finite.max() else { return nil }
        return (pow(10, floor(log10(lo))), pow(10, ceil(log10(hi))))
    }

    /// Marker stride so that a curve of `count` points carries about `markers` markers.
    static func every(_ count: Int, markers: Int = 10) -> Int { max(1, (count - 1) / max(1, markers)) }

    /// About `markers` indices of a curve of `count` points, evenly spaced and shifted by
    /// `phase` (0..<1) of the spacing, so that several series' markers interleave.
    static func staggered(count: Int, markers: Int, phase: Double) -> [Int] {
        guard count > 1 else { return Array(0..<count) }
        let step = Double(count - 1) / Double(max(1, markers))
        return Array(Set(stride(from: phase * step, through: Double(count - 1), by: step).map { Int($0.rounded()) })).sorted()
    }

    /// Legend of curves from the master equation with open markers from a weak-drive formula:
    /// each series as its line with its own marker, then "master eq." (a line) and the formula
    /// (the series' markers side by side).
    static func analyticLegend(_ series: [(label: String, color: Paint, marker: MarkerShape)], formula: String) -> [LegendEntry] {
        series.map { .line(label: $0.label, color: $0.color, dash: .solid, width: nil, marker: Marker($0.marker, filled: false)) } + [
            .line(label: "master eq.", color: .foreground, dash: .solid, width: nil, marker: nil),
            .markers(label: formula, samples: series.map { LegendMarker(color: .foreground, marker: Marker($0.marker, filled: false)) }),
        ]
    }

    /// The distinct values of `column`, in order of first appearance.
    static func distinct(_ column: [Double]) -> [Double] {
        var seen: [Double] = []
        for v in column where !seen.contains(v) { seen.append(v) }
        return seen
    }

    /// A compact label for a number: "0.1", "3", "0.27".
    static func number(_ x: Double) -> String {
        var s = String(format: "%.3g", x)
        if s.hasPrefix("-") { s = "−" + s.dropFirst() }
        return s
    }
}
