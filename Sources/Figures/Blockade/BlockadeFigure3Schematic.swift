import Foundation
import Plot

/// Fig. 3(a) of the blockade paper: the eigenenergy ladders |n1, n2⟩ (bare CW, CCW photon numbers)
/// and the transition paths, left for χ/γ = 0.5 (unconventional blockade: the direct path
/// |1,0⟩ → |2,0⟩ (blue) interferes with |1,0⟩ → |0,1⟩ → |1,1⟩ → |2,0⟩ via J (green)), right
/// for the set's χ/γ > 1 with the tip at J = 0 (|1,0⟩ → |2,0⟩ detuned by 2χ, no J paths).
/// Two-photon states sit 2χ above 2ω_L (Eq. 2); drawn ∝ √(2χ/γ), capped, not to scale.
enum BlockadeFigure3Schematic {
    /// χ/γ of the left ladder (the unconventional blockade of the text after Eq. 5).
    static let unconventionalKerr = 0.5
    /// Horizontal offset of the right ladder.
    static let ladderOffset = 3.1

    static let panelA = FigureSpec(
        id: "spb-3a", title: "Schematic: eigenenergy ladders and transition paths",
        summary: "Eigenenergy structure and transition paths (Fig. 3(a)): the states |n1, n2⟩ up to two photons, "
            + "the two-photon manifold shifted by 2χ (Eq. 2); left χ/γ = 0.5 with the interfering paths "
            + "|1,0⟩→|2,0⟩ (blue) and |1,0⟩→|0,1⟩→|1,1⟩→|2,0⟩ via J (green); right the set's χ/γ (the tip device's, "
            + "> 1) with J = 0, where |1,0⟩→|2,0⟩ is detuned by 2χ. The table lists the drawn levels (not to scale).",
        model: .spb, sweptInputs: [], height: .panelAspect(0.8), grid: { _ in [] },
        compute: { ctx in try levels(SPBSetup(ctx)) }, plot: plot)

    /// The drawn height of the two-photon shift 2χ, in units of the drawn ω_L.
    static func drawnShift(kerrOverGamma k: Double) -> Double { min(0.55, 0.16 * (2 * max(0, k)).squareRoot()) }

    /// The levels of both ladders: state, ladder, drawn centre (x, y) and energy E/γ in the
    /// frame rotating at ω_L at Δ = 0: χ[n1(n1 − 1) + n2(n2 − 1) + 2 n1 n2] (Eq. 2).
    static func levels(_ spb: SPBSetup) throws -> FigureData {
        let rates = try spb.setup(.tip(spb.tipPosition)).rates()
        let deviceKerr = rates.kerr / rates.gamma
        let states = [(0, 0), (1, 0), (0, 1), (2, 0), (1, 1), (0, 2)]
        let columnX: [Double] = [1.0, 0.6, 1.4, 0.2, 1.0, 1.8]
        var ladder: [String] = [], names: [String] = [], xs: [Double] = [], ys: [Double] = [], energies: [Double] = []
        for (side, kerr) in [("left", unconventionalKerr), ("right", deviceKerr)] {
            for (k, (n1, n2)) in states.enumerated() {
                let e = kerr * Double(n1 * (n1 - 1) + n2 * (n2 - 1) + 2 * n1 * n2)
                ladder.append(side); names.append("|\(n1),\(n2)⟩")
                xs.append(columnX[k] + (side == "right" ? ladderOffset : 0))
                ys.append(Double(n1 + n2) + (n1 + n2 == 2 ? drawnShift(kerrOverGamma: kerr) : 0))
                energies.append(e)
            }
        }
        let table = try DataTable(columns: [
            DataColumn("ladder", labels: ladder), DataColumn("state", labels: names),
            DataColumn("x", xs), DataColumn("y", ys), DataColumn("E_over_gamma", energies),
        ])
        return FigureData(tables: [table], notes: ["Right ladder: χ/γ = \(String(format: "%.2f", deviceKerr)) of the tip device; |J|/γ = \(String(format: "%.3f", rates.coupling.magnitude / rates.gamma))."],
                          metadata: [(key: "chi_over_gamma_right", value: "\(deviceKerr)")])
    }

