import Foundation

/// What a shard was computed from, enough to rebuild the sweep anywhere: a built-in panel id or a
/// spec file (its text is kept, so the merge needs neither the file nor its directory), the
/// quality and the user's `--set` overrides.
public struct ShardSource: Codable, Sendable, Equatable {
    /// The panel id or the spec file's path, as given.
    public var argument: String
    /// The spec file's text (nil for a built-in panel).
    public var specText: String?
    /// The quality.
    public var quality: Quality
    /// The overrides as given, `NAME=VALUE`.
    public var overrides: [String]

    /// The source for a command-line argument (reads a spec file's text).
    public static func from(argument: String, quality: Quality, overrides: [InputOverride]) throws -> ShardSource {
        var text: String?
        if SpecFile.isSpecPath(argument) {
            _ = try SpecFile.load(path: argument)   // checked completely, errors name the file
            text = try String(contentsOf: URL(fileURLWithPath: argument), encoding: .utf8)
        }
        return ShardSource(argument: argument, specText: text, quality: quality, overrides: overrides.map { "\($0.name)=\($0.text)" })
    }

    /// The user's overrides.
    public var inputOverrides: [InputOverride] { get throws { try overrides.map { try InputOverride(parsing: $0) } } }

    /// The panel to shard: a panel (not a whole figure) whose computation is a `SweepSpec`.
    public func panel() throws -> FigureSpec {
        let entry: Catalog.Entry
        if let specText {
            let stem = URL(fileURLWithPath: argument).deletingPathExtension().lastPathComponent
            entry = try SpecFile.parse(specText, file: argument, defaultID: stem).entry
        } else {
            entry = try Catalog.entry(argument)
        }
        switch entry {
        case .composite(let c):
            throw ShardError.usage("\(argument) is a whole figure (panels \(c.panels.map(\.id).joined(separator: ", "))): shard one panel at a time")
        case .panel(let p):
            guard p.sweep != nil, p.finish != nil else {
                throw ShardError.usage("\(p.id) cannot be sharded: its computation is not a separable sweep; shardable are spec files "
                                       + "and the panels \(Self.shardablePanels.joined(separator: ", "))")
            }
            return p
        }
    }

    /// The built-in panels whose computation is a separable sweep.
    public static var shardablePanels: [String] { Catalog.panels.filter { $0.sweep != nil && $0.finish != nil }.map(\.id) }
}

/// A sweep resolved from its source: the panel, its parameter set, its plan and its identity.
public struct ShardedSweep: Sendable {
    /// Where it came from.
    public let source: ShardSource
    /// The panel.
    public let panel: FigureSpec
    /// The panel's parameter set with the overrides.
    public let inputs: InputValues
    /// The sweep's plan.
    public let plan: SweepPlan
    /// A hash of everything that determines the sweep's values except the code: the panel id, quality,
    /// every input (exactly), the grid and the sweep (model, axes, series, outputs).
    public let specHash: String

    /// Resolves `source`: the panel, its inputs and its plan (`threads` for the context).
    public init(_ source: ShardSource, threads: Int, progress: (@Sendable (SweepProgress) -> Void)? = nil) throws {
        self.source = source
        panel = try source.panel()
        inputs = try panel.inputs(overrides: try source.inputOverrides)
        guard let sweep = panel.sweep else { throw ShardError.usage("\(panel.id) has no sweep") }
        plan = try SweepPlan(sweep, context: ComputeContext(quality: source.quality, inputs: inputs, threads: threads, progress: progress))
        var h = StableHash()
        h.combine("wgmfig-shard-v1")
        h.combine(panel.id)
        h.combine(source.quality.rawValue)
        for p in PanelData.parameters(spec: panel, inputs: inputs) { h.combine(p.name); h.combine(p.value) }
        for e in inputs.effective { h.combine(e.input.name); h.combine("\(e.value.bitPattern)") }
        for g in panel.grid(source.quality) { h.combine(g.description) }
        h.combine(String(describing: sweep))
        specHash = h.hex
    }

    /// A compute context with this sweep's quality and inputs.
    public func context(threads: Int, progress: (@Sendable (SweepProgress) -> Void)? = nil) -> ComputeContext {
        ComputeContext(quality: source.quality, inputs: inputs, threads: threads, progress: progress)
    }

    /// The grid ranges of `count` shards: contiguous, in table order, each with about the same
    /// expected cost (`SweepPlan.cost`); never empty.
    public func ranges(_ count: Int) throws -> [Range<Int>] {
        let n = plan.count
        guard count <= n else {
            throw ShardError.usage("\(count) shards for \(n) grid points of \(panel.id): give at most \(n) shards")
        }
        var bounds = [0]
        if plan.uniformCost {
            for j in 1..<count { bounds.append(Int((Double(n) * Double(j) / Double(count)).rounded(.down))) }
        } else {
            var prefix = [Double](repeating: 0, count: n + 1)
            for k in 0..<n { prefix[k + 1] = prefix[k] + plan.cost(k) }
            var k = 0
            for j in 1..<count {
                let target = prefix[n] * Double(j) / Double(count)
                while k < n && prefix[k + 1] <= target { k += 1 }
                bounds.append(k)
            }
        }
        bounds.append(n)
        // Every shard gets at least one point.
        for j in 1..<count { bounds[j] = min(max(bounds[j], bounds[j - 1] + 1), n - (count - j)) }
        return (0..<count).map { bounds[$0]..<bounds[$0 + 1] }
    }
}
