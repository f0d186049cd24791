import Foundation

/// Runs a `SweepSpec` over its grid: the sweep part of a panel's computation (every point
/// independent, in parallel, deterministic), then the table. The finishing step (notes, extrema,
/// extra tables) is the panel's own, over the whole result.
public enum SweepEngine {
    /// Runs the sweep with the context's parameter set and quality.
    public static func run(_ spec: SweepSpec, context: ComputeContext) throws -> SweepResult {
        let bases = try seriesBases(spec, base: context.inputs)
        let grid = Grid(spec, quality: context.quality, indices: spec.axes.map { context.inputs.slot($0.input) }, bases: bases)
        let evaluators = try seriesEvaluators(spec, bases: bases)
        let rows = context.map(grid.count) { k in evaluators[grid.series(k)].evaluate(grid.point(k)) }
        let k = Array(0..<grid.count)
        var columns: [DataColumn] = []
        if !spec.series.isEmpty { columns.append(DataColumn("series", labels: k.map { spec.series[grid.series($0)].label })) }
        for a in spec.axes.indices { columns.append(DataColumn(spec.axes[a].input, k.map { grid.value(a, $0) })) }
        for (o, name) in spec.outputs.enumerated() { columns.append(DataColumn(name, rows.map { $0[o] })) }
        let table = try DataTable(columns: columns)
        var notes = maskedNotes(spec, rows)
        var metadata: [(key: String, value: String)] = []
        if let check = try truncationCheck(spec, context: context, grid: grid, rows: rows) {
            metadata += check.metadata; notes += check.notes
        }
        return SweepResult(spec: spec, table: table, metadata: metadata, notes: notes)
    }

    /// The points of a sweep in table order (series outer, then y, then x fastest), each computed
    /// from its index: no per-point arrays.
    struct Grid: Sendable {
        let xs: [Double], ys: [Double], indices: [Int], bases: [InputValues]
        init(_ spec: SweepSpec, quality: Quality, indices: [Int], bases: [InputValues]) {
            let g = spec.grid(quality).map(\.values)
            xs = g[0]; ys = g.count > 1 ? g[1] : []; self.indices = indices; self.bases = bases
        }
        var perSeries: Int { xs.count * max(ys.count, 1) }
        var count: Int { perSeries * bases.count }
        func series(_ k: Int) -> Int { k / perSeries }
        /// Point k's value of axis a (0: x, 1: y).
        func value(_ a: Int, _ k: Int) -> Double {
            let local = k % perSeries
            return a == 0 ? xs[local % xs.count] : ys[local / xs.count]
        }
        /// Point k's parameter set.
        func point(_ k: Int) -> InputValues {
            let base = bases[series(k)]
            return ys.isEmpty ? base.settingUnchecked(indices[0], value(0, k))
                : base.settingUnchecked(indices[0], value(0, k), indices[1], value(1, k))
        }
    }

    /// The parameter set of each series: the context's with the series' settings.
    private static func seriesBases(_ spec: SweepSpec, base: InputValues) throws -> [InputValues] {
        guard !spec.series.isEmpty else { return [base] }
        return try spec.series.map { s in try s.inputs.reduce(base) { try $0.overriding($1.name, $1.value) } }
    }

    private static func seriesEvaluators(_ spec: SweepSpec, bases: [InputValues], cutoffShift: Int = 0) throws -> [PointEvaluator] {
        let varying = Set(spec.axes.map(\.input))
        return try bases.map {
            try PointEvaluator.make(spec.model, outputs: spec.outputs, base: $0, varying: varying, cutoffShift: cutoffShift)
        }
    }

    /// "12 of 40401 points have no value for EN_r (dynamically unstable or not converged)."
    private static func maskedNotes(_ spec: SweepSpec, _ rows: [[Double]]) -> [String] {
        spec.outputs.enumerated().compactMap { o, name in
            let masked = rows.filter { $0[o].isNaN }.count
            guard masked > 0 else { return nil }
            return "\(masked) of \(rows.count) points have no value for \(name) (dynamically unstable, not converged or invalid parameters): left empty."
        }
    }

    /// spb master-equation outputs: the truncation checked at up to 48 points by solving again
    /// with one more Fock state per mode.
    private static func truncationCheck(_ spec: SweepSpec, context: ComputeContext, grid: Grid, rows: [[Double]])
        throws -> (metadata: [(key: String, value: String)], notes: [String])? {
        let watched = spec.outputs.indices.filter { PointEvaluator.spbMasterEquation.contains(spec.outputs[$0]) }
        guard spec.model == .spb, !watched.isEmpty, grid.count > 0 else { return nil }
        let cutoff = context.inputs.integer("cutoff")
        guard cutoff < 20 else {
            return ([(key: "cutoff", value: "\(cutoff)"), (key: "cutoff_check", value: "none (20 is the largest cutoff)")], [])
        }
        let finer = try seriesEvaluators(spec, bases: grid.bases, cutoffShift: 1)
        let stride = max(1, grid.count / 48)
        let sample = Array(Swift.stride(from: 0, to: grid.count, by: stride))
        let checked = context.map(sample.count) { j in
            let k = sample[j]
            return finer[grid.series(k)].evaluate(grid.point(k))
        }
        var worst = 0.0
        for (j, k) in sample.enumerated() {
            for o in watched where rows[k][o].isFinite && checked[j][o].isFinite {
                worst = max(worst, abs(rows[k][o] - checked[j][o]) / max(abs(checked[j][o]), 1e-300))
            }
        }
        let change = String(format: "%.1e", worst)
        let names = watched.map { spec.outputs[$0] }.joined(separator: ", ")
        let metadata: [(key: String, value: String)] = [
            (key: "cutoff", value: "\(cutoff)"),
            (key: "cutoff_check", value: "\(names) change by at most \(change) (relative) from \(cutoff) to \(cutoff + 1) Fock states per mode at \(sample.count) sample points"),
        ]
        let notes = worst > 1e-3 ? ["Truncation: \(names) change by up to \(change) from \(cutoff) to \(cutoff + 1) Fock states per mode (more than 1e-3): raise cutoff."] : []
        return (metadata, notes)
    }
}
