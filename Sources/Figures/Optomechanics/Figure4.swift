import Foundation
import WGMNumerics
import Optomechanics
import Plot

/// Fig. 4: max E_N,r (a) and min T (b) over detuning versus β and η/ε for ε = Γ, with a dashed
/// contour at the defect-only value (inside it: revival from backscattering).
enum Figure4 {
    static let betaColumn = "beta_rad"
    static let etaColumn = "eta_over_eps"
    static let magnitudeColumn = "J1_over_Gamma"

    /// The 201 × 201 (final) or 33 × 33 (draft) grid: β ∈ [0, π/2] by η/ε ∈ [0, 2].
    static func grid(_ q: Quality) -> [GridAxis] {
        let n = q.pick(final: 201, draft: 33)
        return [GridAxis(betaColumn, 0, Double.pi / 2, count: n), GridAxis(etaColumn, 0, 2, count: n)]
    }

    /// The grid's couplings (ε from the inputs, Γ in the paper), x (β) fastest.
    static func couplings(_ om: OMSetup, _ betas: [Double], _ etas: [Double]) -> [BackscatteringCoupling] {
        etas.flatMap { eta in betas.map { om.model.coupling(.defectAndParticle(epsilon: om.epsilon, eta: eta * om.epsilon, beta: $0)) } }
    }

    static let parameters = [SpecParameter("red_side_max_Delta_tilde_over_Gamma", OMSweeps.search.redSideUpper)]
    static let swept = ["beta_rad", "eta_over_eps", "eta_over_Gamma", "Delta_over_Gamma", "Delta_tilde_over_Gamma"]

    /// One grid point of om-4a: the maximum and the red side's stability.
    struct MaximumPoint: Sendable {
        let maximum: Extremum?
        let stability: RedSideStability
    }

    /// om-4a: max E_N,r versus β and η/ε.
    static let panelA = FigureSpec(
        id: "om-4a", title: "max E_N,r versus β and η/ε",
        summary: "Maximum of E_N,r over the stable red side Δ̃ ∈ (0, 8Γ] versus the particle's angle β ∈ [0, π/2] and size "
            + "η/ε ∈ [0, 2], for ε = Γ. Dashed: the defect-only value (table levels); inside it E_N,r revives. "
            + "Columns: beta_rad, eta_over_eps, J1_over_Gamma, EN_r_max, Delta_tilde_at_EN_r_max_over_Gamma, red_side_unstable_points.",
        model: .om, sweptInputs: swept, parameters: parameters, knownDifferences: OMKnownDifferences.entanglement,
        height: .panelAspect(0.8), grid: grid,
        compute: { ctx in
            let om = try OMSetup(ctx), model = om.model
            let axes = grid(ctx.quality), betas = axes[0].values, etas = axes[1].values
            let cs = couplings(om, betas, etas)
            let (points, evaluations) = OMSweeps.sharedByMagnitude(cs, context: ctx) { c in
                MaximumPoint(maximum: model.maximumLogNegativityCW(coupling: c, search: OMSweeps.search),
                             stability: OMSweeps.redSideStability(model, c))
            }
            let values = points.map { OMTables.number($0.maximum?.value) }
            let defect = OMTables.number(model.maximumLogNegativityCW(coupling: model.coupling(om.defect.scatterers),
                                                                      search: OMSweeps.search)?.value)
            let ideal = OMTables.number(model.maximumLogNegativityCW(coupling: .none, search: OMSweeps.search)?.value)
            let main = try OMTables.grid(x: (betaColumn, betas), y: (etaColumn, etas), values: [
                (magnitudeColumn, cs.map(\.magnitude)), ("EN_r_max", values),
                ("Delta_tilde_at_EN_r_max_over_Gamma", points.map { OMTables.number($0.maximum?.location) }),
                ("red_side_unstable_points", points.map { Double($0.stability.unstable) }),
            ])
            var notes = [revivalNote(values, cs, level: defect, quantity: "max E_N,r", beats: >)]
            notes += [OMSweeps.windowNote(points.map(\.stability), what: "grid points"),
                      OMSweeps.maskedNote(values, consequence: "have no stable red-side point and are masked")].compactMap { $0 }
            notes.append(OMSweeps.sharingNote(evaluations: evaluations, points: values.count))
            return FigureData(tables: [main, try OMLevels.levels("EN_r_max", ideal: ideal, defect: defect)], notes: notes,
                              metadata: [(key: "EN_r_max_defect", value: "\(defect)"), (key: "EN_r_max_ideal", value: "\(ideal)")])
        },
        plot: { data in try plot(data, value: "EN_r_max", label: "max " + OM.entanglementCW) })

