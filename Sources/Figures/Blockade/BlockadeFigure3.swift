import Foundation
import WGMNumerics
import Plot
import PhotonBlockade

/// Fig. 3 of the blockade paper: the total coupling |J|²/γ² over the tip position (b), the
/// one-photon probabilities P10 and P01 versus φ (c) and g2(0) versus r (d); in (c) and (d)
/// curves are the master equation, markers the weak-drive formulas (Eqs. 6 and 7).
enum BlockadeFigure3 {
    /// Fock states per mode for (c) and (d): 4 keeps P10, P01 within 1e-8 and g2(0) within 1e-5 of
    /// 5 at the paper's Kerr strength (checked again as computed).
    static let cutoff = 4

    /// Azimuths of panel (d) with colour and marker.
    static let radialCurves: [(phi: Double, color: Paint, marker: MarkerShape)] = [
        (0.21, .named("blue"), .square), (0.27, .named("red"), .circle), (0.33, .named("green"), .triangle),
    ]

    static let fixed = [InputSetting("cutoff", Double(cutoff))]

    // MARK: spb-3b

    static let panelB = FigureSpec(
        id: "spb-3b", title: "Total coupling |J|²/γ² over the tip position",
        summary: """
            |J|²/γ² with J = J0 + J_tip(r, φ) (Eq. 1) and γ = γ1 + γ_tip(r), over the tip azimuth φ and \
            radius r (log colour). Crosses: the J = 0 positions (l = 0, 1). Inset: |J|/γ versus φ \
            at r = 0.35 µm with the level |J|/γ = 1 (dashed) where the weak-drive unconventional blockade \
            would need it.
            """,
        model: .spb, sweptInputs: ["phi_um", "r_um", "device"],
        knownDifferences: [SPBKnownDifferences.secondBranch],
        grid: SPBGrid.tipPositionMap, compute: computeB, plot: plotB)

    static func computeB(_ context: ComputeContext) throws -> FigureData {
        let spb = SPBSetup(context)
        let axes = SPBGrid.tipPositionMap(context.quality)
        let phis = axes[0].values, radii = axes[1].values
        var phiColumn: [Double] = [], rColumn: [Double] = [], value: [Double] = []
        for r in radii {
            for p in phis {
                let rates = try spb.setup(.tip(TipPosition(r: r, phi: p))).rates()
                phiColumn.append(p); rColumn.append(r); value.append(rates.coupling.normSquared / (rates.gamma * rates.gamma))
            }
        }
        let insetPhis = SPBGrid.phi(SPBGrid.linePoints(context.quality)).values
        let insetValues = try insetPhis.map { p in
            let rates = try spb.setup(.tip(TipPosition(r: spb.tipRadius, phi: p))).rates()
            return rates.coupling.magnitude / rates.gamma
        }
        let main = try DataTable(columns: [DataColumn("phi_um", phiColumn), DataColumn("r_um", rColumn),
                                           DataColumn("absJ2_over_gamma2", value)])
        let inset = try DataTable(name: "inset", columns: [
            DataColumn("phi_um", insetPhis), DataColumn("absJ_over_gamma", insetValues)])
        let level = try DataTable(name: "level", columns: [DataColumn("absJ_over_gamma", [1])])
        let zeros = try zeroCouplingTable(spb)
        return FigureData(tables: [main, inset, level, zeros], notes: zeroCouplingNotes(zeros),
                          metadata: [(key: "cutoff", value: "none (no master equation: |J| and γ are closed-form)")])
    }

    /// The J = 0 positions of branches l = 0 and 1 for the set's J0 (1.8γ1).
    static func zeroCouplingTable(_ spb: SPBSetup) throws -> DataTable {
        var b = TidyTableBuilder(name: "zero_coupling", numericColumns: ["l", "r_um", "phi_um"])
        for l in 0...1 {
            guard let p = try spb.zeroCouplingPosition(j0OverGamma1: spb.j0OverGamma1, branch: l) else { continue }
            b.append("J = 0", [Double(l), p.r, p.phi])
        }
        return try b.build()
    }

