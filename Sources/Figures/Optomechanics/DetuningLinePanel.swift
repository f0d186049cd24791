import Foundation
import Optomechanics
import Plot

/// A quantity drawn versus Δ/Γ (Figs. 2a, c, e and 5).
enum LineQuantity: Sendable {
    /// E_N,r: no value where the point is unstable.
    case entanglementCW
    /// T (Eq. 14): defined at every detuning.
    case transmission
    /// |G_r|/ω_m (Eq. 10): defined at every detuning.
    case couplingCW

    /// The CSV column.
    var column: String {
        switch self {
        case .entanglementCW: "EN_r"
        case .transmission: "T"
        case .couplingCW: "G_r_over_omega_m"
        }
    }

    /// The y-axis label.
    var label: String {
        switch self {
        case .entanglementCW: OM.entanglementCW
        case .transmission: OM.transmission
        case .couplingCW: OM.couplingCW
        }
    }

    /// The value at a point (NaN: no value).
    func value(_ p: OptomechanicalPoint) -> Double {
        switch self {
        case .entanglementCW: OMTables.number(p.logNegativityCW)
        case .transmission: p.transmission
        case .couplingCW: p.couplingCWOverOmegaM
        }
    }
}

/// A panel of one quantity versus Δ/Γ for several scatterer configurations, each evaluated at
/// Δ̃ = Δ + Δ_J. Table: series, Delta_over_Gamma, Delta_tilde_over_Gamma, the quantity, stable (1/0).
enum DetuningLinePanel {
    static let deltaColumn = "Delta_over_Gamma"
    static let deltaTildeColumn = "Delta_tilde_over_Gamma"
    static let stableColumn = "stable"

    /// The Δ/Γ grid.
    static func grid(_ q: Quality, range: ClosedRange<Double>) -> [GridAxis] {
        [SweepAxis(deltaColumn, range.lowerBound, range.upperBound, final: 601, draft: 61).grid(q)]
    }

    /// The sweep of the paper's three cases (Fig. 2): ideal (ε = η = 0), defect (η = 0), and defect
    /// plus particle with the panel's ε, η, β; outputs Δ̃/Γ, the quantity and stability.
    static func sweep(_ quantity: LineQuantity, range: ClosedRange<Double>) -> SweepSpec {
        do {
            return try SweepSpec(model: .om,
                                 axes: [SweepAxis(deltaColumn, range.lowerBound, range.upperBound, final: 601, draft: 61)],
                                 series: [SweepSeries("ideal", [InputSetting("eps_over_Gamma", 0), InputSetting("eta_over_Gamma", 0)]),
                                          SweepSeries("defect", [InputSetting("eta_over_Gamma", 0)]), SweepSeries("immune", [])],
                                 outputs: [deltaTildeColumn, quantity.column, stableColumn])
        } catch { preconditionFailure("the Fig. 2 sweep is valid: \(error)") }
    }

    /// The notes of a detuning-line table: each series' extremum on the grid and its unstable points.
    static func notes(_ table: DataTable, quantity: LineQuantity, series: [OMCase]) throws -> [String] {
        var notes: [String] = []
        for s in series {
            let rows = try table.rows(where: "series", equals: s.series)
            let deltas = try rows.numbers(deltaColumn), tildes = try rows.numbers(deltaTildeColumn)
            let values = try rows.numbers(quantity.column), stable = try rows.numbers(stableColumn)
            notes.append(extremumNote(s.series, quantity: quantity, deltas: deltas, tildes: tildes, values: values))
            let unstable = stable.filter { $0 == 0 }.count
            if unstable > 0 { notes.append(unstableNote(s, quantity: quantity, unstable: unstable, of: stable.count)) }
        }
        return notes
    }

    static func unstableNote(_ s: OMCase, quantity: LineQuantity, unstable: Int, of count: Int) -> String {
        let consequence = quantity == .entanglementCW
            ? "have no entanglement (gap in the curve)"
            : "are drawn from the steady state of Eq. 10, which exists there but is not approached"
        return "\(s.series) (Δ_J = \(OM.format(s.scatterers.detuningShift))Γ): \(unstable) of \(count) "
            + "points are dynamically unstable and \(consequence)."
    }

