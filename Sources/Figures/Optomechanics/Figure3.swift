import Foundation
import Optomechanics
import Plot

/// Fig. 3: E_N,r (a, b), E_N,l (c, d) and T (e, f) as heatmaps over β and Δ/Γ for ε = η = Γ
/// (a, c, e; dotted at β_Im) and over β and ε/Γ with η = ε at a fixed Δ̃ (b, d, f).
enum Figure3 {
    /// A heatmap quantity.
    enum Quantity: Sendable {
        case entanglementCW, entanglementCCW, transmission

        var column: String {
            switch self { case .entanglementCW: "EN_r"; case .entanglementCCW: "EN_l"; case .transmission: "T" }
        }
        var label: String {
            switch self { case .entanglementCW: OM.entanglementCW; case .entanglementCCW: OM.entanglementCCW; case .transmission: OM.transmission }
        }
        var name: String {
            switch self {
            case .entanglementCW: "Optomechanical entanglement E_N,r (CW mode and mechanics, Eq. 13)"
            case .entanglementCCW: "Optomechanical entanglement E_N,l (CCW mode and mechanics, Eq. 13)"
            case .transmission: "Normalised transmission T (Eq. 14)"
            }
        }
        /// The value at a point: E_N only where stable (NaN otherwise); T everywhere.
        func value(_ p: OptomechanicalPoint) -> Double {
            switch self {
            case .entanglementCW: OMTables.number(p.logNegativityCW)
            case .entanglementCCW: OMTables.number(p.logNegativityCCW)
            case .transmission: p.transmission
            }
        }
        var knownDifferences: [String] { self == .transmission ? [] : OMKnownDifferences.entanglement }
    }

    static let betaColumn = "beta_rad"
    static let deltaColumn = "Delta_over_Gamma"
    static let deltaTildeColumn = "Delta_tilde_over_Gamma"
    static let epsilonColumn = "eps_over_Gamma"
    static let optimalDetuning = 0.85

    static let panelA = detuningMap(id: "om-3a", quantity: .entanglementCW)
    static let panelB = strengthMap(id: "om-3b", quantity: .entanglementCW, deltaTilde: optimalDetuning)
    static let panelC = detuningMap(id: "om-3c", quantity: .entanglementCCW)
    static let panelD = strengthMap(id: "om-3d", quantity: .entanglementCCW, deltaTilde: optimalDetuning)
    static let panelE = detuningMap(id: "om-3e", quantity: .transmission)
    static let panelF = strengthMap(id: "om-3f", quantity: .transmission, deltaTilde: 0)

    /// The 201 × 201 (final) or 33 × 33 (draft) grid: β ∈ [0, π/2] by y.
    static func grid(_ q: Quality, y: String, range: ClosedRange<Double>) -> [GridAxis] {
        let n = q.pick(final: 201, draft: 33)
        return [GridAxis(betaColumn, 0, Double.pi / 2, count: n), GridAxis(y, range.lowerBound, range.upperBound, count: n)]
    }

    /// A heatmap over β and Δ/Γ ∈ [−3, 3] for ε = η = Γ, evaluated at Δ̃ = Δ + Δ_J (Δ_J = 2Γ).
    static func detuningMap(id: String, quantity: Quantity) -> FigureSpec {
        FigureSpec.sweeping(
            id: id, title: "\(quantity.column) versus β and Δ/Γ",
            summary: "\(quantity.name) versus the particle's relative angle β ∈ [0, π/2] and Δ/Γ ∈ [−3, 3], for ε = η = Γ, "
                + "evaluated at Δ̃ = Δ + Δ_J with Δ_J = ε + η = 2Γ. White dotted: β_Im = π/8, 3π/8 (table immune_angles). "
                + "Columns: beta_rad, Delta_over_Gamma, Delta_tilde_over_Gamma, \(quantity.column).",
            sweep: detuningSweep(quantity),
            knownDifferences: quantity.knownDifferences + [OMKnownDifferences.detuningAxis], height: .panelAspect(0.8),
            finish: { result, ctx in
                let om = try OMSetup(ctx)
                let shift = OMInputs.scatterers(epsilon: om.epsilon, eta: om.eta, beta: 0).detuningShift
                let angles = try DataTable(name: "immune_angles", columns: [DataColumn(betaColumn, om.immuneAngles)])
                return FigureData(tables: [result.table, angles],
                                  notes: [OMSweeps.maskedNote(try result.table.numbers(quantity.column))].compactMap { $0 },
                                  metadata: [(key: "Delta_J_over_Gamma", value: "\(shift)")])
            },
            plot: { data in
                var axes = try plot(data, quantity: quantity, y: deltaColumn, yAxis: OM.axis(OM.deltaLabel, -3...3, step: 1))
                for beta in try data.table("immune_angles").numbers(betaColumn) {
                    axes.add(ReferenceLine(.vertical, at: beta, color: .white, dash: .dotted))
                }
                return axes
            })
    }

