import Foundation
import Optomechanics
import Plot

/// Fig. 2: E_N,r, T and |G_r|/ω_m versus Δ/Γ for the three cases (a, c, e), and their extrema
/// over detuning versus the particle's angle β for ε = η = Γ (b, d, f).
enum Figure2 {
    static let range = -3.0...3.0

    /// om-2a: E_N,r versus Δ/Γ.
    static let panelA = linePanel(
        id: "om-2a", quantity: .entanglementCW, title: "E_N,r versus Δ/Γ for the three cases",
        what: "Optomechanical entanglement E_N,r between the CW mode and the mechanics (Eq. 13)",
        knownDifferences: OMKnownDifferences.entanglement + [OMKnownDifferences.detuningAxis])

    /// om-2c: T versus Δ/Γ.
    static let panelC = linePanel(
        id: "om-2c", quantity: .transmission, title: "T versus Δ/Γ for the three cases",
        what: "Normalised transmission T (Eq. 14)", knownDifferences: [OMKnownDifferences.detuningAxis])

    /// om-2e: |G_r|/ω_m versus Δ/Γ.
    static let panelE = linePanel(
        id: "om-2e", quantity: .couplingCW, title: "|G_r|/ω_m versus Δ/Γ for the three cases",
        what: "Effective optomechanical coupling |G_r|/ω_m = √2 G0|α_r|/ω_m (Eq. 10)",
        knownDifferences: [OMKnownDifferences.detuningAxis])

    static func linePanel(id: String, quantity: LineQuantity, title: String, what: String,
                          knownDifferences: [String]) -> FigureSpec {
        FigureSpec.sweeping(
            id: id, title: title,
            summary: "\(what) versus Δ/Γ ∈ [−3, 3] for the ideal resonator (ε = η = 0), a defect alone (ε = Γ) and "
                + "defect plus nanoparticle (ε = η = Γ) at β_Im = π/8, each evaluated at Δ̃ = Δ + Δ_J. "
                + "Columns: series, Delta_over_Gamma, Delta_tilde_over_Gamma, \(quantity.column), stable.",
            sweep: DetuningLinePanel.sweep(quantity, range: range), knownDifferences: knownDifferences,
            finish: { result, ctx in
                let om = try OMSetup(ctx), cases = om.cases
                return FigureData(tables: [result.table], notes: try DetuningLinePanel.notes(result.table, quantity: quantity, series: cases),
                                  metadata: cases.map { (key: "Delta_J_over_Gamma_\($0.series)", value: "\($0.scatterers.detuningShift)") }
                                    + cases.map(\.legendMetadata))
            },
            plot: { data in try DetuningLinePanel.plot(try data.table(), quantity: quantity, series: OMCase.drawn(data), range: range) })
    }

    // MARK: β sweeps (b, d, f)

    static let betaColumn = "beta_rad"
    static let magnitudeColumn = "J1_over_Gamma"
    static let unstableColumn = "red_side_unstable_points"

    /// The β grid: 401 (final) or 61 (draft) points on [0, π/2]; both put β_Im on a grid point.
    static func betaGrid(_ q: Quality) -> [GridAxis] {
        [GridAxis(betaColumn, 0, Double.pi / 2, count: q.pick(final: 401, draft: 61))]
    }

    /// One β sweep point: its |J1|/Γ and its optimum over detuning.
    struct SweepPoint: Sendable {
        let beta: Double
        let magnitude: Double
        let optimum: DetuningOptimum
    }

