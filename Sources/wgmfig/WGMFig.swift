import ArgumentParser
import Figures
import Foundation
import WGMNumerics

/// The `wgmfig` command: regenerates every data figure of the two WGM backscattering papers.
@main
struct WGMFig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wgmfig",
        abstract: "Regenerate the figures of two WGM-resonator backscattering papers from first principles.",
        discussion: "Exit codes: 0 success, 1 failure, 2 usage error.",
        version: CodeVersion.tool,
        subcommands: [ListFigures.self, ShowFigure.self, ListInputs.self, ListOutputs.self, RenderFigures.self, ExportData.self, MergeShards.self, SubmitShards.self, ShardStatus.self, CheckFigures.self, Eval.self, PreviewStyle.self, ServeExplorer.self])

    /// Runs a command with the documented exit codes: usage errors exit 2 (not 64), failures 1,
    /// each reported as one line.
    static func main() {
        ProcessMemory.retainFreedBlocks()
        do {
            try ToolThreads.configure()
            var command = try parseAsRoot()
            try command.run()
        } catch {
            ErrorReporting.exit(for: error)
        }
    }
}
