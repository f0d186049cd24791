import Foundation
import Plot

/// Fig. 1(a, b): the resonator with its CW and CCW modes a_r and a_l, the tapered fibre with the
/// pump arrow, the defect on the rim and (b) the nanoparticle in the evanescent field at the
/// relative angle β (`beta_rad`) from the defect. Drawn from the parameter set: `--set beta_rad=…`
/// moves the particle. Not to scale (the resonator radius R is 1.1 mm; the drawing's is 1).
enum Figure1Schematics {
    /// The defect's angle on the drawing (rad, counter-clockwise from +x); β is counted from it.
    static let defectAngle = -Double.pi / 2 - Double.pi / 8
    /// Radius of the particle's circle, in resonator radii (just outside the rim).
    static let particleOrbit = 1.16

    static let panelA = spec(id: "om-1a", withParticle: false,
                             title: "Schematic: resonator with a defect, tapered fibre and pump",
                             summary: "Schematic of the optomechanical resonator with a defect (Fig. 1(a)): the CW mode a_r "
                                + "driven by the pump through the tapered fibre (blue arrow), the CCW mode a_l, the defect "
                                + "on the rim. The table lists the drawn elements' centres (resonator radius 1, not to scale). Columns: element, x, y, angle_rad.")
    static let panelB = spec(id: "om-1b", withParticle: true,
                             title: "Schematic: defect and nanoparticle at the relative angle β",
                             summary: "Schematic of the backscattering-immune system (Fig. 1(b)): as (a), with the nanoparticle "
                                + "in the evanescent field at the relative angle β (beta_rad) from the defect; --set beta_rad "
                                + "moves it. The table lists the drawn elements' centres (resonator radius 1, not to scale). Columns: element, x, y, angle_rad.")

    static func spec(id: String, withParticle: Bool, title: String, summary: String) -> FigureSpec {
        FigureSpec(id: id, title: title, summary: summary, model: .om, sweptInputs: [],
                   height: .panelAspect(0.8), grid: { _ in [] },
                   compute: { ctx in try geometry(OMSetup(ctx), withParticle: withParticle) },
                   plot: plot)
    }

    /// The drawn elements: resonator (centre, radius 1), defect on the rim, particle at defect angle + β.
    static func geometry(_ om: OMSetup, withParticle: Bool) throws -> FigureData {
        var names = ["resonator", "defect"], angles = [0.0, defectAngle], radii = [0.0, 1.0]
        if withParticle {
            names.append("particle"); angles.append(defectAngle + om.beta); radii.append(particleOrbit)
        }
        let table = try DataTable(columns: [
            DataColumn("element", labels: names),
            DataColumn("x", zip(radii, angles).map { $0 * cos($1) }),
            DataColumn("y", zip(radii, angles).map { $0 * sin($1) }),
            DataColumn("angle_rad", angles),
        ])
        let notes = withParticle ? ["β = \(OM.format(om.beta)) rad (β_Im = π/(2m) = \(OM.format(om.immuneAngle)) rad)."] : []
        return FigureData(tables: [table], notes: notes)
    }

    static func plot(_ data: FigureData) throws -> Axes {
        let table = try data.table()
        let names = try table.labels("element"), xs = try table.numbers("x"), ys = try table.numbers("y")
        let angles = try table.numbers("angle_rad")
        // Label size cap: 8 pt where the paper style draws this schematic smallest (paper unchanged).
        var axes = Schematic.axes(x: -2.1...2.1, y: -1.65...1.5, labelSize: 0.188)
        // Resonator: filled disc, rim, and the two counter-propagating modes inside.
        axes.add(Shape(.circle(x: 0, y: 0, radius: 1), fill: .named("lightgrey"), stroke: .foreground))
        axes.add(Shape(.arc(x: 0, y: 0, radius: 0.78, from: 0.78 * .pi, to: 0.22 * .pi), stroke: .named("green"), arrows: .end))
        axes.add(Shape(.arc(x: 0, y: 0, radius: 0.4, from: 0.2 * .pi, to: 0.8 * .pi), stroke: .named("purple"), arrows: .end))
        axes.add(Annotation("<i>a</i><sub>r</sub>", x: 0, y: 0.64, anchor: .top, color: .named("green")))
        axes.add(Annotation("<i>a</i><sub>l</sub>", x: 0, y: 0.3, anchor: .top, color: .named("purple")))
        // Tapered fibre above the resonator; the pump enters from the left and drives the CW mode.
        let fibreY = 1.13
        axes.add(Shape(.path(x: [-2.05, 2.05], y: [fibreY, fibreY], closed: false), stroke: .named("grey"), widthScale: 2.2))
        axes.add(Shape.arrow(from: -1.95, fibreY + 0.14, to: -1.05, fibreY + 0.14, color: .named("blue")))
        axes.add(Annotation("pump", x: -1.5, y: fibreY + 0.22, anchor: .bottom, color: .named("blue")))
        axes.add(Annotation("<i>κ</i><sub>ex</sub>", x: 0, y: fibreY + 0.1, anchor: .bottom))
        for (k, name) in names.enumerated() where name != "resonator" {
            let isParticle = name == "particle"
            axes.add(Shape(.circle(x: xs[k], y: ys[k], radius: isParticle ? 0.085 : 0.075),
                           fill: .named(isParticle ? "orange" : "red"), stroke: nil))
            let r = isParticle ? 1.36 : 1.24, a = angles[k]
            axes.add(Annotation(isParticle ? "particle" : "defect", x: r * cos(a), y: r * sin(a),
                                anchor: Schematic.anchor(outwardAt: a)))
        }
        // β: the angle from the defect to the particle at the centre.
        if let p = names.firstIndex(of: "particle"), let d = names.firstIndex(of: "defect") {
            for k in [p, d] {
                axes.add(Shape(.path(x: [0, xs[k]], y: [0, ys[k]], closed: false), stroke: .foreground, widthScale: 0.5, dash: .dashed))
            }
            axes.add(Shape(.arc(x: 0, y: 0, radius: 0.3, from: angles[d], to: angles[p]), stroke: .foreground, widthScale: 0.5))
            let mid = (angles[d] + angles[p]) / 2
            axes.add(Annotation("<i>β</i>", x: 0.42 * cos(mid), y: 0.42 * sin(mid), anchor: .center))
        }
        return axes
    }
}
