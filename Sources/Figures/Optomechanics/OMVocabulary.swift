import Foundation
import Optomechanics
import Plot

/// Shared vocabulary of the om figures: the model, axis labels in the paper's symbols (Pango
/// markup) and the axes every panel builds on.
enum OM {
    /// The paper's model (Sec. III parameters).
    static let model = OptomechanicalModel.paper
    /// The azimuthal mode number m.
    static var m: Int { model.parameters.azimuthalNumber }
    /// β_Im = π/(2m) = π/8: the backscattering-immune angle.
    static var immuneAngle: Double { model.parameters.immuneAngle }
    /// The immune angles inside [0, π/2]: π/8 and 3π/8.
    static var immuneAngles: [Double] { [immuneAngle, immuneAngle + Double.pi / 4] }

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

    /// The ideal resonator (ε = η = 0): orange dashed.
    static let ideal = OMCase(series: "ideal", legend: "ideal", scatterers: .ideal, color: .named("orange"), dash: .dashed)
    /// A defect alone (ε = Γ, η = 0): red dash-dot.
    static let defect = OMCase(series: "defect", legend: "defect", scatterers: Scatterers(defects: [Defect(strength: 1)]),
                               color: .named("red"), dash: .dashDot)
    /// Defect plus particle at β_Im (ε = η = Γ, β = π/8): blue solid.
    static let immune = OMCase(series: "immune", legend: "immune",
                               scatterers: .defectAndParticle(epsilon: 1, eta: 1, beta: OM.immuneAngle),
                               color: .named("blue"), dash: .solid)
    /// The three cases in the paper's order.
    static let all: [OMCase] = [.ideal, .defect, .immune]

    /// The style of this case's curve.
    func line(x: [Double], y: [Double], label: String? = nil) -> Line {
        Line(x: x, y: y, label: label ?? legend, color: color, dash: dash)
    }
}
