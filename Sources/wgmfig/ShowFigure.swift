import ArgumentParser
import Figures

/// `wgmfig show ID|FILE.yaml`: what a panel shows, its effective parameters and grid, its notes.
struct ShowFigure: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Describe a figure: what it shows, its parameters, its notes.")

    @Argument(help: "A figure id (see `wgmfig list`) or a spec file (FILE.yaml).")
    var id: String

    @OptionGroup var set: OverrideOptions

    func run() throws {
        let overrides = try set.overrides(checkedFor: [id])
        switch try Catalog.resolve(id) {
        case .composite(let c):
            print("\(c.id): \(c.title)")
            print("Whole figure; panels: \(c.panels.map(\.id).joined(separator: ", "))")
            for cell in c.panels where !c.specs.isEmpty { print(""); try describe(try c.panel(cell.id), overrides) }
            if c.specs.isEmpty { print("Run `wgmfig show <panel>` for each panel's parameters and notes.") }
        case .panel(let spec):
            try describe(spec, overrides)
        }
    }

    private func describe(_ spec: FigureSpec, _ overrides: [InputOverride]) throws {
        let inputs = try spec.inputs(overrides: overrides)
        print("\(spec.id): \(spec.title)\n")
        print(spec.summary + "\n")
        print("Model: \(spec.model.rawValue); parameters (* = set by you, differs from the paper's):")
        for p in PanelData.parameters(spec: spec, inputs: inputs) {
            print("  \(inputs.overridden.contains(p.name) ? "*" : " ") \(p.name) = \(p.value)")
        }
        print("Swept (not settable): \(spec.sweptInputs.joined(separator: ", "))")
        for q in Quality.allCases {
            print("Grid (\(q.rawValue)):")
            for g in spec.grid(q) { print("  \(g)") }
        }
        let computed = cachedNotes(spec, overrides)
        let notes = PanelData.notes(spec: spec, inputs: inputs, computed: computed ?? [])
        print("Notes\(computed == nil ? " (computed notes appear once the data is computed at final quality)" : ""):")
        if notes.isEmpty { print("  (none)") }
        for n in notes { print("  - \(n)") }
    }

    /// Notes learnt by a previous computation at final quality, if it is cached (never computes).
    private func cachedNotes(_ spec: FigureSpec, _ overrides: [InputOverride]) -> [String]? {
        let provider = DataProvider(cache: ToolEnvironment.cache, threads: ToolThreads.count)
        return provider.cached(spec, quality: .final, overrides: overrides)?.data.notes
    }
}
