import Foundation
import WGMNumerics
import Plot
import PhotonBlockade

/// Fig. 2 of the blockade paper: g2(0) and N_cw with the tip at r = 0.35 µm, over φ and χ/γ
/// (a, maps) and over φ for three Kerr strengths (b, curves).
enum BlockadeFigure2 {
    /// Fock states per mode: 5 keeps g2(0) within 1e-3 of 6 over the whole map (measured worst
    /// case 3.5e-4 at χ/γ = 0.1; 4 Fock states are off by 1.5e-2). Checked again as computed.
    static let cutoff = 5

    /// Kerr strengths of panel (b) with the paper's markers.
    static let curveKerrs: [(kerrOverGamma: Double, color: Paint, marker: MarkerShape)] = [
        (0.1, .named("blue"), .square), (0.5, .named("green"), .triangle), (3, .named("red"), .circle),
    ]

    static let parameters = [SpecParameter("chi", "(chi/gamma) * gamma, gamma = gamma1 + gamma_tip(r)")]
    static let fixed = [InputSetting("cutoff", Double(cutoff))]

    // MARK: spb-2a

    static func mapGrid(_ q: Quality) -> [GridAxis] {
        let n = SPBGrid.mapPoints(q)
        return [SPBGrid.phi(n), GridAxis("chi_over_gamma", 0.1, 10, count: n, spacing: .log)]
    }

    static let panelA = FigureSpec(
        id: "spb-2a", title: "g2(0) and N_cw over tip azimuth φ and Kerr strength χ/γ",
        summary: """
            g2(0) of the CW mode (log colour) from the master equation (Eq. 4) over the tip azimuth φ and \
            the Kerr strength χ/γ, tip at r = 0.35 µm, Δ = 0, J0 = 1.8γ1. The data also hold N_cw at every \
            point: the paper's second map, drawn beside this one in the whole figure spb-2 (view 'ncw'). \
            Dashed lines: φ = 0.27 µm (red, J = 0) and 0.21, 0.33 µm (grey, |J| = γ). The table 'claims' \
            holds the master equation and Eq. 7 at the points the text discusses.
            """,
        model: .spb, fixedInputs: fixed, sweptInputs: ["phi_um", "chi_over_gamma"], parameters: parameters,
        knownDifferences: [SPBKnownDifferences.photonNumberDependsOnKerr, SPBKnownDifferences.unconventional],
        grid: mapGrid, compute: computeA, plot: plotA, views: ["ncw": plotANCW])

    static func computeA(_ context: ComputeContext) throws -> FigureData {
        let axes = mapGrid(context.quality)
        let spb = SPBSetup(context)
        let phis = axes[0].values, kerrs = axes[1].values
        var points: [(phi: Double, kerr: Double)] = []
        for k in kerrs { for p in phis { points.append((p, k)) } }
        let rates = points.map { p in
            try? spb.setup(.tip(TipPosition(r: spb.tipRadius, phi: p.phi)), kerrOverGamma: p.kerr).rates()
        }
        let sweep = CheckedSweep(cutoff: spb.cutoff, checkStride: max(1, points.count / 120))
        let outcome = try sweep.run(context, rates: rates) { [$0.g2, $0.nCW] }
        let table = try DataTable(columns: [
            DataColumn("phi_um", points.map(\.phi)), DataColumn("chi_over_gamma", points.map(\.kerr)),
            DataColumn("g2", outcome.values(\.g2)), DataColumn("N_cw", outcome.values(\.nCW)),
        ])
        let report = sweep.report(outcome, watchedNames: "g2(0), N_cw")
        let claims = try claimsTable(spb)
        return FigureData(tables: [table, try markedPositions(), claims],
                          notes: report.notes + claimNotes(claims), metadata: report.metadata)
    }

    /// The azimuths marked by dashed lines: J = 0 (red) and |J| = γ (grey).
    static func markedPositions() throws -> DataTable {
        var b = TidyTableBuilder(name: "lines", numericColumns: ["phi_um"])
        b.append("J = 0", [SPBSetup.revivalPhi])
        for p in SPBSetup.unconventionalPhis { b.append("|J| = gamma", [p]) }
        return try b.build()
    }

    /// Master equation and Eq. 7 at the points of the paper's text (χ/γ = 0.1, 0.5, 3, 10 at φ = 0.21, 0.27, 0.33).
    static func claimsTable(_ spb: SPBSetup) throws -> DataTable {
        let solver = try SteadyStateSolver(cutoff: spb.cutoff)
        var b = TidyTableBuilder(name: "claims", numericColumns: ["phi_um", "chi_over_gamma", "g2", "g2_eq7", "N_cw"])
        for k in [0.1, 0.5, 3, 10] {
            for p in [SPBSetup.unconventionalPhis[0], SPBSetup.revivalPhi, SPBSetup.unconventionalPhis[1]] {
                let r = try spb.setup(.tip(TipPosition(r: spb.tipRadius, phi: p)), kerrOverGamma: k).rates()
                let o = try? solver.solve(r).observables
                b.append("master equation vs Eq. 7", [p, k, o?.g2 ?? .nan, WeakDriveApproximation(r).g2, o?.nCW ?? .nan])
            }
        }
        return try b.build()
    }