    /// The optimum over detuning at every β for ε = η = Γ, plus the ideal and defect-only optima.
    static func betaSweep(_ ctx: ComputeContext) throws -> (points: [SweepPoint], ideal: DetuningOptimum, defect: DetuningOptimum, evaluations: Int) {
        let om = try OMSetup(ctx), model = om.model
        let betas = betaGrid(ctx.quality)[0].values
        let couplings = betas.map { model.coupling(OMInputs.scatterers(epsilon: om.epsilon, eta: om.eta, beta: $0)) }
        let (optima, evaluations) = OMSweeps.sharedByMagnitude(couplings, context: ctx) { OMSweeps.optimum(model, $0) }
        let points = (0..<betas.count).map { SweepPoint(beta: betas[$0], magnitude: couplings[$0].magnitude, optimum: optima[$0]) }
        return (points, OMSweeps.optimum(model, .none), OMSweeps.optimum(model, model.coupling(om.defect.scatterers)), evaluations)
    }

    static func sweepSpec(id: String, title: String, summary: String, knownDifferences: [String],
                          compute: @escaping @Sendable (ComputeContext) throws -> FigureData,
                          plot: @escaping @Sendable (FigureData) throws -> Axes) -> FigureSpec {
        FigureSpec(id: id, title: title, summary: summary, model: .om,
                   sweptInputs: ["beta_rad", "Delta_over_Gamma", "Delta_tilde_over_Gamma"],
                   parameters: [SpecParameter("red_side_max_Delta_tilde_over_Gamma", OMSweeps.search.redSideUpper)],
                   knownDifferences: knownDifferences, grid: betaGrid, compute: compute, plot: plot)
    }
}

extension Figure2 {
    static let sweepSummary = "over detuning (max over the stable red side Δ̃ ∈ (0, 8Γ], min over all Δ̃) versus the particle's "
        + "relative angle β ∈ [0, π/2], for ε = η = Γ."