    /// om-4b: min T versus β and η/ε.
    static let panelB = FigureSpec(
        id: "om-4b", title: "min T versus β and η/ε",
        summary: "Minimum of T over Δ̃ ∈ [−8Γ, 8Γ] versus the particle's angle β ∈ [0, π/2] and size η/ε ∈ [0, 2], for ε = Γ. "
            + "Dashed: the defect-only value (table levels); inside it the transmission dip revives. "
            + "Columns: beta_rad, eta_over_eps, J1_over_Gamma, T_min, Delta_tilde_at_T_min_over_Gamma.",
        model: .om, sweptInputs: swept, parameters: parameters, height: .panelAspect(0.8), grid: grid,
        compute: { ctx in
            let om = try OMSetup(ctx), model = om.model
            let axes = grid(ctx.quality), betas = axes[0].values, etas = axes[1].values
            let cs = couplings(om, betas, etas)
            let (minima, evaluations) = OMSweeps.sharedByMagnitude(cs, context: ctx) {
                model.minimumTransmission(coupling: $0, search: OMSweeps.search)
            }
            let values = minima.map(\.value)
            let defect = model.minimumTransmission(coupling: model.coupling(om.defect.scatterers), search: OMSweeps.search).value
            let ideal = model.minimumTransmission(coupling: .none, search: OMSweeps.search).value
            let main = try OMTables.grid(x: (betaColumn, betas), y: (etaColumn, etas), values: [
                (magnitudeColumn, cs.map(\.magnitude)), ("T_min", values), ("Delta_tilde_at_T_min_over_Gamma", minima.map(\.location)),
            ])
            let notes = [revivalNote(values, cs, level: defect, quantity: "min T", beats: <),
                         "min T is over Δ̃ ∈ [−8Γ, 8Γ], stable or not: T (Eq. 14) is defined at every detuning.",
                         OMSweeps.sharingNote(evaluations: evaluations, points: values.count)]
            return FigureData(tables: [main, try OMLevels.levels("T_min", ideal: ideal, defect: defect)], notes: notes,
                              metadata: [(key: "T_min_defect", value: "\(defect)"), (key: "T_min_ideal", value: "\(ideal)")])
        },
        plot: { data in try plot(data, value: "T_min", label: "min " + OM.transmission) })

    /// "max E_N,r beats the defect-only value on K of N grid points; all have |J1| < ε".
    static func revivalNote(_ values: [Double], _ cs: [BackscatteringCoupling], level: Double, quantity: String,
                            beats: (Double, Double) -> Bool) -> String {
        let better = values.indices.filter { values[$0].isFinite && beats(values[$0], level) }
        let outside = better.filter { cs[$0].magnitude >= 1 }.count
        return "\(quantity) beats the defect-only value \(OM.format(level)) on \(better.count) of \(values.count) grid points; "
            + "\(outside) of them have |J1| ≥ ε (revival needs |J1| < ε, hence η < 2ε)."
    }

    /// Heatmap (viridis, unstable cells masked) with the dashed defect-only contour.
    static func plot(_ data: FigureData, value: String, label: String) throws -> Axes {
        let field = try OMTables.field(try data.table(), x: betaColumn, y: etaColumn, value: value)
        let level = try OMTables.level(data, "defect", column: value)
        var axes = Axes(x: OM.betaAxis(), y: OM.axis(OM.etaOverEpsilonLabel, 0...2, step: 0.5))
        axes.add(Heatmap(x: field.xs, y: field.ys, values: field.values, colormap: .viridis,
                         colorbar: Colorbar(label: label)))
        // The boundary of the revival region {value beats level}. The η = 0 row equals the level
        // by construction (no particle: the defect alone); the contour skips that degenerate edge.
        axes.add(Contour(x: field.xs, y: field.ys, values: field.values, levels: [level], label: "defect only",
                         color: .black, dash: .dashed))
        axes.legend = Legend(.upperCenter)
        MaskAnnotation.add(to: &axes, field: field)
        return axes
    }
}