    /// Notes comparing the claims table with the paper's statements.
    static func claimNotes(_ t: DataTable) -> [String] {
        guard let phi = try? t.numbers("phi_um"), let k = try? t.numbers("chi_over_gamma"),
              let g2 = try? t.numbers("g2"), let eq7 = try? t.numbers("g2_eq7"), let n = try? t.numbers("N_cw") else { return [] }
        var notes: [String] = []
        for i in phi.indices where k[i] == 0.5 && phi[i] != SPBSetup.revivalPhi {
            notes.append(String(format: "χ/γ = 0.5, φ = %.2f µm: master equation g2(0) = %.3f, Eq. 7 gives %.3f.", phi[i], g2[i], eq7[i]))
        }
        let atRevival = phi.indices.filter { phi[$0] == SPBSetup.revivalPhi }
        if let lo = atRevival.map({ n[$0] }).min(), let hi = atRevival.map({ n[$0] }).max() {
            notes.append(String(format: "φ = 0.27 µm: N_cw ranges from %.4f to %.4f for χ/γ from 0.1 to 10.", lo, hi))
        }
        return notes
    }

    static func plotA(_ data: FigureData) throws -> Axes {
        try mapAxes(data, column: "g2", log: true, label: SPBLabel.g2Zero)
    }

    static func plotANCW(_ data: FigureData) throws -> Axes {
        try mapAxes(data, column: "N_cw", log: false, label: SPBLabel.nCW)
    }

    /// One of the two maps of panel (a) with the dashed azimuth lines.
    static func mapAxes(_ data: FigureData, column: String, log: Bool, label: String) throws -> Axes {
        let t = try data.table()
        let phi = try t.numbers("phi_um"), kerr = try t.numbers("chi_over_gamma")
        let values = try t.numbers(column)
        let xs = SPBPlot.distinct(phi), ys = SPBPlot.distinct(kerr)
        var axes = Axes(x: Axis(label: SPBLabel.phi, limits: 0...1),
                        y: Axis(label: SPBLabel.kerrOverGamma, scale: .log, limits: 0.1...10))
        let range = log ? SPBPlot.decadeRange(values) : nil
        axes.add(Heatmap(x: xs, y: ys, values: values, colormap: log ? .viridis : .magma, norm: log ? .log : .linear,
                         vmin: range?.0 ?? 0, vmax: range?.1, colorbar: Colorbar(label: label),
                         maskLabel: values.contains(where: \.isNaN) ? "not converged" : nil))
        try addAzimuthLines(&axes, data)
        if values.contains(where: \.isNaN) { axes.legend = Legend(.lowerRight, includesArtists: true) }
        return axes
    }

    /// The dashed lines of the table 'lines': J = 0 red, |J| = γ grey.
    static func addAzimuthLines(_ axes: inout Axes, _ data: FigureData) throws {
        let lines = try data.table("lines")
        for (label, p) in zip(try lines.labels("series"), try lines.numbers("phi_um")) {
            // On the map, whose colours are the same in every style: a fixed light grey, not the palette's.
            axes.add(ReferenceLine(.vertical, at: p, color: label == "J = 0" ? .named("red") : .color(Color(hex: "#D4D4D4")!), dash: .dashed))
        }
    }

    // MARK: spb-2b

    static func curveGrid(_ q: Quality) -> [GridAxis] { [SPBGrid.phi(SPBGrid.linePoints(q))] }

    static let panelB = FigureSpec(
        id: "spb-2b", title: "g2(0) and N_cw versus φ for χ/γ = 0.1, 0.5, 3",
        summary: """
            g2(0) (left axis, log, lines with markers) and N_cw (right axis, thin dashed) of the CW mode \
            from the master equation versus the tip azimuth φ at r = 0.35 µm, Δ = 0, for χ/γ = 0.1 \
            (squares), 0.5 (triangles) and 3 (circles). In the whole figure spb-2 the two quantities are \
            drawn in separate axes (views 'g2' and 'ncw').
            """,
        model: .spb, fixedInputs: fixed, sweptInputs: ["phi_um", "chi_over_gamma"],
        parameters: parameters + [SpecParameter("chi_over_gamma", "0.1, 0.5, 3")],
        knownDifferences: [SPBKnownDifferences.photonNumberDependsOnKerr, SPBKnownDifferences.unconventional],
        grid: curveGrid, compute: computeB, plot: plotB, views: ["g2": plotBG2, "ncw": plotBNCW])

