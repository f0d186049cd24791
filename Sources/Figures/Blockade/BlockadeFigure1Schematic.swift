import Foundation
import Plot

/// Fig. 1(a) of the blockade paper: the three devices side by side: the ideal Kerr cavity (grey,
/// J = 0), the cavity with its intrinsic scatterer (blue, J = J0) and with the nanotip added (red,
/// J = J0 + J_tip), each driven from the left through its waveguide. The tip sits at the set's
/// radial distance r and azimuthal distance φ from the scatterer (`--set r_um=… phi_um=…` move it),
/// drawn not to scale: φ as an angle of `radiansPerMicron` × φ, r as a gap of `radiiPerMicron` × r.
enum BlockadeFigure1Schematic {
    /// Drawn angle per µm of azimuthal distance φ (0.27 µm ↦ 39°).
    static let radiansPerMicron = 2.5
    /// Drawn gap per µm of radial distance r, in resonator radii (0.35 µm ↦ 0.21).
    static let radiiPerMicron = 0.6
    /// The scatterer's angle on each drawn ring (rad, counter-clockwise from +x): the bottom.
    static let scattererAngle = -Double.pi / 2
    /// Centre spacing of the three rings, in radii.
    static let spacing = 3.0

    static let panelA = FigureSpec(
        id: "spb-1a", title: "Schematic: ideal cavity, cavity with its scatterer, cavity with the nanotip",
        summary: "Schematic of the three devices (Fig. 1(a)): the ideal Kerr cavity (grey, J = 0), the cavity with "
            + "its intrinsic scatterer (blue, J = J0) and with the nanotip (red, J = J0 + J_tip) at radial distance r "
            + "and azimuthal distance φ from the scatterer (r_um, phi_um), each driven from the left. Not to scale: "
            + "φ is drawn as an angle of 2.5 rad/µm, r as a gap of 0.6 radii/µm. The table lists the drawn elements.",
        model: .spb, sweptInputs: [], height: .panelAspect(0.55), grid: { _ in [] },
        compute: { ctx in try geometry(SPBSetup(ctx)) }, plot: plot)

    /// The drawn elements: three ring centres, two scatterers, the tip's apex (and its r, φ).
    static func geometry(_ spb: SPBSetup) throws -> FigureData {
        let tipAngle = scattererAngle + radiansPerMicron * spb.tipPhi
        let apex = 1 + radiiPerMicron * spb.tipRadius
        let centres = (0..<3).map { Double($0) * spacing }
        let elements = ["ideal", "no_tip", "tip", "scatterer", "scatterer", "tip_apex"]
        let xs = centres + [centres[1] + cos(scattererAngle), centres[2] + cos(scattererAngle), centres[2] + apex * cos(tipAngle)]
        let ys = [0.0, 0, 0, sin(scattererAngle), sin(scattererAngle), apex * sin(tipAngle)]
        let table = try DataTable(columns: [
            DataColumn("element", labels: elements), DataColumn("x", xs), DataColumn("y", ys),
            DataColumn("angle_rad", [0, 0, 0, scattererAngle, scattererAngle, tipAngle]),
        ])
        return FigureData(tables: [table], notes: ["Tip at r = \(spb.tipRadius) µm, φ = \(spb.tipPhi) µm (drawn not to scale)."])
    }

    static func plot(_ data: FigureData) throws -> Axes {
        let table = try data.table()
        let names = try table.labels("element"), xs = try table.numbers("x"), ys = try table.numbers("y")
        let angles = try table.numbers("angle_rad")
        // Label size cap: 8 pt where the paper style draws this schematic smallest (paper unchanged).
        var axes = Schematic.axes(x: -1.45...(2 * spacing + 1.95), y: -1.9...1.6, labelSize: 0.33)
        let devices: [(name: String, color: Paint, label: String)] = [
            ("ideal", .named("grey"), "<i>J</i> = 0"), ("no_tip", .named("blue"), "<i>J</i> = <i>J</i><sub>0</sub>"),
            ("tip", .named("red"), "<i>J</i> = <i>J</i><sub>0</sub> + <i>J</i><sub>tip</sub>"),
        ]
        for device in devices {
            guard let k = names.firstIndex(of: device.name) else { continue }
            let cx = xs[k]
            axes.add(Shape(.circle(x: cx, y: 0, radius: 1), stroke: device.color, widthScale: 2.2))
            axes.add(Shape(.path(x: [cx - 1.35, cx + 1.35], y: [1.12, 1.12], closed: false), stroke: .named("grey"), widthScale: 1.6))
            axes.add(Shape.arrow(from: cx - 1.35, 1.27, to: cx - 0.6, 1.27, color: .foreground, widthScale: 0.8))
            axes.add(Shape(.arc(x: cx, y: 0, radius: 0.7, from: 0.75 * .pi, to: 0.25 * .pi), stroke: .foreground, widthScale: 0.8, arrows: .end))
            axes.add(Annotation("CW", x: cx, y: 0.5, anchor: .top))
            axes.add(Annotation(device.label, x: cx, y: -1.45, anchor: .top, color: device.color))
        }
        for k in names.indices where names[k] == "scatterer" {
            axes.add(Shape(.circle(x: xs[k], y: ys[k], radius: 0.09), fill: .foreground, stroke: nil))
            axes.add(Annotation("<i>J</i><sub>0</sub>", x: xs[k] - 0.15, y: ys[k] + 0.15, anchor: .bottomRight))
        }
        if let t = names.firstIndex(of: "tip_apex"), let c = names.firstIndex(of: "tip") {
            let a = angles[t], cx = xs[c]
            // The tip: a slim triangle pointing at the ring's centre, apex at the drawn distance r.
            let (ux, uy) = (cos(a), sin(a)), (vx, vy) = (-sin(a), cos(a))
            let baseX = xs[t] + 0.55 * ux, baseY = ys[t] + 0.55 * uy
            axes.add(Shape(.path(x: [xs[t], baseX + 0.12 * vx, baseX - 0.12 * vx], y: [ys[t], baseY + 0.12 * vy, baseY - 0.12 * vy],
                                 closed: true), fill: .named("darkgrey"), stroke: nil))
            axes.add(Annotation("<i>J</i><sub>tip</sub>", x: baseX + 0.1 * ux, y: baseY + 0.1 * uy, anchor: Schematic.anchor(outwardAt: a)))
            // φ: the arc along the rim from the scatterer to the tip; r: the gap between rim and apex.
            let s = angles[names.firstIndex(of: "scatterer")!]
            axes.add(Shape(.arc(x: cx, y: 0, radius: 0.82, from: s, to: a), stroke: .foreground, widthScale: 0.6, arrows: .both, headLength: nil))
            let mid = (s + a) / 2
            axes.add(Annotation("<i>φ</i>", x: cx + 0.62 * cos(mid), y: 0.62 * sin(mid), anchor: .center))
            axes.add(Annotation("<i>r</i>", x: xs[t] + 0.12 * vx - 0.1 * ux, y: ys[t] + 0.12 * vy - 0.1 * uy,
                                anchor: Schematic.anchor(outwardAt: a + Double.pi / 2)))
        }
        return axes
    }
}
