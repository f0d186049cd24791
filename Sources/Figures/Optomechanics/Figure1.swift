import Foundation
import Optomechanics
import Plot

/// Fig. 1(c, d): the CW photon number N_r/N_r^ideal(Δ̃ = 0), the cavity's excitation spectrum,
/// with the split modes at Δ̃ = ±|J1| dashed.
enum Figure1 {
    static let valueColumn = "N_r_over_N_r_ideal0"
    static let detuningColumn = "Delta_tilde_over_Gamma"
    static let lowerColumn = "Delta_tilde_lower_over_Gamma"
    static let upperColumn = "Delta_tilde_upper_over_Gamma"
    static let colorbarLabel = "<i>N</i><sub>r</sub>/<i>N</i><sub>r</sub><sup>ideal</sup>(0)"

    /// om-1c: versus Δ̃/Γ and ε/Γ, defect only (η = 0).
    static let panelC = spec(
        id: "om-1c", title: "N_r versus Δ̃/Γ and ε/Γ (defect only)",
        summary: "CW intracavity photon number N_r (Eq. 10) normalised to the ideal resonator's at Δ̃ = 0, versus "
            + "the effective detuning Δ̃/Γ ∈ [−3, 3] and the defect strength ε/Γ ∈ [0, 2], without a nanoparticle. "
            + "Dashed: the split modes Δ̃ = ±|J1| = ±ε. Columns: Delta_tilde_over_Gamma, eps_over_Gamma, N_r_over_N_r_ideal0.",
        fixed: [InputSetting("eta_over_Gamma", 0)],
        y: (column: "eps_over_Gamma", range: 0...2), yAxis: { OM.axis(OM.epsilonLabel, 0...2, step: 0.5) },
        scatterers: { om, eps in OMInputs.scatterers(epsilon: eps, eta: om.eta, beta: om.beta) })

    /// om-1d: versus Δ̃/Γ and β, ε = η = Γ.
    static let panelD = spec(
        id: "om-1d", title: "N_r versus Δ̃/Γ and β (defect and particle)",
        summary: "CW intracavity photon number N_r (Eq. 10) normalised to the ideal resonator's at Δ̃ = 0, versus "
            + "Δ̃/Γ ∈ [−3, 3] and the particle's relative angle β ∈ [0, π/2], for ε = η = Γ. Dashed: the split modes "
            + "Δ̃ = ±|J1(β)|, which merge at β_Im = π/8 + nπ/4. Columns: Delta_tilde_over_Gamma, beta_rad, N_r_over_N_r_ideal0.",
        fixed: [],
        y: (column: "beta_rad", range: 0...(Double.pi / 2)),
        yAxis: {
            var a = OM.betaAxis()
            a.minorTicks = .none
            return a
        },
        scatterers: { om, beta in OMInputs.scatterers(epsilon: om.epsilon, eta: om.eta, beta: beta) })

    static func grid(_ q: Quality, y: (column: String, range: ClosedRange<Double>)) -> [GridAxis] {
        let n = q.pick(final: 201, draft: 33)
        return [GridAxis(detuningColumn, -3, 3, count: n), GridAxis(y.column, y.range.lowerBound, y.range.upperBound, count: n)]
    }

    static func spec(id: String, title: String, summary: String, fixed: [InputSetting],
                     y: (column: String, range: ClosedRange<Double>), yAxis: @escaping @Sendable () -> Axis,
                     scatterers: @escaping @Sendable (OMSetup, Double) -> Scatterers) -> FigureSpec {
        FigureSpec(
            id: id, title: title, summary: summary, model: .om, fixedInputs: fixed,
            sweptInputs: ["Delta_tilde_over_Gamma", "Delta_over_Gamma", y.column],
            knownDifferences: [], height: .panelAspect(0.8),
            grid: { grid($0, y: y) },
            compute: { ctx in try compute(ctx, y: y, scatterers: scatterers) },
            plot: { data in try plot(data, yColumn: y.column, yAxis: yAxis()) })
    }

    static func compute(_ ctx: ComputeContext, y: (column: String, range: ClosedRange<Double>),
                        scatterers: @escaping @Sendable (OMSetup, Double) -> Scatterers) throws -> FigureData {
        let om = try OMSetup(ctx), model = om.model
        let axes = grid(ctx.quality, y: y)
        let xs = axes[0].values, ys = axes[1].values
        let couplings = ys.map { model.coupling(scatterers(om, $0)) }
        let reference = model.steadyState(coupling: .none, detuningOverGamma: 0).photonNumberCW
        let nx = xs.count
        let values = ctx.map(xs.count * ys.count) { k in
            model.steadyState(coupling: couplings[k / nx], detuningOverGamma: xs[k % nx]).photonNumberCW / reference
        }
        let main = try OMTables.grid(x: (detuningColumn, xs), y: (y.column, ys), values: [(valueColumn, values)])
        // The split modes on a finer y grid than the heatmap, for smooth dashed curves.
        let lineYs = GridAxis(y.column, y.range.lowerBound, y.range.upperBound, count: max(ys.count, 401)).values
        let modes = lineYs.map { model.coupling(scatterers(om, $0)).eigenfrequencyDetunings }
        let eigen = try DataTable(name: "eigenfrequencies", columns: [
            DataColumn(y.column, lineYs), DataColumn(lowerColumn, modes.map(\.lower)), DataColumn(upperColumn, modes.map(\.upper)),
        ])
        let peak = values.max() ?? .nan
        return FigureData(tables: [main, eigen],
                          notes: ["N_r^ideal(Δ̃ = 0) = \(OM.format(reference)) photons; the largest normalised value on the grid is \(OM.format(peak))."],
                          metadata: [(key: "N_r_ideal_at_zero_detuning", value: "\(reference)")])
    }

    static func plot(_ data: FigureData, yColumn: String, yAxis: Axis) throws -> Axes {
        let field = try OMTables.field(try data.table(), x: detuningColumn, y: yColumn, value: valueColumn)
        var axes = Axes(x: OM.detuningAxis(tilde: true), y: yAxis)
        axes.add(Heatmap(x: field.xs, y: field.ys, values: field.values, colormap: .viridis, vmin: 0,
                         colorbar: Colorbar(label: colorbarLabel)))
        let eigen = try data.table("eigenfrequencies")
        let ys = try eigen.numbers(yColumn)
        let upper = try eigen.numbers(upperColumn)
        axes.add(Line(x: try eigen.numbers(lowerColumn), y: ys, color: .white, dash: .dashed))
        axes.add(Line(x: upper, y: ys, color: .white, dash: .dashed))
        // Labelled at the top end of the +|J1| branch, in the dark region beside it.
        if let x = upper.last, let y = ys.last, let y0 = ys.first {
            axes.add(Annotation("±|<i>J</i><sub>1</sub>|", x: x + 0.15, y: y - 0.03 * (y - y0), coordinates: .data,
                                anchor: .topLeft, color: .white))
        }
        return axes
    }
}
