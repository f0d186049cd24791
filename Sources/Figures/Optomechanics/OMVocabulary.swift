import Foundation
import Optomechanics
import Plot

/// Shared vocabulary of the om figures: the model, axis labels in the paper's symbols (Pango
/// markup) and the axes every panel builds on.
enum OM {
    /// "Δ/Γ": detuning from the unperturbed cavity.
    static let deltaLabel = "<i>Δ</i>/<i>Γ</i>"
    /// "Δ̃/Γ": effective detuning.
    static let deltaTildeLabel = "<i>Δ̃</i>/<i>Γ</i>"
    /// "β (rad)".
    static let betaLabel = "<i>β</i> (rad)"
    /// "ε/Γ".
    static let epsilonLabel = "<i>ε</i>/<i>Γ</i>"
    /// "η/ε".
    static let etaOverEpsilonLabel = "<i>η</i>/<i>ε</i>"
    /// "E_N,r".
    static let entanglementCW = "<i>E</i><sub>N,r</sub>"
    /// "E_N,l".
    static let entanglementCCW = "<i>E</i><sub>N,l</sub>"
    /// "T".
    static let transmission = "<i>T</i>"
    /// "|G_r|/ω_m".
    static let couplingCW = "|<i>G</i><sub>r</sub>|/<i>ω</i><sub>m</sub>"
    /// "|G_l|/ω_m".
    static let couplingCCW = "|<i>G</i><sub>l</sub>|/<i>ω</i><sub>m</sub>"
    /// "|J1|/Γ".
    static let backscattering = "|<i>J</i><sub>1</sub>|/<i>Γ</i>"
    /// Legend and colour-bar text for masked cells.
    static let unstableLabel = "unstable"

    /// A number for notes: 4 significant digits, a real minus sign.
    static func format(_ x: Double) -> String { minus(String(format: "%.4g", x)) }

    /// The text with every hyphen-minus before a digit made a minus sign (U+2212).
    static func minus(_ text: String) -> String {
        var out = "", chars = Array(text)
        for (i, c) in chars.enumerated() {
            out.append(c == "-" && i + 1 < chars.count && chars[i + 1].isNumber ? "−" : c)
        }
        return out
    }

    /// The β axis: [0, π/2] rad with ticks at multiples of π/8.
    static func betaAxis() -> Axis {
        Axis(label: betaLabel, limits: 0...(Double.pi / 2), ticks: .step(Double.pi / 8), minorTicks: .none, format: .pi)
    }

    /// A linear axis with fixed limits.
    static func axis(_ label: String, _ limits: ClosedRange<Double>, step: Double? = nil) -> Axis {
        Axis(label: label, limits: limits, ticks: step.map { .step($0) } ?? .auto)
    }

    /// The Δ/Γ (or Δ̃/Γ) axis over [−3, 3].
    static func detuningAxis(tilde: Bool = false) -> Axis {
        axis(tilde ? deltaTildeLabel : deltaLabel, -3...3, step: 1)
    }

    /// A y axis with automatic limits.
    static func valueAxis(_ label: String) -> Axis { Axis(label: label) }

    /// A y axis from 0 with room above the data for a one-row legend: ticks cover the data
    /// (nice 1-2-5 steps up to about its maximum), the top limit is `headroom` × that maximum,
    /// and a small margin below 0 keeps zero-valued stretches off the bottom spine.
    static func headroomAxis(_ label: String, dataMax: Double, headroom: Double = 1.28) -> Axis {
        let top = (dataMax.isFinite && dataMax > 0 ? dataMax : 1) * headroom
        let (all, step) = TickGenerator.linear(lower: 0, upper: top, maxCount: 7)
        let ticks = all.filter { $0 <= top / headroom + step / 2 }
        return Axis(label: label, limits: (-0.03 * top)...top, ticks: .at(ticks))
    }

    /// The largest finite value of several series (NaN when none).
    static func finiteMax(_ series: [[Double]]) -> Double {
        series.joined().filter(\.isFinite).max() ?? .nan
    }
}

/// One of the paper's three resonator cases (Fig. 2): scatterers, CSV series name, legend text,
/// and the case colour and dash of FIGURE-STYLE.md.
struct OMCase: Sendable {
    /// Series name in the CSV.
    let series: String
    /// Legend text (Pango markup).
    let legend: String
    /// The scatterers.
    let scatterers: Scatterers
    /// Line colour.
    let color: Paint
    /// Dash pattern.
    let dash: Dash

    /// Δ_J/Γ = Re(Σ ε_j + η): Δ = Δ̃ − Δ_J.
    var detuningShift: Double { scatterers.detuningShift }

    /// The colour and dash of a series by its CSV name (FIGURE-STYLE.md's case styles).
    static func style(_ series: String) -> (color: Paint, dash: Dash) {
        switch series {
        case "ideal": (.named("orange"), .dashed)
        case "defect", "defects": (.named("red"), .dashDot)
        default: (.named("blue"), .solid)
        }
    }

    /// The metadata entry that carries this case's legend to the plot.
    var legendMetadata: (key: String, value: String) { (key: "legend." + series, value: legend) }

    /// The cases drawn, in order, from the legend metadata a computation wrote.
    static func drawn(_ data: FigureData) -> [OMCase] {
        data.metadata.filter { $0.key.hasPrefix("legend.") }.map { entry in
            let series = String(entry.key.dropFirst("legend.".count)), s = style(series)
            return OMCase(series: series, legend: entry.value, scatterers: .ideal, color: s.color, dash: s.dash)
        }
    }

    /// The style of this case's curve.
    func line(x: [Double], y: [Double], label: String? = nil) -> Line {
        Line(x: x, y: y, label: label ?? legend, color: color, dash: dash)
    }
}
