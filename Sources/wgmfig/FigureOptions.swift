import ArgumentParser
import Figures
import Plot
import Foundation

extension Quality: ExpressibleByArgument {}

/// Options shared by the commands that compute figure data.
struct DataOptions: ParsableArguments {
    @Option(help: "Sampling quality: final (print-ready) or draft (coarse, seconds).")
    var quality: Quality = .final

    @Flag(name: .customLong("no-cache"), help: "Recompute the data even when a cached copy exists.")
    var noCache = false

    @OptionGroup var set: OverrideOptions

    /// A figure writer at this quality with these overrides, checked against every panel of `ids` first.
    func writer(_ provider: DataProvider, ids: [String], svgText: SVGTextMode = .paths) throws -> FigureWriter {
        var writer = FigureWriter(provider: provider, quality: quality, overrides: try set.overrides(checkedFor: ids), pdfDate: ToolEnvironment.pdfDate)
        writer.svgText = svgText
        return writer
    }

    @Flag(help: "No progress output.")
    var quiet = false

    /// A data provider reporting progress on stderr (unless --quiet).
    func provider() -> (DataProvider, ProgressReporter) {
        let reporter = ProgressReporter(quiet: quiet)
        let provider = DataProvider(cache: ToolEnvironment.cache, readCache: !noCache, threads: ToolThreads.count, progress: { id, p in reporter.update(id, done: p.done, total: p.total) })
        return (provider, reporter)
    }
}

/// `--set NAME=VALUE` (repeatable), shared by render, data, show and check.
struct OverrideOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a model input, NAME=VALUE (repeatable; see `wgmfig inputs om|spb`).",
        discussion: "Output files of an overridden figure are named ID.NAME=VALUE[,NAME=VALUE].EXT, never the paper's ID.EXT."))
    var values: [String] = []

    /// The overrides, each a known input of every panel of `ids`, not swept there, with an allowed
    /// value, and given once.
    func overrides(checkedFor ids: [String]) throws -> [InputOverride] {
        let parsed = try values.map { try InputOverride(parsing: $0) }
        var seen = Set<String>()
        for o in parsed where !seen.insert(o.name).inserted {
            throw ValidationError("--set \(o.name) is given twice: give each input once")
        }
        for id in ids { try Catalog.checkOverrides(parsed, for: try Catalog.resolve(id)) }
        return parsed
    }
}

/// Resolves ids given on the command line (or all) into catalog ids, failing on unknown ones.
func resolveIDs(_ ids: [String], all: Bool) throws -> [String] {
    if all { return Catalog.ids }
    guard !ids.isEmpty else { throw ValidationError("give one or more figure ids, or --all (see `wgmfig list`)") }
    for id in ids { _ = try Catalog.resolve(id) }
    return ids
}