    static func zeroCouplingNotes(_ t: DataTable) -> [String] {
        guard let l = try? t.numbers("l"), let r = try? t.numbers("r_um"), let phi = try? t.numbers("phi_um") else { return [] }
        return l.indices.map { String(format: "J = 0 at r = %.4f µm, φ = %.4f µm (l = %d).", r[$0], phi[$0], Int(l[$0])) }
    }

    static func plotB(_ data: FigureData) throws -> Axes {
        let t = try data.table()
        let values = try t.numbers("absJ2_over_gamma2")
        var axes = Axes(x: Axis(label: SPBLabel.phi, limits: 0...1), y: Axis(label: SPBLabel.r, limits: 0...0.8))
        axes.add(Heatmap(x: SPBPlot.distinct(try t.numbers("phi_um")), y: SPBPlot.distinct(try t.numbers("r_um")),
                         values: values, colormap: .viridis, norm: .log, vmin: 1e-2, vmax: 1e2,
                         colorbar: Colorbar(label: SPBLabel.absJ2)))
        let zeros = try data.table("zero_coupling")
        axes.add(Line(x: try zeros.numbers("phi_um"), y: try zeros.numbers("r_um"), color: .white,
                      marker: Marker(.cross, size: 5), showsLine: false))
        axes.add(try inset(data))
        return axes
    }

    /// The inset |J|/γ versus φ at r = 0.35 µm with the level 1.
    static func inset(_ data: FigureData) throws -> Inset {
        let t = try data.table("inset")
        let level = try data.table("level").numbers("absJ_over_gamma")
        var axes = Axes(x: Axis(limits: 0...1, ticks: .labeled([0, 0.5, 1], ["0", "0.5", "1"])),
                        y: Axis(label: SPBLabel.absJ, limits: 0...3, ticks: .labeled([0, 1, 2, 3], ["", "1", "2", "3"])))
        axes.add(Line(x: try t.numbers("phi_um"), y: try t.numbers("absJ_over_gamma"), color: .named("red")))
        for v in level { axes.add(ReferenceLine(.horizontal, at: v, color: .foreground, dash: .dashed)) }
        return Inset(x: 0.5, y: 0.56, width: 0.46, height: 0.4, axes: axes)
    }

    // MARK: spb-3c

    static func curveGrid(_ q: Quality) -> [GridAxis] { [SPBGrid.phi(SPBGrid.linePoints(q)), SPBGrid.phi(SPBGrid.markerPoints(q))] }

    static let panelC = FigureSpec(
        id: "spb-3c", title: "P01 (CCW) and P10 (CW) versus φ: master equation and Eq. 6",
        summary: """
            One-photon probabilities P10 = ⟨1,0|ρ|1,0⟩ (CW) and P01 = ⟨0,1|ρ|0,1⟩ (CCW) versus the tip \
            azimuth φ at r = 0.35 µm, Δ = 0: curves from the master equation (Eq. 4), markers from the \
            weak-drive formulas of Eq. 6 at the same (stated) drive.
            """,
        model: .spb, fixedInputs: fixed, sweptInputs: ["phi_um", "device"],
        knownDifferences: [SPBKnownDifferences.strongDrive],
        grid: curveGrid, compute: computeC, plot: plotC)