    /// om-2b: max E_N,r and max E_N,l versus β, with the ideal and defect-only maxima and the revival ranges.
    static let panelB = sweepSpec(
        id: "om-2b", title: "max E_N,r and max E_N,l versus β",
        summary: "Maximum of E_N,r and E_N,l " + sweepSummary + " Dotted: the ideal and defect-only maxima of E_N,r (table "
            + "levels); shaded: the β ranges where max E_N,r beats the defect-only value (revival, table revival). "
            + "Columns: beta_rad, J1_over_Gamma, EN_r_max, Delta_tilde_at_EN_r_max_over_Gamma, EN_l_max, red_side_unstable_points.",
        knownDifferences: OMKnownDifferences.entanglement,
        compute: { ctx in
            let s = try betaSweep(ctx)
            let enr = s.points.map { OMTables.number($0.optimum.extremes.logNegativityCW?.value) }
            let betas = s.points.map(\.beta)
            let ideal = OMTables.number(s.ideal.extremes.logNegativityCW?.value)
            let defect = OMTables.number(s.defect.extremes.logNegativityCW?.value)
            let revival = OMLevels.ranges(betas, enr, above: defect)
            let main = try DataTable(columns: [
                DataColumn(betaColumn, betas), DataColumn(magnitudeColumn, s.points.map(\.magnitude)),
                DataColumn("EN_r_max", enr),
                DataColumn("Delta_tilde_at_EN_r_max_over_Gamma", s.points.map { OMTables.number($0.optimum.extremes.logNegativityCW?.location) }),
                DataColumn("EN_l_max", s.points.map { OMTables.number($0.optimum.extremes.logNegativityCCW?.value) }),
                DataColumn(unstableColumn, s.points.map { Double($0.optimum.stability.unstable) }),
            ])
            let revivalTable = try DataTable(name: "revival", columns: [
                DataColumn("beta_lower_rad", revival.map(\.lowerBound)), DataColumn("beta_upper_rad", revival.map(\.upperBound)),
            ])
            var notes = ["Ideal max E_N,r = \(OM.format(ideal)); defect-only (ε = Γ) max E_N,r = \(OM.format(defect)).",
                         "max E_N,r beats the defect-only value for β ∈ \(OMLevels.rangeText(revival)) rad, where |J1| < ε"
                            + ctx.paperQuote(" (analytically β ∈ (π/12, π/6) + nπ/4 for η = ε)") + "."]
            if ctx.inputs.isPaper, let low = enr.filter(\.isFinite).min(), low < defect {
                notes.append("The paper's text has max E_N,r oscillate between the defect-only and the ideal value; computed, it "
                             + "falls below the defect-only value wherever |J1| > ε (down to \(OM.format(low)) at |J1| = 2Γ, "
                             + "β = nπ/4): the particle then adds backscattering.")
            }
            notes += [OMSweeps.windowNote(s.points.map(\.optimum.stability), what: "β values"),
                      OMSweeps.maskedNote(enr, what: "β values", consequence: "have no stable red-side point (gaps)")].compactMap { $0 }
            notes.append(OMSweeps.sharingNote(evaluations: s.evaluations, points: betas.count))
            return FigureData(tables: [main, try OMLevels.levels("EN_r_max", ideal: ideal, defect: defect), revivalTable], notes: notes,
                              metadata: [(key: "EN_r_max_ideal", value: "\(ideal)"), (key: "EN_r_max_defect", value: "\(defect)")])
        },
        plot: { data in
            let t = try data.table(), betas = try t.numbers(betaColumn)
            let enr = try t.numbers("EN_r_max"), enl = try t.numbers("EN_l_max")
            let ideal = try OMTables.level(data, "ideal", column: "EN_r_max"), defect = try OMTables.level(data, "defect", column: "EN_r_max")
            var axes = Axes(x: OM.betaAxis(), y: OM.headroomAxis("max " + OM.entanglementCW + ", max " + OM.entanglementCCW,
                                                                dataMax: OM.finiteMax([enr, enl, [ideal]]), headroom: 1.9))
            let revival = try data.table("revival")
            let ranges = zip(try revival.numbers("beta_lower_rad"), try revival.numbers("beta_upper_rad")).map { $0...$1 }
            if !ranges.isEmpty { axes.add(Span(ranges: ranges, label: "revival", color: .named("blue"), opacity: 0.15)) }
            axes.add(Line(x: betas, y: enr, label: OM.entanglementCW, color: .named("blue"), dash: .solid))
            axes.add(Line(x: betas, y: enl, label: OM.entanglementCCW, color: .named("purple"), dash: .dashed))
            for line in OMLevels.lines(ideal: ideal, defect: defect) { axes.add(line) }
            axes.legend = Legend(.best)
            return axes
        })

    /// om-2d: min T versus β with the ideal and defect-only minima.
    static let panelD = sweepSpec(
        id: "om-2d", title: "min T versus β",
        summary: "Minimum of the transmission T " + sweepSummary + " Dotted: the ideal and defect-only minima (table levels). "
            + "Columns: beta_rad, J1_over_Gamma, T_min, Delta_tilde_at_T_min_over_Gamma.",
        knownDifferences: [],
        compute: { ctx in
            let s = try betaSweep(ctx)
            let main = try DataTable(columns: [
                DataColumn(betaColumn, s.points.map(\.beta)), DataColumn(magnitudeColumn, s.points.map(\.magnitude)),
                DataColumn("T_min", s.points.map(\.optimum.extremes.transmission.value)),
                DataColumn("Delta_tilde_at_T_min_over_Gamma", s.points.map(\.optimum.extremes.transmission.location)),
            ])
            let ideal = s.ideal.extremes.transmission.value, defect = s.defect.extremes.transmission.value
            let highest = s.points.map(\.optimum.extremes.transmission.value).max() ?? .nan
            let notes = ["Ideal min T = \(OM.format(ideal)) (critical coupling); defect-only (ε = Γ) min T = \(OM.format(defect)); "
                            + "min T reaches \(OM.format(highest)) at |J1| = 2Γ (β = nπ/4), above the defect-only value.",
                         "min T is over Δ̃ ∈ [−8Γ, 8Γ], stable or not: T (Eq. 14) is defined at every detuning.",
                         OMSweeps.sharingNote(evaluations: s.evaluations, points: s.points.count)]
            return FigureData(tables: [main, try OMLevels.levels("T_min", ideal: ideal, defect: defect)], notes: notes,
                              metadata: [(key: "T_min_ideal", value: "\(ideal)"), (key: "T_min_defect", value: "\(defect)")])
        },
        plot: { data in
            let t = try data.table()
            var axes = Axes(x: OM.betaAxis(), y: OM.valueAxis("min " + OM.transmission))
            axes.add(Line(x: try t.numbers(betaColumn), y: try t.numbers("T_min"), label: "min " + OM.transmission,
                          color: .named("blue"), dash: .solid))
            for line in OMLevels.lines(ideal: try OMTables.level(data, "ideal", column: "T_min"),
                                       defect: try OMTables.level(data, "defect", column: "T_min")) { axes.add(line) }
            axes.legend = Legend(.best)
            return axes
        })