    static func plot(_ data: FigureData) throws -> Axes {
        let table = try data.table()
        let ladders = try table.labels("ladder"), states = try table.labels("state")
        let xs = try table.numbers("x"), ys = try table.numbers("y"), energies = try table.numbers("E_over_gamma")
        // Label size cap: 8 pt where the paper style draws this schematic smallest (paper unchanged).
        var axes = Schematic.axes(x: -0.2...(ladderOffset + 2.45), y: -0.35...3.15, labelSize: 0.239)
        func level(_ side: String, _ state: String) -> (x: Double, y: Double)? {
            guard let k = states.indices.first(where: { ladders[$0] == side && states[$0] == state }) else { return nil }
            return (xs[k], ys[k])
        }
        let half = 0.26
        for k in states.indices {
            axes.add(Shape(.path(x: [xs[k] - half, xs[k] + half], y: [ys[k], ys[k]], closed: false), stroke: .foreground, widthScale: 1.4))
            // Kets below the one-photon and vacuum levels, above the two-photon ones (arrows arrive from below).
            let above = ys[k] > 1.5
            axes.add(Annotation(states[k], x: xs[k], y: ys[k] + (above ? 0.06 : -0.06), anchor: above ? .bottom : .top))
        }
        for side in ["left", "right"] {
            guard let g = level(side, "|0,0⟩"), let one = level(side, "|1,0⟩"), let two = level(side, "|2,0⟩"),
                  let k = states.indices.first(where: { ladders[$0] == side && states[$0] == "|2,0⟩" }) else { continue }
            let chi = energies[k] / 2
            let x0 = side == "left" ? 0.0 : ladderOffset
            // 2ω_L without Kerr: dotted; the manifold sits 2χ above it.
            axes.add(Shape(.path(x: [x0 - 0.1, x0 + 2.1], y: [2, 2], closed: false), stroke: .named("grey"), widthScale: 0.6, dash: .dotted))
            axes.add(Annotation("2<i>χ</i>", x: x0 + 2.12, y: (2 + two.y) / 2, anchor: .left))
            axes.add(Annotation(side == "left" ? "<i>χ</i>/<i>γ</i> = \(format(chi))" : "<i>χ</i>/<i>γ</i> = \(format(chi)), <i>J</i> = 0",
                                x: x0 + 1.0, y: 3.05, anchor: .top))
            // Arrows join the levels' ends (0.2 from the centres), clear of the labels centred below.
            let end = 0.2
            axes.add(Shape.arrow(from: g.x - end, g.y, to: one.x + end, one.y, color: .named("red")))
            axes.add(Annotation("<i>ω</i><sub>L</sub>", x: one.x + end - 0.06, y: 0.5, anchor: .right, color: .named("red")))
            if side == "left", let cc = level(side, "|0,1⟩"), let mixed = level(side, "|1,1⟩") {
                axes.add(Shape.arrow(from: one.x - end, one.y, to: two.x + end, two.y, color: .named("blue")))
                axes.add(Shape.arrow(from: one.x + half, one.y + 0.1, to: cc.x - half, cc.y + 0.1, color: .named("green")))
                axes.add(Shape.arrow(from: cc.x - end, cc.y, to: mixed.x + end, mixed.y, color: .named("green")))
                axes.add(Shape.arrow(from: mixed.x - half, mixed.y - 0.09, to: two.x + half, two.y - 0.09, color: .named("green")))
                axes.add(Annotation("<i>J</i>", x: (one.x + cc.x) / 2, y: one.y + 0.16, anchor: .bottom, color: .named("green")))
                axes.add(Annotation("<i>J</i>", x: (two.x + mixed.x) / 2, y: two.y + 0.04, anchor: .bottom, color: .named("green")))
            } else {
                // The drive reaches 2ω_L only: detuned by 2χ from |2,0⟩.
                axes.add(Shape.arrow(from: one.x - end, one.y, to: two.x + end, 2, color: .named("blue"), dash: .dashed))
            }
        }
        return axes
    }

    private static func format(_ value: Double) -> String {
        value >= 10 ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }
}
