import Foundation
import Plot

/// One swept input: `count` points (per quality) from `lower` to `upper`, linear or log.
public struct SweepAxis: Sendable, Equatable {
    /// The input swept (a name of the model's registry).
    public let input: String
    /// First point.
    public let lower: Double
    /// Last point.
    public let upper: Double
    /// Points at final quality.
    public let finalCount: Int
    /// Points at draft quality.
    public let draftCount: Int
    /// Spacing.
    public let spacing: GridAxis.Spacing

    /// An axis.
    public init(_ input: String, _ lower: Double, _ upper: Double, final: Int, draft: Int, spacing: GridAxis.Spacing = .linear) {
        self.input = input; self.lower = lower; self.upper = upper
        finalCount = final; draftCount = draft; self.spacing = spacing
    }

    /// The grid axis at `quality`.
    public func grid(_ quality: Quality) -> GridAxis {
        GridAxis(input, lower, upper, count: quality.pick(final: finalCount, draft: draftCount), spacing: spacing)
    }
}

/// One series of a sweep: a label and the inputs it sets (the paper's "ideal", "defect" cases).
public struct SweepSeries: Sendable, Equatable {
    /// The label written into the `series` column.
    public let label: String
    /// The inputs this series sets, over the panel's.
    public let inputs: [InputSetting]
    /// A series.
    public init(_ label: String, _ inputs: [InputSetting]) { self.label = label; self.inputs = inputs }
}

/// A sweep as data: a model, one or two swept inputs, optional series and the outputs to tabulate.
/// Built-in panels and YAML spec files build the same values; `SweepEngine` runs them.
public struct SweepSpec: Sendable, Equatable {
    /// The model.
    public let model: ModelID
    /// One or two swept inputs; with two, the first varies fastest (x) and the second is y.
    public let axes: [SweepAxis]
    /// Series (empty: one unnamed series and no `series` column).
    public let series: [SweepSeries]
    /// Output columns, after the axis columns.
    public let outputs: [String]

    /// A sweep; throws for unknown names, a swept input set by a series, or a bad axis.
    public init(model: ModelID, axes: [SweepAxis], series: [SweepSeries] = [], outputs: [String]) throws {
        let registry = ModelRegistry.of(model)
        guard (1...2).contains(axes.count) else { throw SpecError.invalid("a sweep needs one or two swept inputs, got \(axes.count)") }
        guard !outputs.isEmpty else { throw SpecError.invalid("a sweep needs at least one output") }
        for a in axes {
            let input = try registry.input(a.input)
            _ = try input.checked(a.lower); _ = try input.checked(a.upper)
            guard a.finalCount >= 1, a.draftCount >= 1, a.finalCount <= 100_000, a.draftCount <= 100_000 else {
                throw SpecError.invalid("\(a.input): point counts must be in [1, 100000]")
            }
            if a.spacing == .log, !(a.lower > 0 && a.upper > 0) {
                throw SpecError.invalid("\(a.input): a log axis needs positive ends, got [\(a.lower), \(a.upper)]")
            }
        }
        if axes.count == 2, axes[0].input == axes[1].input { throw SpecError.invalid("\(axes[0].input) is swept twice") }
        let total = axes.map { max($0.finalCount, $0.draftCount) }.reduce(1, *) * max(series.count, 1)
        guard total <= 4_000_000 else { throw SpecError.invalid("the sweep has \(total) points: at most 4000000 are allowed") }
        for s in series {
            for i in s.inputs {
                _ = try registry.input(i.name).checked(i.value)
                if axes.contains(where: { $0.input == i.name }) { throw SpecError.invalid("series '\(s.label)' sets the swept input \(i.name)") }
            }
        }
        for o in outputs { _ = try registry.output(o) }
        self.model = model; self.axes = axes; self.series = series; self.outputs = outputs
    }

    /// The grid at `quality`.
    public func grid(_ quality: Quality) -> [GridAxis] { axes.map { $0.grid(quality) } }

    /// The inputs the sweep sets everywhere (its axes, and inputs every series sets): these cannot
    /// be overridden. An input only some series set is overridable for the others.
    public var sweptInputs: [String] {
        var names = axes.map(\.input)
        guard let first = series.first else { return names }
        for i in first.inputs where series.allSatisfy({ $0.inputs.contains { $0.name == i.name } }) && !names.contains(i.name) {
            names.append(i.name)
        }
        return names
    }
}

/// The raw result of a sweep, before the finishing step: the tidy main table.
public struct SweepResult: Sendable {
    /// The spec that was run.
    public let spec: SweepSpec
    /// The main table: `series` (if any), the axes, then the outputs.
    public let table: DataTable
    /// Metadata the engine learnt (truncation used and checked).
    public let metadata: [(key: String, value: String)]
    /// Notes the engine learnt (masked points, truncation warnings).
    public let notes: [String]
}

extension FigureSpec {
    /// A panel whose computation is `sweep` run by `SweepEngine` (the part that can run on part of
    /// the grid), then `finish` over the whole result (notes, extrema, extra tables).
    public static func sweeping(id: String, title: String, summary: String, sweep: SweepSpec, fixedInputs: [InputSetting] = [],
                             userInputs: Bool = false, parameters: [SpecParameter] = [], knownDifferences: [String] = [],
                             width: FigureWidth = .singleColumn, height: FigureHeight = .auto,
                             finish: @escaping @Sendable (SweepResult, ComputeContext) throws -> FigureData = { r, _ in
                                 FigureData(tables: [r.table], notes: r.notes, metadata: r.metadata)
                             },
                             plot: @escaping @Sendable (FigureData) throws -> Axes,
                             views: [String: @Sendable (FigureData) throws -> Axes] = [:]) -> FigureSpec {
        var spec = FigureSpec(id: id, title: title, summary: summary, model: sweep.model, fixedInputs: fixedInputs,
                              sweptInputs: sweep.sweptInputs + derivedAlternatives(sweep), parameters: parameters,
                              knownDifferences: knownDifferences, width: width, height: height,
                              grid: { sweep.grid($0) },
                              compute: { ctx in try finish(try SweepEngine.run(sweep, context: ctx), ctx) },
                              plot: plot, views: views)
        spec.sweep = sweep
        spec.finish = finish
        spec.fixedInputsAreUsers = userInputs
        return spec
    }

    /// Inputs that set the same thing as a swept one (Δ̃ when Δ is swept; η when η/ε is).
    static func derivedAlternatives(_ sweep: SweepSpec) -> [String] {
        let pairs = [("Delta_over_Gamma", "Delta_tilde_over_Gamma"), ("eta_over_Gamma", "eta_over_eps")]
        let swept = Set(sweep.sweptInputs)
        return pairs.flatMap { a, b in swept.contains(a) && !swept.contains(b) ? [b] : swept.contains(b) && !swept.contains(a) ? [a] : [] }
    }
}
