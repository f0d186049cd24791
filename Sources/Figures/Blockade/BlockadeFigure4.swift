import Foundation
import WGMNumerics
import Plot
import PhotonBlockade

/// Fig. 4 of the blockade paper: the efficiency ℛ of Eq. 8 over the tip position (a) and versus
/// the intrinsic backscattering J0/γ1 with and without the tip (b).
enum BlockadeFigure4 {
    /// Fock states per mode: 4 keeps g2(0), hence ℛ, within 1e-4 of 5 at the paper's Kerr
    /// strength over the whole map (checked again as computed).
    static let cutoff = 4

    static let fixed = [InputSetting("cutoff", Double(cutoff))]

    /// g2(0) of the ideal reference of Eq. 8 (J = 0, γ = γ1, Δ = 0, the paper's χ and ξ), with
    /// its own truncation check; the same for every point of both panels.
    static func idealReference(_ spb: SPBSetup) throws -> (g2: Double, change: Double) {
        let rates = try spb.setup(.ideal, detuning: 0).rates()
        let a = try SteadyStateSolver(cutoff: spb.cutoff).solve(rates).observables.g2
        let b = try SteadyStateSolver(cutoff: spb.cutoff + 1).solve(rates).observables.g2
        return (a, abs(a - b) / abs(b))
    }

    // MARK: spb-4a

    static let panelA = FigureSpec(
        id: "spb-4a", title: "Efficiency ℛ over the tip position (J0 = 1.8γ1, Δ = 0)",
        summary: """
            The SPB-against-backscattering efficiency ℛ = max(0, (1 − g2_device)/(1 − g2_ideal)) of Eq. 8 \
            over the tip azimuth φ and radius r, J0 = 1.8γ1, Δ = 0, g2(0) from the master equation (Eq. 4). \
            Crosses: the J = 0 positions (l = 0, 1); the table 'optimum' holds ℛ computed exactly there.
            """,
        model: .spb, fixedInputs: fixed, sweptInputs: ["phi_um", "r_um", "device"],
        knownDifferences: [SPBKnownDifferences.criticalCoupling, SPBKnownDifferences.secondBranch],
        grid: SPBGrid.tipPositionMap, compute: computeA, plot: plotA)

    static func computeA(_ context: ComputeContext) throws -> FigureData {
        let spb = SPBSetup(context)
        let axes = SPBGrid.tipPositionMap(context.quality)
        let phis = axes[0].values, radii = axes[1].values
        var points: [TipPosition] = []
        for r in radii { for p in phis { points.append(TipPosition(r: r, phi: p)) } }
        let ideal = try idealReference(spb)
        let sweep = CheckedSweep(cutoff: spb.cutoff, checkStride: max(1, points.count / 120))
        let outcome = try sweep.run(context, rates: points.map { try? spb.setup(.tip($0)).rates() }) { [$0.g2, 1 - $0.g2] }
        let g2 = outcome.values(\.g2)
        let efficiency = g2.map { $0.isNaN ? .nan : BlockadeEfficiency.ratio(deviceG2: $0, idealG2: ideal.g2) }
        let table = try DataTable(columns: [
            DataColumn("phi_um", points.map(\.phi)), DataColumn("r_um", points.map(\.r)),
            DataColumn("R", efficiency), DataColumn("g2", g2),
        ])
        let optimum = try optimumTable(spb, idealG2: ideal.g2)
        let report = sweep.report(outcome, watchedNames: "g2(0), 1 − g2(0)")
        return FigureData(tables: [table, optimum], notes: report.notes + optimumNotes(optimum, idealG2: ideal.g2, context: context),
                          metadata: report.metadata + [
                              (key: "cutoff_ideal_reference", value: String(format: "ideal g2(0) = %.6f changes by %.1e from %d to %d Fock states",
                                                                             ideal.g2, ideal.change, spb.cutoff, spb.cutoff + 1)),
                          ])
    }

    /// ℛ at the exact J = 0 positions (l = 0, 1).
    static func optimumTable(_ spb: SPBSetup, idealG2: Double) throws -> DataTable {
        let solver = try SteadyStateSolver(cutoff: spb.cutoff)
        var b = TidyTableBuilder(name: "optimum", numericColumns: ["l", "r_um", "phi_um", "g2", "R"])
        for l in 0...1 {
            guard let p = try spb.zeroCouplingPosition(j0OverGamma1: spb.j0OverGamma1, branch: l) else { continue }
            let g2 = (try? solver.solve(try spb.setup(.tip(p)).rates()).observables.g2) ?? .nan
            b.append("J = 0", [Double(l), p.r, p.phi, g2, g2.isNaN ? .nan : BlockadeEfficiency.ratio(deviceG2: g2, idealG2: idealG2)])
        }
        return try b.build()
    }