    /// The main table (and notes) for `series` at every Δ/Γ of the grid.
    static func compute(_ ctx: ComputeContext, model: OptomechanicalModel, quantity: LineQuantity, series: [OMCase],
                        range: ClosedRange<Double>) throws -> (table: DataTable, notes: [String]) {
        let deltas = grid(ctx.quality, range: range)[0].values
        let lines = OMSweeps.detuningLines(model, series.map(\.scatterers), deltas: deltas, context: ctx)
        var builder = TidyTableBuilder(numericColumns: [deltaColumn, deltaTildeColumn, quantity.column, stableColumn])
        var notes: [String] = []
        for (s, points) in zip(series, lines) {
            for (delta, p) in zip(deltas, points) {
                builder.append(s.series, [delta, p.detuningOverGamma, quantity.value(p), p.isStable ? 1 : 0])
            }
            notes.append(extremumNote(s.series, quantity: quantity, deltas: deltas, tildes: points.map(\.detuningOverGamma),
                                      values: points.map(quantity.value)))
            let unstable = points.filter { !$0.isStable }.count
            if unstable > 0 { notes.append(unstableNote(s, quantity: quantity, unstable: unstable, of: points.count)) }
        }
        return (try builder.build(), notes)
    }

    /// "ideal: largest E_N,r on the grid 0.1597 at Δ = 0.85Γ (Δ̃ = 0.85Γ)" (smallest for T).
    static func extremumNote(_ series: String, quantity: LineQuantity, deltas: [Double], tildes: [Double], values: [Double]) -> String {
        let finite = values.indices.filter { values[$0].isFinite }
        let smallest = quantity == .transmission
        guard let k = smallest ? finite.min(by: { values[$0] < values[$1] }) : finite.max(by: { values[$0] < values[$1] }) else {
            return "\(series): no value on the grid."
        }
        return OM.minus(String(format: "%@: %@ %@ on the grid %.4g at Δ = %.3fΓ (Δ̃ = %.3fΓ).", series,
                                    smallest ? "smallest" : "largest", quantity.column, values[k], deltas[k], tildes[k]))
    }

    /// The axes: one curve per series in its case style, the legend in one row above the data.
    /// Where E_N,r has no value (unstable points: a gap in the curve) a hatched strip in the
    /// series' colour runs along the bottom, one strip per series, with an "unstable" legend entry.
    static func plot(_ table: DataTable, quantity: LineQuantity, series: [OMCase],
                     range: ClosedRange<Double>) throws -> Axes {
        let lines = try series.map { try OMTables.series(table, $0.series, x: deltaColumn, y: quantity.column) }
        var axes = Axes(x: OM.axis(OM.deltaLabel, range, step: 1),
                        y: OM.headroomAxis(quantity.label, dataMax: OM.finiteMax(lines.map(\.y))))
        var gaps = false
        for (k, s) in series.enumerated() where quantity == .entanglementCW {
            let rows = try table.rows(where: "series", equals: s.series)
            let ranges = unstableRanges(deltas: try rows.numbers(deltaColumn), stable: try rows.numbers(stableColumn), within: range)
            guard !ranges.isEmpty else { continue }
            gaps = true
            let strip = unstableStripHeight
            axes.add(Span(.vertical, ranges: ranges, color: s.color, hatched: true, extent: (Double(k) * strip)...(Double(k + 1) * strip)))
        }
        for (s, line) in zip(series, lines) {
            axes.add(Line(x: line.x, y: line.y, label: s.legend, color: s.color, dash: s.dash))
        }
        axes.legend = Legend(.upperCenter, extraEntries: gaps ? [.hatch(label: OM.unstableLabel, color: .foreground)] : [],
                             columns: series.count + (gaps ? 1 : 0))
        return axes
    }

    /// Height of one series' unstable strip, as a fraction of the axes.
    static let unstableStripHeight = 0.03

    /// The Δ/Γ ranges of consecutive unstable grid points (stable = 0), each widened by half a
    /// grid step on both sides (where the curve stops and starts) and clamped to `range`.
    static func unstableRanges(deltas: [Double], stable: [Double], within range: ClosedRange<Double>) -> [ClosedRange<Double>] {
        guard deltas.count == stable.count, deltas.count > 1 else { return [] }
        let half = abs(deltas[1] - deltas[0]) / 2
        var ranges: [ClosedRange<Double>] = []
        var start: Int?
        for k in deltas.indices {
            if stable[k] == 0, start == nil { start = k }
            if let s = start, stable[k] != 0 || k == deltas.count - 1 {
                let end = stable[k] != 0 ? k - 1 : k
                let low = max(range.lowerBound, deltas[s] - half), high = min(range.upperBound, deltas[end] + half)
                if low < high { ranges.append(low...high) }
                start = nil
            }
        }
        return ranges
    }
}