    static func computeC(_ context: ComputeContext) throws -> FigureData {
        let spb = SPBSetup(context)
        let grids = curveGrid(context.quality)
        let phis = grids[0].values, markerPhis = grids[1].values
        func rates(_ p: Double) throws -> ModelRates { try spb.setup(.tip(TipPosition(r: spb.tipRadius, phi: p))).rates() }
        let sweep = CheckedSweep(cutoff: spb.cutoff, checkStride: 8)
        let outcome = try sweep.run(context, rates: phis.map { try? rates($0) }) { [$0.p10, $0.p01] }
        var b = TidyTableBuilder(numericColumns: ["phi_um", "P10", "P01"])
        b.append(masterEquation, rows: zip(phis, zip(outcome.values(\.p10), outcome.values(\.p01))).map { [$0, $1.0, $1.1] })
        let analytic = try markerPhis.map { WeakDriveApproximation(try rates($0)) }
        b.append("Eq. 6", rows: zip(markerPhis, analytic).map { [$0, $1.p10, $1.p01] })
        let table = try b.build()
        let report = sweep.report(outcome, watchedNames: "P10, P01")
        return FigureData(tables: [table], notes: report.notes + deviationNotes(table, x: "phi_um", columns: ["P10", "P01"], formula: "Eq. 6",
                                                                               drive: context.inputs.value("P_in_fW")),
                          metadata: report.metadata)
    }

    static let masterEquation = "master equation"

    /// "Eq. k differs from the master equation by up to …" for each column, at the marker points
    /// that lie on the curve's grid.
    static func deviationNotes(_ t: DataTable, x: String, columns: [String], formula: String, group: String? = nil,
                               names: [String]? = nil, drive: Double) -> [String] {
        guard let series = try? t.labels("series"), let xs = try? t.numbers(x) else { return [] }
        let groups = (try? group.map { try t.numbers($0) }) ?? nil
        return zip(columns, names ?? columns).compactMap { c, name in
            guard let v = try? t.numbers(c) else { return nil }
            var curve: [String: Double] = [:]
            for i in series.indices where series[i] == masterEquation { curve["\(groups?[i] ?? 0)|\(xs[i])"] = v[i] }
            var worst = 0.0
            for i in series.indices where series[i] == formula {
                guard let m = curve["\(groups?[i] ?? 0)|\(xs[i])"], m.isFinite, m != 0 else { continue }
                worst = max(worst, abs(v[i] - m) / abs(m))
            }
            return String(format: "%@ differs from the master equation by up to %.0f%% in %@ (at the %@ fW drive).", formula, 100 * worst, name,
                          drive == 4 ? "stated 4" : ModelInput.text(drive))
        }
    }

    static func plotC(_ data: FigureData) throws -> Axes {
        let t = try data.table()
        let me = try t.rows(where: "series", equals: masterEquation), eq6 = try t.rows(where: "series", equals: "Eq. 6")
        var axes = Axes(x: Axis(label: SPBLabel.phi, limits: 0...1), y: Axis(label: "<i>P</i><sub><i>mn</i></sub>", scale: .log, limits: 1e-4...10))
        let series: [(String, String, Paint, MarkerShape)] = [
            ("P10", SPBLabel.p10 + " (CW)", .named("red"), .circle), ("P01", SPBLabel.p01 + " (CCW)", .named("blue"), .square),
        ]
        for (column, label, color, shape) in series {
            axes.add(Line(x: try me.numbers("phi_um"), y: try me.numbers(column), label: label, color: color, dash: .solid))
            axes.add(Line(x: try eq6.numbers("phi_um"), y: try eq6.numbers(column), color: color,
                          marker: Marker(shape, filled: false), showsLine: false))
        }
        axes.legend = Legend(.upperCenter, extraEntries: SPBPlot.analyticLegend(series.map { (label: $0.1, color: $0.2, marker: $0.3) }, formula: "Eq. 6"),
                             includesArtists: false, columns: 2)
        return axes
    }

    // MARK: spb-3d

    static func radialGrid(_ q: Quality) -> [GridAxis] { [SPBGrid.radius(SPBGrid.linePoints(q)), SPBGrid.radius(SPBGrid.markerPoints(q))] }

