import ArgumentParser
import Figures
import Foundation

/// `wgmfig status DIR`: the state of every shard of a sweep (done, running, pending, failed,
/// corrupt, missing) from the manifests in DIR and, when there, Slurm's queue.
struct ShardStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the shards of a sweep: done, running, pending, failed, corrupt or missing.")

    @Argument(help: "The directory holding the shards (their --out).")
    var directory: String

    func run() throws {
        let dir = URL(fileURLWithPath: directory, isDirectory: true)
        let submission = SlurmSubmission.read(dir)
        let (sweep, n, reports) = try ShardReport.scan(dir, submission: submission)
        print("\(sweep.panel.id): \(sweep.plan.count) points in \(n) shards (\(sweep.source.quality.rawValue))")
        let ranges = try sweep.ranges(n)
        for r in reports {
            let range = ranges[r.shard - 1]
            print("  shard \(r.shard)/\(n)  \(r.state.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  points \(range.lowerBound)..<\(range.upperBound)  \(r.detail)")
        }
        let counts = ShardReport.State.allCases.compactMap { s -> String? in
            let c = reports.filter { $0.state == s }.count
            return c > 0 ? "\(c) \(s.rawValue)" : nil
        }
        print(counts.joined(separator: ", "))
        if let submission { print("merge: job \(submission.mergeJob) writes \(submission.mergeOut)") }
    }
}

