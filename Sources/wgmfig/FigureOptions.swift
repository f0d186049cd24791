import ArgumentParser
import Figures
import Foundation

extension Quality: ExpressibleByArgument {}

/// Options shared by the commands that compute figure data.
struct DataOptions: ParsableArguments {
    @Option(help: "Sampling quality: final (print-ready) or draft (coarse, seconds).")
    var quality: Quality = .final

    @Flag(name: .customLong("no-cache"), help: "Recompute the data even when a cached copy exists.")
    var noCache = false

    /// A data provider with a terminal progress bar.
    func provider() -> (DataProvider, ProgressReporter) {
        let reporter = ProgressReporter()
        let provider = DataProvider(readCache: !noCache, progress: { id, f in reporter.update(id, f) })
        return (provider, reporter)
    }
}

/// Resolves ids given on the command line (or all) into catalog ids, failing on unknown ones.
func resolveIDs(_ ids: [String], all: Bool) throws -> [String] {
    if all { return Catalog.ids }
    guard !ids.isEmpty else { throw ValidationError("give one or more figure ids, or --all (see `wgmfig list`)") }
    for id in ids { _ = try Catalog.entry(id) }
    return ids
}

/// One progress bar per panel being computed.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private var bars: [String: ProgressBar] = [:]

    func update(_ id: String, _ fraction: Double) {
        lock.lock()
        let bar = bars[id] ?? ProgressBar(label: id)
        bars[id] = bar
        lock.unlock()
        bar.update(fraction)
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        for bar in bars.values { bar.finish() }
        bars = [:]
    }
}
