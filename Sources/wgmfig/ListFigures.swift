import ArgumentParser
import Figures

/// `wgmfig list`: every id with its title.
struct ListFigures: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every figure id with its title.")

    func run() throws {
        let ids = Catalog.ids
        let width = (ids.map(\.count).max() ?? 0) + 2
        for id in ids {
            let title = try Catalog.entry(id).title
            print(id.padding(toLength: width, withPad: " ", startingAt: 0) + title)
        }
    }
}
