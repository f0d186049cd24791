import Foundation

/// Runs a `SweepSpec` over its grid: the sweep part of a panel's computation (every point
/// independent, in parallel, deterministic), then the table. The finishing step (notes, extrema,
/// extra tables) is the panel's own, over the whole result.
public enum SweepEngine {
    /// The grid points of `spec` at `quality`, in table order (series outer, then y, then x fastest).
    public static func points(_ spec: SweepSpec, quality: Quality) -> [(series: Int, values: [Double])] {
        let grid = spec.grid(quality).map(\.values)
        let xs = grid[0], ys = grid.count > 1 ? grid[1] : [Double.nan]
        var out: [(series: Int, values: [Double])] = []
        out.reserveCapacity(max(spec.series.count, 1) * xs.count * ys.count)
        for s in 0..<max(spec.series.count, 1) {
            for y in ys { for x in xs { out.append((s, grid.count > 1 ? [x, y] : [x])) } }
        }
        return out
    }

    /// Runs the sweep with the context's parameter set and quality.
    public static func run(_ spec: SweepSpec, context: ComputeContext) throws -> SweepResult {
        let points = points(spec, quality: context.quality)
        let evaluators = try seriesEvaluators(spec, base: context.inputs)
        let indices = spec.axes.map { context.inputs.slot($0.input) }
        let bases = try seriesBases(spec, base: context.inputs)
        let grid = Grid(spec, quality: context.quality, indices: indices)
        let rows = context.map(points.count) { k in evaluators[grid.series(k)].evaluate(grid.point(k, bases)) }
        var columns: [DataColumn] = []
        if !spec.series.isEmpty { columns.append(DataColumn("series", labels: points.map { spec.series[$0.series].label })) }
        for (a, axis) in spec.axes.enumerated() { columns.append(DataColumn(axis.input, points.map { $0.values[a] })) }
        for (o, name) in spec.outputs.enumerated() { columns.append(DataColumn(name, rows.map { $0[o] })) }
        let table = try DataTable(columns: columns)
        var notes = maskedNotes(spec, rows)
        var metadata: [(key: String, value: String)] = []
        if let check = try truncationCheck(spec, context: context, points: points, rows: rows, bases: bases, indices: indices) {
            metadata += check.metadata; notes += check.notes
        }
        return SweepResult(spec: spec, table: table, metadata: metadata, notes: notes)
    }

    /// Point k's parameter set, computed from the index (no per-point arrays).
    struct Grid: Sendable {
        let xs: [Double], ys: [Double], indices: [Int]
        init(_ spec: SweepSpec, quality: Quality, indices: [Int]) {
            let g = spec.grid(quality).map(\.values)
            xs = g[0]; ys = g.count > 1 ? g[1] : []; self.indices = indices
        }
        var perSeries: Int { xs.count * max(ys.count, 1) }
        func series(_ k: Int) -> Int { k / perSeries }
        func point(_ k: Int, _ bases: [InputValues]) -> InputValues {
            let local = k % perSeries
            let base = bases[k / perSeries]
            return ys.isEmpty ? base.settingUnchecked(indices[0], xs[local])
                : base.settingUnchecked(indices[0], xs[local % xs.count], indices[1], ys[local / xs.count])
        }
    }

    /// The parameter set of each series: the context's with the series' settings.
    private static func seriesBases(_ spec: SweepSpec, base: InputValues) throws -> [InputValues] {
        guard !spec.series.isEmpty else { return [base] }
        return try spec.series.map { s in try s.inputs.reduce(base) { try $0.overriding($1.name, $1.value) } }
    }

    private static func seriesEvaluators(_ spec: SweepSpec, base: InputValues, cutoffShift: Int = 0) throws -> [PointEvaluator] {
        let varying = Set(spec.axes.map(\.input))
        return try seriesBases(spec, base: base).map {
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
    private static func truncationCheck(_ spec: SweepSpec, context: ComputeContext, points: [(series: Int, values: [Double])],
                                        rows: [[Double]], bases: [InputValues], indices: [Int])
        throws -> (metadata: [(key: String, value: String)], notes: [String])? {
        let watched = spec.outputs.indices.filter { PointEvaluator.spbMasterEquation.contains(spec.outputs[$0]) }
        guard spec.model == .spb, !watched.isEmpty, !points.isEmpty else { return nil }
        let cutoff = context.inputs.integer("cutoff")
        guard cutoff < 20 else {
            return ([(key: "cutoff", value: "\(cutoff)"), (key: "cutoff_check", value: "none (20 is the largest cutoff)")], [])
        }
        let finer = try seriesEvaluators(spec, base: context.inputs, cutoffShift: 1)
        let stride = max(1, points.count / 48)
        let sample = Array(Swift.stride(from: 0, to: points.count, by: stride))
        let checked = context.map(sample.count) { j in
            let k = sample[j]
            return finer[points[k].series].evaluate(Grid(spec, quality: context.quality, indices: indices).point(k, bases))
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
