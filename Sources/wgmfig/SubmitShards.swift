import ArgumentParser
import Figures
import Foundation

/// `wgmfig submit ID --slurm --shards N`: a Slurm job array computing the shards and a merge job
/// that runs when all of them succeed (`--dependency=afterok`), submitted with `sbatch --parsable`.
struct SubmitShards: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Run a sweep as N shards on a Slurm cluster (a job array) and merge them (a dependent job).",
        discussion: "The shard directory (--out) must be on a filesystem shared by the login and compute nodes. "
            + "`wgmfig status DIR` follows the shards; `--resume` resubmits only those missing, failed or corrupt.")

    @Argument(help: "A panel id (see `wgmfig list`) or a spec file (FILE.yaml).")
    var id: String

    @Flag(help: "Submit to Slurm (sbatch); the only scheduler supported.")
    var slurm = false

    @Option(help: "Number of shards (array tasks), 1 to 100000.")
    var shards: Int?

    @Option(help: "Slurm partition (sbatch --partition).")
    var partition: String?

    @Option(help: "Time limit per shard (sbatch --time, e.g. 30, 2:00:00, 1-0).")
    var time: String?

    @Option(help: "CPUs per shard (sbatch --cpus-per-task; the shard's threads).")
    var cpus = 1

    @Option(help: "Shard directory (shared filesystem); default wgmfig-shards/ID.")
    var out: String?

    @Option(name: .customLong("merge-out"), help: "Where the merge job writes the CSV (default: the shard directory).")
    var mergeOut: String?

    @Option(help: "A shell line run before wgmfig in each job, e.g. 'module load swift' (repeatable).")
    var setup: [String] = []

    @Option(help: "The wgmfig the jobs run (default: this one).")
    var wgmfig: String?

    @Option(help: "Sampling quality: final or draft.")
    var quality: Quality = .final

    @OptionGroup var set: OverrideOptions

    @Flag(help: "Write the job scripts and print the sbatch commands; submit nothing.")
    var dryRun = false

    @Flag(help: "Resubmit only the shards whose results are missing, failed or corrupt, and a new merge job.")
    var resume = false

    func validate() throws {
        guard slurm else { throw ValidationError("give --slurm: Slurm is the only scheduler supported") }
        if let shards, !(1...ShardIndex.maximumCount).contains(shards) {
            throw ValidationError("--shards \(shards) is out of range: give 1 to \(ShardIndex.maximumCount)")
        }
        if shards == nil && !resume { throw ValidationError("give --shards N (the number of array tasks)") }
        guard (1...4096).contains(cpus) else { throw ValidationError("--cpus \(cpus) is out of range: give 1 to 4096") }
        if let time, time.isEmpty || !time.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "-" }) {
            throw ValidationError("--time '\(time)' is not a Slurm time: give minutes, H:MM:SS or D-HH (e.g. 30, 2:00:00, 1-0)")
        }
        if let partition, partition.isEmpty || !partition.allSatisfy({ $0.isLetter || $0.isNumber || "_-.,".contains($0) }) {
            throw ValidationError("--partition '\(partition)' is not a partition name: letters, digits, '_', '-', '.', ','")
        }
        for line in setup where line.contains("\n") { throw ValidationError("--setup '\(line)' has a newline: give one line per --setup") }
    }

    func run() throws {
        let resolved = try Catalog.resolve(id)
        let directory = URL(fileURLWithPath: out ?? "wgmfig-shards/\(resolved.id)", isDirectory: true).standardizedFileURL
        let previous = SlurmSubmission.read(directory)
        let source: ShardSource, n: Int
        if resume {
            guard let previous else {
                throw ShardError.usage("\(directory.path) holds no submission (\(resolved.id).submission.json): submit without --resume first")
            }
            if let shards, shards != previous.shards {
                throw ShardError.usage("--shards \(shards) differs from the \(previous.shards) shards submitted to \(directory.path): omit it with --resume")
            }
            source = previous.source; n = previous.shards
        } else {
            let overrides = try set.overrides(checkedFor: [id])
            n = shards ?? 1
            _ = try ShardedSweep(try ShardSource.from(argument: id, quality: quality, overrides: overrides), threads: 1).ranges(n)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            source = try ShardSource.from(argument: try jobArgument(directory), quality: quality, overrides: overrides)
        }
        let sweep = try ShardedSweep(source, threads: 1)
        _ = try sweep.ranges(n)
        let panel = sweep.panel.id
        var tasks = previous?.tasks ?? [:]
        var todo = Array(1...n), waiting: [String] = []
        if resume {
            let (_, _, reports) = try ShardReport.scan(directory, submission: previous)
            todo = reports.filter(\.needsRerun).map(\.shard)
            waiting = reports.filter(\.active).compactMap(\.job)
        }
        let mergeDir = URL(fileURLWithPath: mergeOut ?? directory.path, isDirectory: true).standardizedFileURL
        let scripts = JobScripts(panel: panel, source: source, shards: n, directory: directory, mergeOut: mergeDir,
                                 wgmfig: wgmfig ?? Self.executablePath, cpus: cpus, time: time, partition: partition, setup: setup,
                                 cacheDirectory: ProcessInfo.processInfo.environment["WGMFIG_CACHE_DIR"])
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("logs"), withIntermediateDirectories: true)
        let arrayScript = directory.appendingPathComponent("\(panel).array.sbatch")
        let mergeScript = directory.appendingPathComponent("\(panel).merge.sbatch")
        if !todo.isEmpty { try AtomicFile.write(scripts.array(tasks: todo), to: arrayScript) }
        try AtomicFile.write(scripts.merge(), to: mergeScript)
        if dryRun {
            if !todo.isEmpty { print("sbatch --parsable \(arrayScript.path)") }
            print("sbatch --parsable --dependency=afterok:<array job>\(waiting.map { ":" + $0 }.joined()) --kill-on-invalid-dep=yes \(mergeScript.path)")
            print("dry run: scripts written to \(directory.path), nothing submitted")
            return
        }
        if resume, let old = previous?.mergeJob { Slurm.cancel(old) }   // its dependency can no longer be satisfied
        var after = waiting
        if !todo.isEmpty {
            let job = try Slurm.submit(arrayScript)
            for k in todo { tasks["\(k)"] = "\(job)_\(k)" }
            after.insert(job, at: 0)
            print("array job \(job): shards \(JobScripts.taskList(todo)) of \(n) of \(panel)")
        } else {
            print("no shard to resubmit: all \(n) are done or still queued")
        }
        let dependency = after.isEmpty ? [] : ["--dependency=afterok:" + after.joined(separator: ":"), "--kill-on-invalid-dep=yes"]
        let merge = try Slurm.submit(mergeScript, options: dependency)
        try SlurmSubmission(source: source, shards: n, tasks: tasks, mergeJob: merge, mergeOut: mergeDir.path,
                            submitted: ShardRunner.now()).write(directory, panel: panel)
        print("merge job \(merge): \(after.isEmpty ? "now" : "after \(after.joined(separator: ", ")) succeed"), writes \(mergeDir.path)")
        print("follow: squeue -j \((after.filter { !$0.contains("_") } + [merge]).joined(separator: ",")); wgmfig status \(directory.path); logs in \(directory.appendingPathComponent("logs").path)")
        print("if a shard fails: wgmfig submit \(id) --slurm --resume --out \(directory.path)")
    }

    /// The argument the jobs get: a panel id, or the spec file copied into the shard directory
    /// (the jobs read the copy, so editing the original cannot mix two sweeps).
    private func jobArgument(_ directory: URL) throws -> String {
        guard SpecFile.isSpecPath(id) else { return id }
        _ = try SpecFile.load(path: id)
        let copy = directory.appendingPathComponent("spec").appendingPathComponent(URL(fileURLWithPath: id).lastPathComponent)
        guard let text = FileManager.default.contents(atPath: id) else { throw ShardError.usage("\(id): unreadable spec file") }
        try AtomicFile.write(text, to: copy)
        return copy.path
    }

    static var executablePath: String { URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path }
}

