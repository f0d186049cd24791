import Foundation

/// A sweep ready to run on any contiguous part of its grid: the points in table order, their
/// evaluators and the truncation check's sample points. `evaluate` computes a part, `assemble`
/// joins parts that cover the grid exactly once into the result `SweepEngine.run` returns: the
/// values of a point depend on the point alone, so a sharded sweep equals the whole one bit for bit.
public struct SweepPlan: Sendable {
    /// The sweep.
    public let spec: SweepSpec
    let grid: SweepEngine.Grid
    let evaluators: [PointEvaluator]
    let check: TruncationCheck?
    let finer: [PointEvaluator]

    /// The plan of `spec` with the context's parameter set and quality.
    public init(_ spec: SweepSpec, context: ComputeContext) throws {
        self.spec = spec
        let bases = try SweepEngine.seriesBases(spec, base: context.inputs)
        grid = SweepEngine.Grid(spec, quality: context.quality, indices: spec.axes.map { context.inputs.slot($0.input) }, bases: bases)
        evaluators = try SweepEngine.seriesEvaluators(spec, bases: bases)
        let check = TruncationCheck(spec, inputs: context.inputs, count: grid.count)
        self.check = check
        finer = check.map { !$0.sample.isEmpty } == true ? try SweepEngine.seriesEvaluators(spec, bases: bases, cutoffShift: 1) : []
    }

    /// Points of the grid (all series).
    public var count: Int { grid.count }

    /// The truncation check's sample points in `range`, ascending.
    public func checkPoints(in range: Range<Int>) -> [Int] { (check?.sample ?? []).filter(range.contains) }

    /// Computes the points of `range` (and the truncation check at its sample points).
    public func evaluate(_ range: Range<Int>, context: ComputeContext) -> SweepPart {
        let rows = context.map(range.count) { j in
            let k = range.lowerBound + j
            return evaluators[grid.series(k)].evaluate(grid.point(k))
        }
        let sample = checkPoints(in: range)
        let checked = context.map(sample.count) { j in finer[grid.series(sample[j])].evaluate(grid.point(sample[j])) }
        return SweepPart(range: range, rows: rows, finer: Dictionary(uniqueKeysWithValues: zip(sample, checked)))
    }

    /// The sweep's result from parts covering the grid exactly once (in any order).
    public func assemble(_ parts: [SweepPart], context: ComputeContext) throws -> SweepResult {
        let sorted = parts.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var next = 0
        for p in sorted {
            guard p.range.lowerBound == next, p.rows.count == p.range.count else {
                throw SpecError.invalid("sweep parts do not cover points \(next)..<\(count) exactly once")
            }
            next = p.range.upperBound
        }
        guard next == count else { throw SpecError.invalid("sweep parts end at point \(next), the grid has \(count)") }
        let rows = sorted.flatMap(\.rows)
        var finerValues: [Int: [Double]] = [:]
        for p in sorted { finerValues.merge(p.finer) { a, _ in a } }
        let k = Array(0..<count)
        var columns: [DataColumn] = []
        if !spec.series.isEmpty { columns.append(DataColumn("series", labels: k.map { spec.series[grid.series($0)].label })) }
        for a in spec.axes.indices { columns.append(DataColumn(spec.axes[a].input, k.map { grid.value(a, $0) })) }
        for (o, name) in spec.outputs.enumerated() { columns.append(DataColumn(name, rows.map { $0[o] })) }
        let table = try DataTable(columns: columns)
        var notes = SweepEngine.maskedNotes(spec, rows)
        var metadata: [(key: String, value: String)] = []
        if let report = SweepEngine.truncationReport(spec, check: check, rows: rows, finer: finerValues) {
            metadata += report.metadata; notes += report.notes
        }
        return SweepResult(spec: spec, table: table, metadata: metadata, notes: notes)
    }

    /// The expected cost of point `k` in units of one om point or one spb solve at cutoff 1:
    /// spb master-equation points cost ∝ cutoff^`SweepCost.cutoffExponent`, plus the
    /// truncation check's solve at cutoff + 1 at its sample points; every other point costs 1.
    public func cost(_ k: Int) -> Double {
        guard let check else { return 1 }
        let c = cutoff(k)
        let own = SweepCost.solve(cutoff: c)
        return check.isSampled(k) ? own + SweepCost.solve(cutoff: c + 1) : own
    }

    /// True when every point has the same expected cost.
    public var uniformCost: Bool { check == nil }

    private func cutoff(_ k: Int) -> Int {
        if let a = spec.axes.firstIndex(where: { $0.input == "cutoff" }) { return Int(grid.value(a, k)) }
        return grid.bases[grid.series(k)].integer("cutoff")
    }
}

/// The measured cost model of sharding (docs/cluster.md): one spb steady-state solve with c Fock
/// states per mode takes time ∝ c^4.5 (this code's solver timed at c = 8…14 on one core).
public enum SweepCost {
    /// Growth of the solve time with the number of Fock states per mode.
    public static let cutoffExponent = 4.5

    /// Relative cost of one steady-state solve at `cutoff` Fock states per mode.
    public static func solve(cutoff: Int) -> Double { pow(Double(cutoff), cutoffExponent) }
}

/// The values of a contiguous part of a sweep: one row of outputs per point of `range`, and the
/// truncation check's values (one more Fock state per mode) at its sample points inside `range`.
public struct SweepPart: Sendable {
    /// The points, as indices into the sweep's table.
    public let range: Range<Int>
    /// One row of output values per point.
    public let rows: [[Double]]
    /// The truncation check's rows by point index.
    public let finer: [Int: [Double]]

    /// A part.
    public init(range: Range<Int>, rows: [[Double]], finer: [Int: [Double]]) {
        self.range = range; self.rows = rows; self.finer = finer
    }
}

/// spb master-equation outputs are checked for truncation at up to 48 points (every
/// `count / 48`-th) by solving again with one more Fock state per mode.
struct TruncationCheck: Sendable {
    /// The cutoff of the parameter set.
    let cutoff: Int
    /// The output columns checked.
    let watched: [Int]
    /// The sample points (none at the largest cutoff, 20).
    let sample: [Int]
    let stride: Int

    init?(_ spec: SweepSpec, inputs: InputValues, count: Int) {
        let watched = spec.outputs.indices.filter { PointEvaluator.spbMasterEquation.contains(spec.outputs[$0]) }
        guard spec.model == .spb, !watched.isEmpty, count > 0 else { return nil }
        cutoff = inputs.integer("cutoff")
        self.watched = watched
        stride = max(1, count / 48)
        sample = cutoff < 20 ? Array(Swift.stride(from: 0, to: count, by: stride)) : []
    }

    func isSampled(_ k: Int) -> Bool { !sample.isEmpty && k % stride == 0 }
}