    static func optimumNotes(_ t: DataTable, idealG2: Double, context: ComputeContext) -> [String] {
        guard let l = try? t.numbers("l"), let r = try? t.numbers("r_um"), let phi = try? t.numbers("phi_um"),
              let eff = try? t.numbers("R") else { return [] }
        return [String(format: "Ideal cavity g2(0) = %.5f.", idealG2)] + l.indices.map {
            String(format: "ℛ = %.2f%% at the J = 0 position r = %.3f µm, φ = %.3f µm (l = %d)%@.",
                   100 * eff[$0], r[$0], phi[$0], Int(l[$0]), l[$0] == 0 ? context.paperQuote("; paper: 99.7% at (0.35, 0.27) µm") : "")
        }
    }

    static func plotA(_ data: FigureData) throws -> Axes {
        let t = try data.table()
        let values = try t.numbers("R")
        var axes = Axes(x: Axis(label: SPBLabel.phi, limits: 0...1), y: Axis(label: SPBLabel.r, limits: 0...0.8))
        axes.add(Heatmap(x: SPBPlot.distinct(try t.numbers("phi_um")), y: SPBPlot.distinct(try t.numbers("r_um")),
                         values: values, colormap: .viridis, vmin: 0, vmax: 1,
                         colorbar: Colorbar(label: SPBLabel.efficiency),
                         maskLabel: values.contains(where: \.isNaN) ? "not converged" : nil))
        let optimum = try data.table("optimum")
        axes.add(Line(x: try optimum.numbers("phi_um"), y: try optimum.numbers("r_um"), color: .black,
                      marker: Marker(.cross, size: 5), showsLine: false))
        if values.contains(where: \.isNaN) { axes.legend = Legend(.lowerRight) }
        return axes
    }

    // MARK: spb-4b

    static func curveGrid(_ q: Quality) -> [GridAxis] {
        [GridAxis("J0_over_gamma1", 0, 3, count: SPBGrid.linePoints(q)), GridAxis("J0_over_gamma1", 0, 3, count: SPBGrid.markerPoints(q))]
    }

    static let withTip = "with tip", withoutTip = "without tip"

    static let panelB = FigureSpec(
        id: "spb-4b", title: "Efficiency ℛ versus J0/γ1 with and without the tip",
        summary: """
            ℛ of Eq. 8 versus the intrinsic backscattering J0/γ1 (Δ = 0), with the tip at its J = 0 \
            position for each J0 (branch l = 0; at J0 = 0 that position is at r → ∞, the ideal cavity) and \
            without the tip: curves from the master equation, open markers from Eq. 7 (device and ideal \
            g2(0) both from Eq. 7). The table 'tip_position' holds the tip position used for each J0.
            """,
        model: .spb, fixedInputs: fixed, sweptInputs: ["J0_over_gamma1", "device", "r_um", "phi_um"],
        knownDifferences: [SPBKnownDifferences.criticalCoupling, SPBKnownDifferences.strongDrive],
        grid: curveGrid, compute: computeB, plot: plotB)

