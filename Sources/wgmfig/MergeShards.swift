import ArgumentParser
import Figures
import Foundation
import WGMNumerics

/// `wgmfig merge DIR`: joins the shards of one sweep, runs the panel's finishing step and writes
/// the same CSV, sidecar and cache entry as an unsharded `wgmfig data`.
struct MergeShards: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge the shards of a sweep (from `data --shard` or `submit`) into its CSV and cache entry.",
        discussion: "Refuses, with one line naming them, shards that are missing, duplicated, unfinished, corrupt, of another sweep or of another build.")

    @Argument(help: "The directory holding the shards (their --out).")
    var directory: String

    @Option(help: "Output directory of the CSV and its sidecar.")
    var out = "."

    @Flag(help: "No hint on stderr.")
    var quiet = false

    func run() throws {
        let threads = ToolThreads.count
        let (sweep, data, _) = try ShardMerge.merge(URL(fileURLWithPath: directory, isDirectory: true), threads: threads)
        let overrides = try sweep.source.inputOverrides
        let writer = FigureWriter(provider: DataProvider(cache: ToolEnvironment.cache, readCache: false, threads: threads),
                                  quality: sweep.source.quality, overrides: overrides, pdfDate: ToolEnvironment.pdfDate)
        let files = try writer.exportCSV(specs: [sweep.panel.computing(data)], into: URL(fileURLWithPath: out, isDirectory: true))
        for f in files { print(f.path) }
        if !quiet {
            let flags = ["--quality", sweep.source.quality.rawValue] + overrides.flatMap { ["--set", "\($0.name)=\($0.text)"] }
            let line = "merged \(sweep.panel.id); `wgmfig render \(sweep.source.argument) \(flags.joined(separator: " "))` now draws it from the cache\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