    static let panelD = FigureSpec(
        id: "spb-3d", title: "g2(0) versus r for φ = 0.21, 0.27, 0.33 µm: master equation and Eq. 7",
        summary: """
            g2(0) of the CW mode versus the tip radius r for φ = 0.21, 0.27 and 0.33 µm, Δ = 0, the paper's \
            Kerr strength: curves from the master equation (Eq. 4), open markers from Eq. 7 at the same \
            (stated) drive.
            """,
        model: .spb, fixedInputs: fixed, sweptInputs: ["r_um", "phi_um", "device"],
        knownDifferences: [SPBKnownDifferences.strongDrive],
        grid: radialGrid, compute: computeD, plot: plotD)

    static func computeD(_ context: ComputeContext) throws -> FigureData {
        let spb = SPBSetup(context)
        let grids = radialGrid(context.quality)
        let radii = grids[0].values, markerRadii = grids[1].values
        func rates(_ phi: Double, _ r: Double) throws -> ModelRates { try spb.setup(.tip(TipPosition(r: r, phi: phi))).rates() }
        let points = radialCurves.flatMap { c in radii.map { (phi: c.phi, r: $0) } }
        let sweep = CheckedSweep(cutoff: spb.cutoff, checkStride: 8)
        let outcome = try sweep.run(context, rates: points.map { try? rates($0.phi, $0.r) }) { [$0.g2] }
        let g2 = outcome.values(\.g2)
        var b = TidyTableBuilder(numericColumns: ["phi_um", "r_um", "g2"])
        for (i, p) in points.enumerated() { b.append(masterEquation, [p.phi, p.r, g2[i]]) }
        for c in radialCurves {
            for r in markerRadii { b.append("Eq. 7", [c.phi, r, WeakDriveApproximation(try rates(c.phi, r)).g2]) }
        }
        let table = try b.build()
        let report = sweep.report(outcome, watchedNames: "g2(0)")
        return FigureData(tables: [table], notes: report.notes + deviationNotes(table, x: "r_um", columns: ["g2"], formula: "Eq. 7", group: "phi_um", names: ["g2(0)"],
                                                          drive: context.inputs.value("P_in_fW")),
                          metadata: report.metadata)
    }

    static func plotD(_ data: FigureData) throws -> Axes {
        let t = try data.table()
        let me = try t.rows(where: "series", equals: masterEquation), eq7 = try t.rows(where: "series", equals: "Eq. 7")
        var axes = Axes(x: Axis(label: SPBLabel.r, limits: 0...0.8), y: Axis(label: SPBLabel.g2Zero, scale: .log, limits: 1e-3...1e5))
        for c in radialCurves {
            let label = "<i>φ</i> = \(SPBPlot.number(c.phi)) µm"
            let (mx, my) = try rowsAt(me, phi: c.phi), (ax, ay) = try rowsAt(eq7, phi: c.phi)
            axes.add(Line(x: mx, y: my, label: label, color: c.color, dash: .solid))
            axes.add(Line(x: ax, y: ay, color: c.color, marker: Marker(c.marker, filled: false), showsLine: false))
        }
        axes.add(ReferenceLine(.horizontal, at: 1, dash: .dotted))
        let series = radialCurves.map { (label: "<i>φ</i> = \(SPBPlot.number($0.phi)) µm", color: $0.color, marker: $0.marker) }
        axes.legend = Legend(.best, extraEntries: SPBPlot.analyticLegend(series, formula: "Eq. 7"), includesArtists: false)
        return axes
    }

    /// (r, g2) of the rows with azimuth `phi`.
    static func rowsAt(_ t: DataTable, phi: Double) throws -> ([Double], [Double]) {
        let p = try t.numbers("phi_um"), r = try t.numbers("r_um"), g = try t.numbers("g2")
        let keep = p.indices.filter { p[$0] == phi }
        return (keep.map { r[$0] }, keep.map { g[$0] })
    }

    static let composite = CompositeSpec(id: "spb-3", title: "Physical mechanism: coupling, probabilities, g2(0) versus r (Fig. 3)",
                                         panelIDs: ["spb-3a", "spb-3b", "spb-3c", "spb-3d"], rows: 2, columns: 2,
                                         height: .panelAspect(0.7))
}
