import ArgumentParser

/// `wgmfig eval …`: evaluate one model point and print its numbers (no figure).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a model at one parameter point and print the results.",
        subcommands: [EvalSPB.self])
}
