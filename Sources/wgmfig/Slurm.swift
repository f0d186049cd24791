import Figures
import Foundation

/// The Slurm client commands wgmfig runs (`sbatch`, `squeue`, `scancel`, found on PATH).
enum Slurm {
    /// Runs `tool args…` and returns its stdout; a missing tool or a failure is one line.
    static func run(_ tool: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        do { try p.run() } catch { throw ShardError.invalid("cannot run \(tool): \(error)") }
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus == 127 {
            throw ShardError.invalid("\(tool) not found on PATH: run on a Slurm login node (or `module load slurm`)")
        }
        guard p.terminationStatus == 0 else {
            let line = String(decoding: e, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit status \(p.terminationStatus)"
            throw ShardError.invalid("\(tool) \(args.joined(separator: " ")) failed: \(line)")
        }
        return String(decoding: o, as: UTF8.self)
    }

    /// Submits a batch script with `sbatch --parsable` and returns the job id.
    static func submit(_ script: URL, options: [String] = []) throws -> String {
        let out = try run("sbatch", ["--parsable"] + options + [script.path])
        guard let id = out.split(separator: "\n").first?.split(separator: ";").first.map(String.init), !id.isEmpty,
              id.allSatisfy(\.isNumber) else {
            throw ShardError.invalid("sbatch printed no job id for \(script.path) (got '\(out.trimmingCharacters(in: .whitespacesAndNewlines))')")
        }
        return id
    }

    /// The queue's jobs and array tasks (`123`, `123_4`) with their states, or nil when squeue fails.
    static func queue() -> [String: String]? {
        guard let out = try? run("squeue", ["-h", "-r", "-o", "%i|%T"]) else { return nil }
        var jobs: [String: String] = [:]
        for line in out.split(separator: "\n") {
            let parts = line.split(separator: "|")
            if parts.count == 2 { jobs[String(parts[0])] = String(parts[1]) }
        }
        return jobs
    }

    /// Cancels a job (already gone: nothing to do).
    static func cancel(_ job: String) { _ = try? run("scancel", [job]) }
}

/// What `wgmfig submit` submitted, kept beside the shards (`<id>.submission.json`): status and
/// `--resume` read it.
struct SlurmSubmission: Codable {
    /// The sweep (the spec file is the copy in the shard directory).
    var source: ShardSource
    var shards: Int
    /// The job of each shard's latest submission (`JOBID_TASK`), by shard.
    var tasks: [String: String]
    /// The latest merge job.
    var mergeJob: String
    /// Where the merge writes the CSV.
    var mergeOut: String
    var submitted: String

    static func url(_ directory: URL, panel: String) -> URL { directory.appendingPathComponent("\(panel).submission.json") }

    static func read(_ directory: URL) -> SlurmSubmission? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".submission.json") }
        guard let name = names.sorted().first, let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { return nil }
        let d = JSONDecoder(); d.keyDecodingStrategy = .convertFromSnakeCase
        return try? d.decode(SlurmSubmission.self, from: data)
    }

    func write(_ directory: URL, panel: String) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        try AtomicFile.write(try e.encode(self), to: Self.url(directory, panel: panel))
    }
}

/// A shard's state as `wgmfig status` reports it: the manifest's, refined by the queue (a shard
/// whose manifest says running but whose job or process is gone has failed).
struct ShardReport {
    enum State: String, CaseIterable { case done, running, pending, failed, corrupt, missing }
    let shard: Int
    let state: State
    /// The job or process holding it, if any.
    let job: String?
    let detail: String

    /// True when `--resume` must compute it again.
    var needsRerun: Bool { [.failed, .corrupt, .missing].contains(state) }
    /// True when it is queued or running.
    var active: Bool { [.pending, .running].contains(state) }

    /// The reports of every shard of the directory's sweep.
    static func scan(_ directory: URL, submission: SlurmSubmission?) throws -> (sweep: ShardedSweep, shards: Int, reports: [ShardReport]) {
        let dir = try ShardDirectory.scan(directory, allowEmpty: submission != nil)
        let (sweep, n, states) = try ShardMerge.states(dir, threads: 1, expected: submission.map { ($0.source, $0.shards) })
        let queue = Slurm.queue()
        let reports = states.enumerated().map { j, s in report(j + 1, s, submitted: submission?.tasks["\(j + 1)"], queue: queue) }
        return (sweep, n, reports)
    }

    private static func report(_ k: Int, _ s: ShardState, submitted: String?, queue: [String: String]?) -> ShardReport {
        if case .done = s {} else if let job = submitted, let q = queue?[job] {   // the latest submission is queued or running
            return ShardReport(shard: k, state: q == "PENDING" ? .pending : .running, job: job, detail: "job \(job) \(q.lowercased())")
        }
        switch s {
        case .done(let m):
            return ShardReport(shard: k, state: .done, job: m.slurmJob, detail: String(format: "%.1f s on %@", m.computeSeconds ?? 0, m.host))
        case .failed(let m, let e): return ShardReport(shard: k, state: .failed, job: m.slurmJob, detail: e)
        case .corrupt(let why): return ShardReport(shard: k, state: .corrupt, job: nil, detail: why)
        case .missing:
            return ShardReport(shard: k, state: .missing, job: submitted, detail: submitted.map { "job \($0) ended without a result" } ?? "not computed")
        case .running(let m):
            if let job = m.slurmJob {
                if let q = queue?[job] { return ShardReport(shard: k, state: .running, job: job, detail: "job \(job) \(q.lowercased()) since \(m.started)") }
                if queue == nil { return ShardReport(shard: k, state: .running, job: job, detail: "since \(m.started) (squeue unavailable)") }
                return ShardReport(shard: k, state: .failed, job: job, detail: "job \(job) ended without a result (killed, timed out or out of memory?)")
            }
            if m.host == ProcessInfo.processInfo.hostName, kill(m.pid, 0) != 0 {
                return ShardReport(shard: k, state: .failed, job: nil, detail: "process \(m.pid) ended without a result")
            }
            return ShardReport(shard: k, state: .running, job: nil, detail: "process \(m.pid) on \(m.host) since \(m.started)")
        }
    }
}