    /// om-2f: max |G_r|/ω_m, max |G_l|/ω_m and |J1|/Γ versus β.
    static let panelF = sweepSpec(
        id: "om-2f", title: "max |G_r|/ω_m, max |G_l|/ω_m and |J1|/Γ versus β",
        summary: "Maximum of the effective couplings |G_r|/ω_m and |G_l|/ω_m " + sweepSummary
            + " Right axis: the backscattering rate |J1|/Γ (= |J2|/Γ). "
            + "Columns: beta_rad, J1_over_Gamma, G_r_max_over_omega_m, G_l_max_over_omega_m, red_side_unstable_points.",
        knownDifferences: [OMKnownDifferences.unstableWindows],
        compute: { ctx in
            let s = try betaSweep(ctx)
            let gr = s.points.map { OMTables.number($0.optimum.extremes.couplingCW?.value) }
            let main = try DataTable(columns: [
                DataColumn(betaColumn, s.points.map(\.beta)), DataColumn(magnitudeColumn, s.points.map(\.magnitude)),
                DataColumn("G_r_max_over_omega_m", gr),
                DataColumn("G_l_max_over_omega_m", s.points.map { OMTables.number($0.optimum.extremes.couplingCCW?.value) }),
                DataColumn(unstableColumn, s.points.map { Double($0.optimum.stability.unstable) }),
            ])
            let notes = [OMSweeps.windowNote(s.points.map(\.optimum.stability), what: "β values"),
                         OMSweeps.maskedNote(gr, what: "β values", consequence: "have no stable red-side point (gaps)"),
                         OMSweeps.sharingNote(evaluations: s.evaluations, points: s.points.count)].compactMap { $0 }
            return FigureData(tables: [main], notes: notes)
        },
        plot: { data in
            let t = try data.table(), betas = try t.numbers(betaColumn)
            let gr = try t.numbers("G_r_max_over_omega_m"), gl = try t.numbers("G_l_max_over_omega_m"), j1 = try t.numbers(magnitudeColumn)
            var axes = Axes(x: OM.betaAxis(), y: OM.headroomAxis("max |<i>G</i><sub>r,l</sub>|/<i>ω</i><sub>m</sub>", dataMax: OM.finiteMax([gr, gl])),
                            y2: OM.headroomAxis(OM.backscattering, dataMax: OM.finiteMax([j1])))
            axes.add(Line(x: betas, y: gr, label: "|<i>G</i><sub>r</sub>|", color: .named("blue"), dash: .solid))
            axes.add(Line(x: betas, y: gl, label: "|<i>G</i><sub>l</sub>|", color: .named("purple"), dash: .dashed))
            axes.add(Line(x: betas, y: j1, label: "|<i>J</i><sub>1</sub>| (right)", color: .named("darkgrey"), dash: .dotted, yAxis: .right))
            axes.legend = Legend(.upperCenter, columns: 3)
            return axes
        })
}