    static func computeB(_ context: ComputeContext) throws -> FigureData {
        let spb = SPBSetup(context)
        let grids = curveGrid(context.quality)
        let js = grids[0].values, markerJs = grids[1].values
        let ideal = try idealReference(spb)
        let devices: [(String, (Double) throws -> BlockadeSetup)] = [
            (withTip, { try spb.tipAtZeroCoupling(j0OverGamma1: $0) }),
            (withoutTip, { spb.setup(.noTip, j0OverGamma1: $0) }),
        ]
        let points = devices.flatMap { d in js.map { (d, $0) } }
        let sweep = CheckedSweep(cutoff: spb.cutoff, checkStride: 8)
        let outcome = try sweep.run(context, rates: points.map { try? $0.0.1($0.1).rates() }) { [$0.g2, 1 - $0.g2] }
        let g2 = outcome.values(\.g2)
        var b = TidyTableBuilder(numericColumns: ["J0_over_gamma1", "R", "g2"])
        for (i, p) in points.enumerated() {
            let eff = g2[i].isNaN ? .nan : BlockadeEfficiency.ratio(deviceG2: g2[i], idealG2: ideal.g2)
            b.append(p.0.0, [p.1, eff, g2[i]])
        }
        let idealEq7 = WeakDriveApproximation(try spb.setup(.ideal, detuning: 0).rates()).g2
        for d in devices {
            for j in markerJs {
                let g = WeakDriveApproximation(try d.1(j).rates()).g2
                b.append("\(d.0), Eq. 7", [j, BlockadeEfficiency.ratio(deviceG2: g, idealG2: idealEq7), g])
            }
        }
        let table = try b.build()
        let report = sweep.report(outcome, watchedNames: "g2(0), 1 − g2(0)")
        return FigureData(tables: [table, try tipPositionTable(spb, js)], notes: report.notes + efficiencyNotes(table, context: context),
                          metadata: report.metadata + [
                              (key: "cutoff_ideal_reference", value: String(format: "ideal g2(0) = %.6f changes by %.1e from %d to %d Fock states",
                                                                             ideal.g2, ideal.change, spb.cutoff, spb.cutoff + 1)),
                          ])
    }

    /// The tip's J = 0 position (l = 0) for each J0 > 0.
    static func tipPositionTable(_ spb: SPBSetup, _ js: [Double]) throws -> DataTable {
        var b = TidyTableBuilder(name: "tip_position", numericColumns: ["J0_over_gamma1", "r_um", "phi_um"])
        for j in js {
            guard let p = try spb.zeroCouplingPosition(j0OverGamma1: j) else { continue }
            b.append(withTip, [j, p.r, p.phi])
        }
        return try b.build()
    }

    /// Where ℛ without the tip first reaches 0, and ℛ with the tip at J0 = 1.8γ1.
    static func efficiencyNotes(_ t: DataTable, context: ComputeContext) -> [String] {
        guard let without = try? t.rows(where: "series", equals: withoutTip), let with = try? t.rows(where: "series", equals: withTip),
              let jw = try? without.numbers("J0_over_gamma1"), let rw = try? without.numbers("R"),
              let jt = try? with.numbers("J0_over_gamma1"), let rt = try? with.numbers("R") else { return [] }
        var notes: [String] = []
        if let k = rw.indices.first(where: { rw[$0] == 0 }) {
            notes.append(String(format: "Without the tip ℛ reaches 0 at J0/γ1 = %.3f", jw[k]) + context.paperQuote(" (paper: 0 near 1.8)") + ".")
        }
        if let k = jt.indices.min(by: { abs(jt[$0] - 1.8) < abs(jt[$1] - 1.8) }) {
            notes.append(String(format: "With the tip ℛ = %.2f%% at J0/γ1 = %.3f", 100 * rt[k], jt[k]) + context.paperQuote(" (paper: 99.7%)") + ".")
        }
        return notes
    }

    static func plotB(_ data: FigureData) throws -> Axes {
        let t = try data.table()
        var axes = Axes(x: Axis(label: SPBLabel.j0, limits: 0...3), y: Axis(label: SPBLabel.efficiency, limits: -0.03...1.05))
        let styles: [(String, Paint, MarkerShape)] = [(withTip, .named("red"), .circle), (withoutTip, .named("blue"), .square)]
        for (name, color, shape) in styles {
            let curve = try t.rows(where: "series", equals: name), marks = try t.rows(where: "series", equals: "\(name), Eq. 7")
            axes.add(Line(x: try curve.numbers("J0_over_gamma1"), y: try curve.numbers("R"), label: name, color: color, dash: .solid))
            axes.add(Line(x: try marks.numbers("J0_over_gamma1"), y: try marks.numbers("R"), color: color,
                          marker: Marker(shape, filled: false), showsLine: false))
        }
        axes.legend = Legend(.lowerLeft, extraEntries: SPBPlot.analyticLegend(styles.map { (label: $0.0, color: $0.1, marker: $0.2) }, formula: "Eq. 7"), includesArtists: false)
        return axes
    }

    static let composite = CompositeSpec(id: "spb-4", title: "Robust SPB for different backscattering strengths (Fig. 4)",
                                         panelIDs: ["spb-4a", "spb-4b"], rows: 1, columns: 2)
}
