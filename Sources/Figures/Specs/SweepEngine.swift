import Foundation

/// Runs a `SweepSpec` over its grid: the sweep part of a panel's computation (every point
/// independent, in parallel, deterministic), then the table. The finishing step (notes, extrema,
/// extra tables) is the panel's own, over the whole result.
public enum SweepEngine {
    /// Runs the sweep with the context's parameter set and quality.
    public static func run(_ spec: SweepSpec, context: ComputeContext) throws -> SweepResult {
        let plan = try SweepPlan(spec, context: context)
        return try plan.assemble([plan.evaluate(0..<plan.count, context: context)], context: context)
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
    static func seriesBases(_ spec: SweepSpec, base: InputValues) throws -> [InputValues] {
        guard !spec.series.isEmpty else { return [base] }
        return try spec.series.map { s in try s.inputs.reduce(base) { try $0.overriding($1.name, $1.value) } }
    }

    static func seriesEvaluators(_ spec: SweepSpec, bases: [InputValues], cutoffShift: Int = 0) throws -> [PointEvaluator] {
        let varying = Set(spec.axes.map(\.input))
        return try bases.map {
            try PointEvaluator.make(spec.model, outputs: spec.outputs, base: $0, varying: varying, cutoffShift: cutoffShift)
        }
    }

    /// "12 of 40401 points have no value for EN_r (dynamically unstable or not converged)."
    static func maskedNotes(_ spec: SweepSpec, _ rows: [[Double]]) -> [String] {
        spec.outputs.enumerated().compactMap { o, name in
            let masked = rows.filter { $0[o].isNaN }.count
            guard masked > 0 else { return nil }
            return "\(masked) of \(rows.count) points have no value for \(name) (dynamically unstable, not converged or invalid parameters): left empty."
        }
    }

    /// The truncation check's report: the largest relative change of the watched outputs from
    /// `cutoff` to `cutoff + 1` Fock states per mode over the sample points (nil: no check).
    static func truncationReport(_ spec: SweepSpec, check: TruncationCheck?, rows: [[Double]], finer: [Int: [Double]])
        -> (metadata: [(key: String, value: String)], notes: [String])? {
        guard let check else { return nil }
        guard check.cutoff < 20 else {
            return ([(key: "cutoff", value: "\(check.cutoff)"), (key: "cutoff_check", value: "none (20 is the largest cutoff)")], [])
        }
        var worst = 0.0
        for k in check.sample {
            guard let f = finer[k] else { continue }
            for o in check.watched where rows[k][o].isFinite && f[o].isFinite {
                worst = max(worst, abs(rows[k][o] - f[o]) / max(abs(f[o]), 1e-300))
            }
        }
        let change = String(format: "%.1e", worst), cutoff = check.cutoff
        let names = check.watched.map { spec.outputs[$0] }.joined(separator: ", ")
        let metadata: [(key: String, value: String)] = [
            (key: "cutoff", value: "\(cutoff)"),
            (key: "cutoff_check", value: "\(names) change by at most \(change) (relative) from \(cutoff) to \(cutoff + 1) Fock states per mode at \(check.sample.count) sample points"),
        ]
        let notes = worst > 1e-3 ? ["Truncation: \(names) change by up to \(change) from \(cutoff) to \(cutoff + 1) Fock states per mode (more than 1e-3): raise cutoff."] : []
        return (metadata, notes)
    }
}
