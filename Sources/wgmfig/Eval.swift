import ArgumentParser

/// `wgmfig eval`: evaluate one model at one parameter point (the oracle hook of the tests).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one model at one parameter point and print its outputs.",
        subcommands: [EvalOM.self, EvalSPB.self])
}
