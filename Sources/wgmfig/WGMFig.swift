import ArgumentParser
import Figures
import Foundation

/// The `wgmfig` command: regenerates every data figure of the two WGM backscattering papers.
@main
struct WGMFig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wgmfig",
        abstract: "Regenerate the figures of two WGM-resonator backscattering papers from first principles.",
        discussion: "Exit codes: 0 success, 1 failure, 2 usage error.",
        version: WGMFigVersion.string,
        subcommands: [ListFigures.self, ShowFigure.self, ListInputs.self, ListOutputs.self, RenderFigures.self, ExportData.self, MergeShards.self, SubmitShards.self, ShardStatus.self, CheckFigures.self, Eval.self, PreviewStyle.self])

    /// Runs a command with the documented exit codes: usage errors exit 2 (not 64), failures 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if let e = error as? FigureError, case .unknownID = e {   // a mistyped id is a usage error
                FileHandle.standardError.write(Data("Error: \(e)\n".utf8))
                Foundation.exit(2)
            }
            if let e = error as? ShardError, e.isUsage {   // bad --shard, shard directory or unshardable panel
                FileHandle.standardError.write(Data("Error: \(e)\n".utf8))
                Foundation.exit(2)
            }
            if error is InputError || error is SpecError || error is EvalOMError {   // bad --set, spec or eval om value: usage errors
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                Foundation.exit(2)
            }
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 || code == .failure { exit(withError: error) }
            if code == .validationFailure {
                // One line: the problem and what is allowed (`--help` has the rest).
                let line = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
                FileHandle.standardError.write(Data("Error: \(line)\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
