import ArgumentParser
import Foundation
import Plot

/// `--style a,b` (combined key by key, later ones win) and `--rc KEY=VALUE` (any style key).
struct StyleOptions: ParsableArguments {
    @Option(help: "Style names or paths, comma-separated and combined key by key (later ones override), e.g. paper,nature.")
    var style = "paper"

    @Option(name: .customLong("rc"), help: ArgumentHelp(
        "Override a style key, KEY=VALUE (repeatable), e.g. --rc font.axisLabelSize=10.",
        discussion: "Keys are those of Sources/Plot/Resources/styles/README.md (section.key, or palette.NAME); the value is read as YAML."))
    var rc: [String] = []

    /// The combined style; an unknown preset or key, or a malformed --rc, is a usage error.
    func load() throws -> Style { try Self.load(style, rc: rc) }

    static func load(_ styles: String, rc: [String]) throws -> Style {
        let names = styles.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty, !names.contains(where: \.isEmpty) else {
            throw ValidationError("--style '\(styles)' names no style: give names or paths separated by commas")
        }
        let overrides = try rc.map { item -> (key: String, value: String) in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--rc '\(item)' must be KEY=VALUE, e.g. font.axisLabelSize=10")
            }
            return (String(parts[0]).trimmingCharacters(in: .whitespaces), String(parts[1]).trimmingCharacters(in: .whitespaces))
        }
        do {
            return try Style.combined(names, overrides: overrides, searchPath: ToolStyles.searchPath())
        } catch let error as PlotError {
            switch error {
            case .unknownStyle:
                throw ValidationError("\(error)")
            case .unknownStyleKey(let file, let key, _) where file == "--rc":
                throw ValidationError("--rc: unknown style key '\(key)'; keys are \(Style.keys.joined(separator: ", "))")
            case .malformedStyle(let file, _, _) where file == "--rc":
                throw ValidationError("\(error)")
            default:
                throw error
            }
        }
    }
}
