import Foundation
import Numerics

/// What a spec's computation gets: the quality it runs at and a parallel, progress-reporting
/// map over sweep points (deterministic whatever the thread count).
public struct ComputeContext: Sendable {
    /// The sampling quality.
    public let quality: Quality
    /// Worker threads for sweeps.
    public let threads: Int
    /// Called with the fraction done, 0…1 (serialised).
    public let progress: (@Sendable (Double) -> Void)?

    /// A context.
    public init(quality: Quality, threads: Int = Parallel.defaultThreadCount, progress: (@Sendable (Double) -> Void)? = nil) {
        self.quality = quality
        self.threads = threads
        self.progress = progress
    }

    /// [body(0), …, body(count − 1)] computed in parallel, in index order, reporting progress.
    public func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let report = progress.map { p in { @Sendable (done: Int) in p(Double(done) / Double(max(count, 1))) } }
        return Parallel.map(count: count, threads: threads, progress: report, body)
    }
}
