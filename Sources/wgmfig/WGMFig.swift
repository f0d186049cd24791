import ArgumentParser

/// The `wgmfig` command: regenerates every data figure of the two WGM backscattering papers.
@main
struct WGMFig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wgmfig",
        abstract: "Regenerate the figures of two WGM-resonator backscattering papers from first principles.",
        version: WGMFigVersion.string,
        subcommands: [Eval.self])
}
