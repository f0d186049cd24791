import ArgumentParser
import Figures
import Foundation

extension ModelID: ExpressibleByArgument {}

/// The arguments of `inputs` and `outputs`: a model and the output form.
struct RegistryListing: ParsableArguments {
    @Argument(help: "The model: om or spb.")
    var model: ModelID

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// Prints `rows` as JSON, or as a table of each row's name and text.
    func print(_ rows: [(name: String, text: String, json: [String: Any])]) throws {
        if json {
            let data = try JSONSerialization.data(withJSONObject: rows.map(\.json), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            Swift.print(String(decoding: data, as: UTF8.self))
            return
        }
        let width = rows.map(\.name.count).max() ?? 10
        for r in rows { Swift.print(r.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + r.text) }
    }
}

/// `wgmfig inputs om|spb`: every input of a model with its paper value, allowed values and doc.
struct ListInputs: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inputs", abstract: "List a model's inputs (names for --set and spec files).")

    @OptionGroup var listing: RegistryListing

    func run() throws {
        let paper = InputValues(model: listing.model)
        try listing.print(ModelRegistry.of(listing.model).inputs.map { i in
            let value = i.display(paper.value(i.name))
            var json: [String: Any] = ["name": i.name, "unit": i.unit, "default": value, "allowed": i.allowed, "doc": i.doc,
                                       "log": i.isLogarithmic]
            if let rule = i.defaultRule { json["default_rule"] = rule }
            let text = value + (i.defaultRule.map { " (\($0))" } ?? "") + "  [\(i.allowed); unit \(i.unit)]  \(i.doc)"
            return (i.name, text, json)
        })
    }
}

/// `wgmfig outputs om|spb`: every output of a model (column names for spec files).
struct ListOutputs: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "outputs", abstract: "List a model's outputs (columns for spec files).")

    @OptionGroup var listing: RegistryListing

    func run() throws {
        try listing.print(ModelRegistry.of(listing.model).outputs.map { o in
            var json: [String: Any] = ["name": o.name, "doc": o.doc]
            if let n = o.note { json["note"] = n }
            return (o.name, o.doc + (o.note.map { " (\($0))" } ?? ""), json)
        })
    }
}