    static func computeB(_ context: ComputeContext) throws -> FigureData {
        let spb = SPBSetup(context)
        let phis = curveGrid(context.quality)[0].values
        let points = curveKerrs.flatMap { k in phis.map { (kerr: k.kerrOverGamma, phi: $0) } }
        let rates = points.map { p in
            try? spb.setup(.tip(TipPosition(r: spb.tipRadius, phi: p.phi)), kerrOverGamma: p.kerr).rates()
        }
        let sweep = CheckedSweep(cutoff: spb.cutoff, checkStride: 8)
        let outcome = try sweep.run(context, rates: rates) { [$0.g2, $0.nCW] }
        let g2 = outcome.values(\.g2), n = outcome.values(\.nCW)
        var b = TidyTableBuilder(numericColumns: ["chi_over_gamma", "phi_um", "g2", "N_cw"])
        for (i, p) in points.enumerated() { b.append(kerrLabel(p.kerr), [p.kerr, p.phi, g2[i], n[i]]) }
        let report = sweep.report(outcome, watchedNames: "g2(0), N_cw")
        let claims = try claimsTable(spb)
        return FigureData(tables: [try b.build(), claims], notes: report.notes + claimNotes(claims), metadata: report.metadata)
    }

    static func kerrLabel(_ k: Double) -> String { "chi/gamma = \(SPBPlot.number(k))" }

    /// The curves of one quantity, one per Kerr strength; with `markers`, the paper's marker
    /// shapes on a staggered subset of the points (so that the three series' markers never coincide).
    static func curves(_ data: FigureData, column: String, yAxis: YAxisSide = .left, markers: Bool = true,
                       dash: Dash = .solid, width: Double? = nil) throws -> [Line] {
        let t = try data.table()
        return try curveKerrs.enumerated().flatMap { index, k -> [Line] in
            let rows = try t.rows(where: "series", equals: kerrLabel(k.kerrOverGamma))
            let x = try rows.numbers("phi_um"), y = try rows.numbers(column)
            var lines = [Line(x: x, y: y, color: k.color, width: width, dash: dash, yAxis: yAxis)]
            if markers {
                let picked = SPBPlot.staggered(count: x.count, markers: 20, phase: Double(index) / Double(curveKerrs.count))
                lines.append(Line(x: picked.map { x[$0] }, y: picked.map { y[$0] }, color: k.color,
                                  marker: Marker(k.marker, filled: false), showsLine: false, yAxis: yAxis))
            }
            return lines
        }
    }

    /// Legend entries of the Kerr strengths (line with the paper's marker).
    static var kerrEntries: [LegendEntry] {
        curveKerrs.map { k in
            .line(label: "<i>χ</i>/<i>γ</i> = \(SPBPlot.number(k.kerrOverGamma))", color: k.color, dash: .solid, width: nil,
                  marker: Marker(k.marker, filled: false))
        }
    }

    /// g2(0) on a log axis with head room above the curves for the legend.
    static let g2Axis = Axis(label: SPBLabel.g2Zero, scale: .log, limits: 1e-2...1e5)

    static func plotB(_ data: FigureData) throws -> Axes {
        var axes = Axes(x: Axis(label: SPBLabel.phi, limits: 0...1), y: g2Axis,
                        y2: Axis(label: SPBLabel.nCW, limits: 0...0.3))
        for l in try curves(data, column: "g2") { axes.add(l) }
        for l in try curves(data, column: "N_cw", yAxis: .right, markers: false, dash: .dashed) { axes.add(l) }
        axes.legend = Legend(.upperCenter, extraEntries: kerrEntries + [
            .line(label: SPBLabel.g2Zero + " (left)", color: .foreground, dash: .solid, width: nil, marker: nil),
            .line(label: SPBLabel.nCW + " (right)", color: .foreground, dash: .dashed, width: nil, marker: nil),
        ], includesArtists: false, columns: 2)
        return axes
    }

    static func plotBG2(_ data: FigureData) throws -> Axes {
        var axes = Axes(x: Axis(label: SPBLabel.phi, limits: 0...1), y: Axis(label: SPBLabel.g2Zero, scale: .log, limits: 1e-2...1e4))
        for l in try curves(data, column: "g2") { axes.add(l) }
        axes.add(ReferenceLine(.horizontal, at: 1, dash: .dotted))
        axes.legend = Legend(.upperCenter, extraEntries: kerrEntries, includesArtists: false, columns: 3)
        return axes
    }

    static func plotBNCW(_ data: FigureData) throws -> Axes {
        var axes = Axes(x: Axis(label: SPBLabel.phi, limits: 0...1), y: Axis(label: SPBLabel.nCW, limits: 0...0.2))
        for l in try curves(data, column: "N_cw") { axes.add(l) }
        axes.legend = Legend(.upperCenter, extraEntries: kerrEntries, includesArtists: false, columns: 3)
        return axes
    }

    static let composite = CompositeSpec(
        id: "spb-2", title: "g2(0) and N_cw over the tip azimuth and the Kerr strength (Fig. 2)",
        cells: [CompositeCell("spb-2a", row: 0, column: 0), CompositeCell("spb-2a", view: "ncw", row: 0, column: 1),
                CompositeCell("spb-2b", view: "g2", row: 1, column: 0), CompositeCell("spb-2b", view: "ncw", row: 1, column: 1)],
        rows: 2, columns: 2)
}