    /// The sweep over β ∈ [0, π/2] (x) and Δ/Γ ∈ [−3, 3] (y) at Δ̃ = Δ + Δ_J; outputs Δ̃/Γ and the quantity.
    static func detuningSweep(_ quantity: Quantity) -> SweepSpec {
        do {
            return try SweepSpec(model: .om, axes: [SweepAxis(betaColumn, 0, Double.pi / 2, final: 201, draft: 33),
                                                    SweepAxis(deltaColumn, -3, 3, final: 201, draft: 33)],
                                 outputs: [deltaTildeColumn, quantity.column])
        } catch { preconditionFailure("the Fig. 3 sweep is valid: \(error)") }
    }

    /// A heatmap over β and ε/Γ ∈ [0, 2] with η = ε, at fixed Δ̃/Γ.
    static func strengthMap(id: String, quantity: Quantity, deltaTilde: Double) -> FigureSpec {
        FigureSpec(
            id: id, title: "\(quantity.column) versus β and ε/Γ at Δ̃ = \(deltaTilde)Γ",
            summary: "\(quantity.name) versus the particle's relative angle β ∈ [0, π/2] and the backscattering strength "
                + "ε/Γ ∈ [0, 2] with η = ε, at Δ̃ = \(deltaTilde)Γ. Columns: beta_rad, eps_over_Gamma, \(quantity.column).",
            model: .om, fixedInputs: [InputSetting("eta_over_eps", 1), InputSetting("Delta_tilde_over_Gamma", deltaTilde)],
            sweptInputs: ["beta_rad", "eps_over_Gamma", "eta_over_Gamma"],
            knownDifferences: quantity.knownDifferences, height: .panelAspect(0.8),
            grid: { grid($0, y: epsilonColumn, range: 0...2) },
            compute: { ctx in
                let om = try OMSetup(ctx), model = om.model
                let ratio = ctx.inputs.value("eta_over_eps"), deltaTilde = ctx.inputs.value("Delta_tilde_over_Gamma")
                let axes = grid(ctx.quality, y: epsilonColumn, range: 0...2)
                let betas = axes[0].values, epsilons = axes[1].values
                let nx = betas.count
                let values = ctx.map(nx * epsilons.count) { k in
                    let e = epsilons[k / nx]
                    let c = model.coupling(.defectAndParticle(epsilon: e, eta: ratio * e, beta: betas[k % nx]))
                    return quantity.value(model.point(coupling: c, detuningOverGamma: deltaTilde))
                }
                let main = try OMTables.grid(x: (betaColumn, betas), y: (epsilonColumn, epsilons), values: [(quantity.column, values)])
                return FigureData(tables: [main], notes: [OMSweeps.maskedNote(values)].compactMap { $0 })
            },
            plot: { data in try plot(data, quantity: quantity, y: epsilonColumn, yAxis: OM.axis(OM.epsilonLabel, 0...2, step: 0.5)) })
    }

    /// The heatmap axes: viridis from 0, unstable cells masked and labelled.
    static func plot(_ data: FigureData, quantity: Quantity, y: String, yAxis: Axis) throws -> Axes {
        let field = try OMTables.field(try data.table(), x: betaColumn, y: y, value: quantity.column)
        var axes = Axes(x: OM.betaAxis(), y: yAxis)
        axes.add(Heatmap(x: field.xs, y: field.ys, values: field.values, colormap: .viridis, vmin: 0,
                         colorbar: Colorbar(label: quantity.label)))
        MaskAnnotation.add(to: &axes, field: field)
        return axes
    }
}
