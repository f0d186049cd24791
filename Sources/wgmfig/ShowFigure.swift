import ArgumentParser
import Figures

/// `wgmfig show ID`: what a panel shows, its parameters and grid, its notes.
struct ShowFigure: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Describe a figure: what it shows, its parameters, its notes.")

    @Argument(help: "A figure id (see `wgmfig list`).")
    var id: String

    func run() throws {
        switch try Catalog.entry(id) {
        case .composite(let c):
            print("\(c.id): \(c.title)")
            print("Whole figure laid out like the paper; panels: \(c.panels.map(\.id).joined(separator: ", "))")
            print("Run `wgmfig show <panel>` for each panel's parameters and notes.")
        case .panel(let spec):
            print("\(spec.id): \(spec.title)\n")
            print(spec.summary + "\n")
            print("Parameters:")
            for p in spec.parameters { print("  \(p.name) = \(p.value)") }
            for q in Quality.allCases {
                print("Grid (\(q.rawValue)):")
                for g in spec.grid(q) { print("  \(g)") }
            }
            let computed = cachedNotes(spec)
            let notes = spec.knownDifferences + computed
            print("Notes:")
            if notes.isEmpty { print("  (none)") }
            for n in notes { print("  - \(n)") }
        }
    }

    /// Notes learnt by a previous computation at final quality, if it is cached (never computes).
    private func cachedNotes(_ spec: FigureSpec) -> [String] {
        let cache = FigureCache(directory: FigureCache.defaultDirectory)
        let key = FigureCache.key(id: spec.id, parameters: spec.parameters, grid: spec.grid(.final), quality: .final)
        return cache.load(id: spec.id, key: key)?.0.notes ?? []
    }
}
