import Foundation
import WGMNumerics
import Plot
import PhotonBlockade

/// Fig. 1 of the blockade paper: g2(τ) (b) and N_cw versus detuning (c) for the ideal cavity,
/// the cavity with its intrinsic scatterer, and with the nanotip at (r, φ) = (0.35, 0.27) µm.
enum BlockadeFigure1 {
    /// The three devices of Fig. 1, in drawing order (the tip at the set's (r, φ): (0.35, 0.27) µm).
    static func cases(_ spb: SPBSetup) -> [(SPBCase, CavityConfiguration)] {
        [(.ideal, .ideal), (.noTip, .noTip), (.tip, .tip(spb.tipPosition))]
    }

    // MARK: spb-1b

    /// Fock states per mode for g2(τ): g4(0) (shown in the notes) needs 5 for 1e-3.
    static let correlationCutoff = 5

    static func delayGrid(_ q: Quality) -> [GridAxis] { [GridAxis("tau_gamma1", 0, 10, count: SPBGrid.linePoints(q))] }

    static let panelB = FigureSpec(
        id: "spb-1b", title: "g2(τ) of the CW mode for the ideal cavity, no tip and tip",
        summary: """
            Second-order correlation g2(τ) of the CW mode versus τγ1 (quantum regression theorem on the \
            master equation, Eq. 4) at Δ = 0 for the ideal cavity (J = 0), the cavity with its intrinsic \
            scatterer (J = J0 = 1.8γ1) and with the nanotip at (r, φ) = (0.35, 0.27) µm. The table \
            'zero_delay' holds g2(0), g3(0), g4(0) and N_cw of each device.
            """,
        model: .spb, fixedInputs: [InputSetting("cutoff", Double(correlationCutoff))], sweptInputs: ["device", "tau_gamma1"],
        knownDifferences: [SPBKnownDifferences.criticalCoupling],
        grid: delayGrid, compute: computeB, plot: plotB)

    static func computeB(_ context: ComputeContext) throws -> FigureData {
        let spb = SPBSetup(context), devices = cases(spb)
        let taus = delayGrid(context.quality)[0].values
        let delays = taus.map { $0 / spb.gamma1 }
        let cutoffs = [spb.cutoff, spb.cutoff + 1]
        let solvers = try cutoffs.map { try SteadyStateSolver(cutoff: $0) }
        let jobs = devices.flatMap { c in solvers.map { (c.1, $0) } }
        let results: [Result<(BlockadeSteadyState, [Double]), Error>] = context.map(jobs.count) { i in
            Result {
                let state = try jobs[i].1.solve(try spb.setup(jobs[i].0).rates())
                return (state, try jobs[i].1.secondOrderCorrelation(state, delays: delays))
            }
        }
        var curves = TidyTableBuilder(numericColumns: ["tau_gamma1", "g2"])
        var zero = TidyTableBuilder(name: "zero_delay", numericColumns: ["g2_0", "g3_0", "g4_0", "N_cw"])
        var worst = 0.0
        var notes: [String] = []
        for (k, c) in devices.enumerated() {
            let coarse = results[2 * k], fine = results[2 * k + 1]
            guard case .success(let (state, g2)) = coarse else {
                if case .failure(let e) = coarse { notes.append("\(c.0.rawValue): g2(τ) not computed (\(e)); left empty.") }
                curves.append(c.0.rawValue, rows: taus.map { [$0, .nan] })
                zero.append(c.0.rawValue, [.nan, .nan, .nan, .nan])
                continue
            }
            curves.append(c.0.rawValue, rows: zip(taus, g2).map { [$0, $1] })
            let o = state.observables
            zero.append(c.0.rawValue, [o.g2, o.g3, o.g4, o.nCW])
            if case .success(let (s6, g6)) = fine {
                let pairs = zip(g2, g6).map { ($0, $1) } + [(o.g3, s6.observables.g3), (o.g4, s6.observables.g4)]
                for (a, b) in pairs { worst = max(worst, abs(a - b) / abs(b)) }
            }
        }
        notes += zeroDelayNotes(try zero.build(), spb: spb, context: context)
        return FigureData(tables: [try curves.build(), try zero.build()], notes: notes, metadata: [
            (key: "cutoff", value: "\(spb.cutoff)"),
            (key: "cutoff_check", value: String(format: "g2(τ), g3(0), g4(0) change by at most %.1e (relative) from %d to %d Fock states per mode",
                                                worst, spb.cutoff, spb.cutoff + 1)),
        ])
    }

