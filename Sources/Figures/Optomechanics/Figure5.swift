import Foundation
import Optomechanics
import Plot

/// Fig. 5: E_N,r (a, b) and T (c, d) versus Δ/Γ with N = 2 (a, c) and N = 3 (b, d) random
/// defects (Σ ε_j = 2Γ, seeded), without and with the compensating particle η = ε′, β = β′ + π/8.
enum Figure5 {
    /// Δ/Γ ∈ [−5, 3]: wide enough for the compensated curves, shifted by Δ_J = 2Γ + ε′ (up to 4Γ).
    static let range = -5.0...3.0
    static let totalStrength = 2.0

    static let panelA = spec(id: "om-5a", quantity: .entanglementCW, count: 2)
    static let panelB = spec(id: "om-5b", quantity: .entanglementCW, count: 3)
    static let panelC = spec(id: "om-5c", quantity: .transmission, count: 2)
    static let panelD = spec(id: "om-5d", quantity: .transmission, count: 3)

    /// The drawn defects (fixed seed) and the particle that cancels them.
    static func scatterers(count: Int, m: Int) -> (defects: [Defect], equivalent: Defect, particle: Nanoparticle) {
        let defects = RandomDefects.draw(count: count, totalStrength: totalStrength, seed: RandomDefects.figureSeed)
        let s = Scatterers(defects: defects)
        return (defects, s.equivalentDefect(azimuthalNumber: m), s.compensatingParticle(azimuthalNumber: m))
    }

    /// Ideal, defects only, defects + compensating particle.
    static func series(_ om: OMSetup, count: Int) -> [OMCase] {
        let d = scatterers(count: count, m: om.m)
        let defects = OMCase.style("defects"), compensated = OMCase.style("compensated")
        return [
            om.ideal,
            OMCase(series: "defects", legend: "\(count) defects", scatterers: Scatterers(defects: d.defects),
                   color: defects.color, dash: defects.dash),
            OMCase(series: "compensated", legend: "immune", scatterers: Scatterers(defects: d.defects, particle: d.particle),
                   color: compensated.color, dash: compensated.dash),
        ]
    }

    static func spec(id: String, quantity: LineQuantity, count: Int) -> FigureSpec {
        let what = quantity == .entanglementCW ? "Optomechanical entanglement E_N,r (Eq. 13)" : "Normalised transmission T (Eq. 14)"
        return FigureSpec(
            id: id, title: "\(quantity.column) versus Δ/Γ with \(count) random defects",
            summary: "\(what) versus Δ/Γ ∈ [−5, 3] with N = \(count) defects drawn at random (Σ ε_j = 2Γ, seed "
                + "\(RandomDefects.figureSeed)): ideal resonator, defects only, and defects plus a particle η = ε′ at "
                + "β = β′ + π/8 (J1 = J2 = 0). Each case at Δ̃ = Δ + Δ_J, Δ_J = Re(Σ ε_j + η). "
                + "Columns: series, Delta_over_Gamma, Delta_tilde_over_Gamma, \(quantity.column), stable.",
            model: .om, sweptInputs: ["Delta_over_Gamma", "Delta_tilde_over_Gamma", "eps_over_Gamma", "eta_over_Gamma",
                                      "eta_over_eps", "beta_rad"],
            parameters: [SpecParameter("defect_count", count), SpecParameter("sum_eps_over_Gamma", totalStrength),
                         SpecParameter("seed", "\(RandomDefects.figureSeed)")],
            knownDifferences: (quantity == .entanglementCW ? [OMKnownDifferences.driftMatrix, OMKnownDifferences.diffusion] : [])
                + [OMKnownDifferences.detuningAxis,
                   "The paper does not give its random ε_j, β_j; these are drawn with a fixed seed and listed in the metadata."],
            grid: { DetuningLinePanel.grid($0, range: range) },
            compute: { ctx in try compute(ctx, quantity: quantity, count: count) },
            plot: { data in try DetuningLinePanel.plot(try data.table(), quantity: quantity, series: OMCase.drawn(data), range: range) })
    }

    static func compute(_ ctx: ComputeContext, quantity: LineQuantity, count: Int) throws -> FigureData {
        let om = try OMSetup(ctx), model = om.model
        let all = series(om, count: count)
        let (table, lineNotes) = try DetuningLinePanel.compute(ctx, model: model, quantity: quantity, series: all, range: range)
        let d = scatterers(count: count, m: om.m)
        let compensated = all[2].scatterers
        let residual = model.coupling(compensated).magnitude
        // The compensated curve against the ideal one at the same Δ̃ (it should coincide).
        let rows = try table.rows(where: "series", equals: "compensated")
        let tildes = try rows.numbers(DetuningLinePanel.deltaTildeColumn), values = try rows.numbers(quantity.column)
        let deviation = zip(tildes, values).map { t, v in
            abs(v - quantity.value(model.point(coupling: .none, detuningOverGamma: t)))
        }.filter { !$0.isNaN }.max() ?? 0
        var metadata: [(key: String, value: String)] = [(key: "seed", value: "\(RandomDefects.figureSeed)")]
        for (j, defect) in d.defects.enumerated() {
            metadata += [(key: "eps_\(j + 1)_over_Gamma", value: "\(defect.strength)"), (key: "beta_\(j + 1)_rad", value: "\(defect.angle)")]
        }
        metadata += [(key: "eps_prime_over_Gamma", value: "\(d.equivalent.strength)"), (key: "beta_prime_rad", value: "\(d.equivalent.angle)"),
                     (key: "particle_eta_over_Gamma", value: "\(d.particle.strength)"), (key: "particle_beta_rad", value: "\(d.particle.angle)"),
                     (key: "J1_compensated_over_Gamma", value: "\(residual)")]
        metadata += all.map { (key: "Delta_J_over_Gamma_\($0.series)", value: "\($0.scatterers.detuningShift)") }
        metadata += all.map(\.legendMetadata)
        let drawn = d.defects.enumerated().map { String(format: "ε%d = %.4fΓ at β%d = %.4f rad", $0 + 1, $1.strength, $0 + 1, $1.angle) }
        let notes = ["Drawn with seed \(RandomDefects.figureSeed): " + drawn.joined(separator: ", ") + String(
                        format: "; equivalent single defect ε′ = %.4fΓ, β′ = %.4f rad; particle η = ε′ at β = β′ + π/8 = %.4f rad.",
                        d.equivalent.strength, d.equivalent.angle, d.particle.angle),
                     String(format: "With the particle |J1| = %.1e Γ: the compensated curve is the ideal one shifted by Δ_J = Σε_j + η = %.4fΓ "
                            + "on the Δ axis; at equal Δ̃ the two differ by at most %.1e.",
                            residual, compensated.detuningShift, deviation)]
        return FigureData(tables: [table], notes: (notes + lineNotes).map(OM.minus), metadata: metadata)
    }
}