/// The sbatch scripts of a sharded sweep.
struct JobScripts {
    let panel: String, source: ShardSource, shards: Int, directory: URL, mergeOut: URL, wgmfig: String
    let cpus: Int, time: String?, partition: String?, setup: [String], cacheDirectory: String?

    /// The job array computing shards `tasks`.
    func array(tasks: [Int]) -> String {
        let flags = ["--quality", source.quality.rawValue] + source.overrides.flatMap { ["--set", $0] }
        return header(name: "wgmfig-\(panel)", log: "\(panel).shard-%a.log", extra: ["--array=\(Self.taskList(tasks))"])
            + "exec \(q(wgmfig)) data \(q(source.argument)) --shard \"${SLURM_ARRAY_TASK_ID}/\(shards)\" --out \(q(directory.path)) "
            + flags.map(q).joined(separator: " ") + " --quiet\n"
    }

    /// The merge job.
    func merge() -> String {
        header(name: "wgmfig-\(panel)-merge", log: "\(panel).merge.log", extra: [])
            + (cacheDirectory.map { "export WGMFIG_CACHE_DIR=\(q($0))\n" } ?? "")
            + "exec \(q(wgmfig)) merge \(q(directory.path)) --out \(q(mergeOut.path))\n"
    }

    private func header(name: String, log: String, extra: [String]) -> String {
        var lines = ["#!/bin/bash", "# Written by `wgmfig submit` for \(panel) (\(shards) shards, \(source.quality.rawValue)).",
                     "#SBATCH --job-name=\(name)", "#SBATCH --cpus-per-task=\(cpus)",
                     "#SBATCH --output=\(directory.appendingPathComponent("logs").appendingPathComponent(log).path)"]
        lines += extra.map { "#SBATCH \($0)" }
        if let time { lines.append("#SBATCH --time=\(time)") }
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        lines += ["set -eu"] + setup + ["export WGMFIG_THREADS=\"${SLURM_CPUS_PER_TASK:-\(cpus)}\""]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Shell single-quoting.
    private func q(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// "1-4", "2,5-7".
    static func taskList(_ tasks: [Int]) -> String {
        var parts: [String] = [], i = 0
        let t = tasks.sorted()
        while i < t.count {
            var j = i
            while j + 1 < t.count && t[j + 1] == t[j] + 1 { j += 1 }
            parts.append(i == j ? "\(t[i])" : "\(t[i])-\(t[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}
