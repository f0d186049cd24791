import ArgumentParser
import Figures
import Foundation

/// `wgmfig data ID`: computes (or loads) a panel's data and writes it as tidy CSV.
struct ExportData: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "data", abstract: "Write a figure's data as tidy CSV (one row per point).")

    @Argument(help: "A figure id (see `wgmfig list`).")
    var id: String

    @Option(help: "Output directory.")
    var out = "."

    @OptionGroup var data: DataOptions

    func run() throws {
        _ = try Catalog.resolve(id)
        let (provider, reporter) = data.provider()
        defer { reporter.finish() }
        let files = try data.writer(provider, ids: [id])
            .exportCSV(id, into: URL(fileURLWithPath: out, isDirectory: true))
        reporter.finish()
        for f in files { print(f.path) }
    }
}