    /// The computed zero-delay correlations beside the paper's quoted values.
    static func zeroDelayNotes(_ table: DataTable, spb: SPBSetup, context: ComputeContext) -> [String] {
        guard let series = try? table.labels("series"), let g2 = try? table.numbers("g2_0"),
              let g3 = try? table.numbers("g3_0"), let g4 = try? table.numbers("g4_0") else { return [] }
        var notes: [String] = []
        if let i = series.firstIndex(of: SPBCase.ideal.rawValue) {
            notes.append(String(format: "Ideal cavity: g2(0) = %.4f", g2[i]) + context.paperQuote(" (paper: ~0.009)") + ".")
        }
        if let i = series.firstIndex(of: SPBCase.noTip.rawValue) {
            notes.append(String(format: "No tip: g2(0) = %.3f (bunching; the blockade is lost).", g2[i]))
        }
        if let i = series.firstIndex(of: SPBCase.tip.rawValue) {
            notes.append(String(format: "Tip at (%.2f, %.2f) µm: g2(0) = %.4f, g3(0) = %.2e, g4(0) = %.2e", spb.tipRadius, spb.tipPhi,
                                g2[i], g3[i], g4[i]) + context.paperQuote(" (paper: ~0.012, ~3.6e-5, ~4.8e-8)") + ".")
        }
        return notes
    }

    static func plotB(_ data: FigureData) throws -> Axes {
        try SPBCase.curves(try data.table(), x: "tau_gamma1", y: "g2",
                           xAxis: Axis(label: SPBLabel.tauGamma1, limits: 0...10),
                           yAxis: Axis(label: SPBLabel.g2Tau, scale: .log), legend: .lowerRight)
    }

    // MARK: spb-1c

    /// Fock states per mode for N_cw(Δ): 4 changes N_cw by < 1e-7 against 5 (checked as computed).
    static let photonNumberCutoff = 4

    static func detuningGrid(_ q: Quality) -> [GridAxis] { [GridAxis("Delta_over_gamma1", -4, 4, count: SPBGrid.linePoints(q))] }

    static let panelC = FigureSpec(
        id: "spb-1c", title: "N_cw versus Δ/γ1 for the ideal cavity, no tip and tip",
        summary: """
            Mean CW photon number N_cw from the master equation (Eq. 4) versus the detuning Δ/γ1 for the \
            ideal cavity, the cavity with its intrinsic scatterer (normal modes at Δ = ±J0, the mode \
            splitting) and with the nanotip at (0.35, 0.27) µm (J ≈ 0: the single resonance returns).
            """,
        model: .spb, fixedInputs: [InputSetting("cutoff", Double(photonNumberCutoff))], sweptInputs: ["device", "Delta_over_gamma1"],
        knownDifferences: [SPBKnownDifferences.criticalCoupling],
        grid: detuningGrid, compute: computeC, plot: plotC)

    static func computeC(_ context: ComputeContext) throws -> FigureData {
        let spb = SPBSetup(context)
        let deltas = detuningGrid(context.quality)[0].values
        let points = cases(spb).flatMap { c in deltas.map { (c.0, spb.setup(c.1, detuning: $0)) } }
        let sweep = CheckedSweep(cutoff: spb.cutoff, checkStride: 8)
        let outcome = try sweep.run(context, rates: points.map { try? $0.1.rates() }) { [$0.nCW] }
        let n = outcome.values(\.nCW)
        var table = TidyTableBuilder(numericColumns: ["Delta_over_gamma1", "N_cw"])
        for (i, p) in points.enumerated() { table.append(p.0.rawValue, [deltas[i % deltas.count], n[i]]) }
        let report = sweep.report(outcome, watchedNames: "N_cw")
        return FigureData(tables: [try table.build()], notes: report.notes, metadata: report.metadata)
    }

    static func plotC(_ data: FigureData) throws -> Axes {
        try SPBCase.curves(try data.table(), x: "Delta_over_gamma1", y: "N_cw",
                           xAxis: Axis(label: SPBLabel.detuning, limits: -4...4),
                           yAxis: Axis(label: SPBLabel.nCW), legend: .upperRight)
    }

    static let composite = CompositeSpec(id: "spb-1", title: "Single-photon blockade against backscattering (Fig. 1)",
                                         cells: [CompositeCell("spb-1a", row: 0, column: 0, columnSpan: 2),
                                                 CompositeCell("spb-1b", row: 1, column: 0), CompositeCell("spb-1c", row: 1, column: 1)],
                                         rows: 2, columns: 2)
}
