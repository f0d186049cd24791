import Foundation

/// Where a shard runs (recorded in its manifest; `wgmfig status` uses it to tell a running shard
/// from one whose process died).
public struct ShardOrigin: Sendable {
    /// Host name.
    public let host: String
    /// Process id.
    public let pid: Int32
    /// The Slurm job (`JOBID_TASK`), when run by Slurm.
    public let slurmJob: String?

    /// An origin.
    public init(host: String, pid: Int32, slurmJob: String?) { self.host = host; self.pid = pid; self.slurmJob = slurmJob }
}

/// Computes one shard of a sweep into a directory: the manifest (state running), the data file,
/// then the manifest again (state done with the data's checksum, or failed with the error).
public struct ShardRunner: Sendable {
    /// The sweep.
    public let sweep: ShardedSweep
    /// Worker threads.
    public let threads: Int
    /// Progress callback (points done of this shard).
    public let progress: (@Sendable (SweepProgress) -> Void)?

    /// A runner.
    public init(sweep: ShardedSweep, threads: Int, progress: (@Sendable (SweepProgress) -> Void)? = nil) {
        self.sweep = sweep; self.threads = threads; self.progress = progress
    }

    /// Computes `shard` into `directory` and returns the manifest's path.
    public func run(_ shard: ShardIndex, into directory: URL, origin: ShardOrigin) throws -> URL {
        let ranges = try sweep.ranges(shard.count)
        let range = ranges[shard.index - 1]
        let id = sweep.panel.id
        let manifestURL = directory.appendingPathComponent(ShardManifest.fileName(panel: id, shard: shard.index, of: shard.count))
        let dataName = ShardManifest.dataFileName(panel: id, shard: shard.index, of: shard.count)
        var manifest = ShardManifest(
            format: ShardManifest.currentFormat, panel: id, source: sweep.source, specHash: sweep.specHash,
            codeVersion: CodeVersion.current, shard: shard.index, shards: shard.count,
            gridRange: [range.lowerBound, range.upperBound], gridPoints: sweep.plan.count, outputs: sweep.plan.spec.outputs,
            checkPoints: sweep.plan.checkPoints(in: range), state: .running, host: origin.host, pid: origin.pid,
            slurmJob: origin.slurmJob, started: Self.now())
        try AtomicFile.write(try manifest.json(), to: manifestURL)
        let start = Date()
        do {
            let part = sweep.plan.evaluate(range, context: sweep.context(threads: threads, progress: progress))
            let data = ShardData.encode(part, checkPoints: manifest.checkPoints)
            try AtomicFile.write(data, to: directory.appendingPathComponent(dataName))
            manifest.dataFile = dataName
            manifest.dataBytes = data.count
            manifest.checksum = ShardData.checksum(data)
            manifest.state = .done
        } catch {
            manifest.state = .failed
            manifest.error = "\(error)"
        }
        manifest.computeSeconds = Date().timeIntervalSince(start)
        manifest.finished = Self.now()
        try AtomicFile.write(try manifest.json(), to: manifestURL)
        if let e = manifest.error { throw ShardError.invalid("\(id) \(shard) failed: \(e)") }
        return manifestURL
    }

    /// The current time, ISO 8601.
    public static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}
