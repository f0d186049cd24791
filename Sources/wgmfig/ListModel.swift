import ArgumentParser
import Figures
import Foundation

extension ModelID: ExpressibleByArgument {}

/// `wgmfig inputs om|spb`: every input of a model with its paper value, allowed values and doc.
struct ListInputs: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inputs", abstract: "List a model's inputs (names for --set and spec files).")

    @Argument(help: "The model: om or spb.")
    var model: ModelID

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let registry = ModelRegistry.of(model)
        let paper = InputValues(model: model)
        if json {
            let rows: [[String: Any]] = registry.inputs.map { i in
                var row: [String: Any] = ["name": i.name, "unit": i.unit, "default": i.display(paper.value(i.name)),
                                          "allowed": i.allowed, "doc": i.doc, "log": i.isLogarithmic]
                if let rule = i.defaultRule { row["default_rule"] = rule }
                return row
            }
            try printJSON(rows)
            return
        }
        let width = registry.inputs.map(\.name.count).max() ?? 10
        for i in registry.inputs {
            let d = i.display(paper.value(i.name)) + (i.defaultRule.map { " (\($0))" } ?? "")
            print(i.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + "\(d)  [\(i.allowed); unit \(i.unit)]  \(i.doc)")
        }
    }
}

/// `wgmfig outputs om|spb`: every output of a model (column names for spec files).
struct ListOutputs: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outputs", abstract: "List a model's outputs (columns for spec files).")

    @Argument(help: "The model: om or spb.")
    var model: ModelID

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let registry = ModelRegistry.of(model)
        if json {
            try printJSON(registry.outputs.map { o -> [String: Any] in
                var row: [String: Any] = ["name": o.name, "doc": o.doc]
                if let n = o.note { row["note"] = n }
                return row
            })
            return
        }
        let width = registry.outputs.map(\.name.count).max() ?? 10
        for o in registry.outputs {
            print(o.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + o.doc + (o.note.map { " (\($0))" } ?? ""))
        }
    }
}

/// Pretty, key-sorted JSON on standard output.
func printJSON(_ value: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    print(String(decoding: data, as: UTF8.self))
}
