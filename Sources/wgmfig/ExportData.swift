import ArgumentParser
import Figures
import Foundation
import WGMNumerics

/// `wgmfig data ID`: computes (or loads) a panel's data and writes it as tidy CSV; with
/// `--shard K/N` computes only shard K of N of the sweep (for `wgmfig merge`).
struct ExportData: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "data", abstract: "Write a figure's data as tidy CSV (one row per point).")

    @Argument(help: "A figure id (see `wgmfig list`).")
    var id: String

    @Option(help: "Output directory.")
    var out = "."

    @Option(help: ArgumentHelp("Compute only shard K of N of the sweep (K/N, 1 ≤ K ≤ N) into --out: its values and a manifest.",
                               discussion: "`wgmfig merge DIR` joins the N shards into the same CSV as an unsharded run."))
    var shard: String?

    @OptionGroup var data: DataOptions

    func run() throws {
        if let shard { return try runShard(try ShardIndex(parsing: shard)) }
        _ = try Catalog.resolve(id)
        let (provider, reporter) = data.provider()
        defer { reporter.finish() }
        let files = try data.writer(provider, ids: [id])
            .exportCSV(id, into: URL(fileURLWithPath: out, isDirectory: true))
        reporter.finish()
        for f in files { print(f.path) }
    }

    private func runShard(_ shard: ShardIndex) throws {
        let source = try ShardSource.from(argument: id, quality: data.quality, overrides: try data.set.overrides(checkedFor: [id]))
        let sweep = try ShardedSweep(source, threads: ToolThreads.count)
        let reporter = ProgressReporter(quiet: data.quiet)
        defer { reporter.finish() }
        let label = "\(sweep.panel.id) \(shard.index)/\(shard.count)"
        let runner = ShardRunner(sweep: sweep, threads: ToolThreads.count,
                                 progress: { reporter.update(label, done: $0.done, total: $0.total) })
        let manifest = try runner.run(shard, into: URL(fileURLWithPath: out, isDirectory: true), origin: ShardOrigin.current)
        reporter.finish()
        print(manifest.path)
    }
}

extension ShardOrigin {
    /// This process: host, pid and the Slurm job it runs in (`SLURM_ARRAY_JOB_ID_SLURM_ARRAY_TASK_ID`, else `SLURM_JOB_ID`).
    static var current: ShardOrigin {
        let env = ProcessInfo.processInfo.environment
        var job = env["SLURM_JOB_ID"]
        if let array = env["SLURM_ARRAY_JOB_ID"], let task = env["SLURM_ARRAY_TASK_ID"] { job = "\(array)_\(task)" }
        return ShardOrigin(host: ProcessInfo.processInfo.hostName, pid: getpid(), slurmJob: job)
    }
}
