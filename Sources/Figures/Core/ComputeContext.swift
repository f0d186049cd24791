import Foundation
import WGMNumerics

/// What a spec's computation gets: the quality it runs at and a parallel, progress-reporting
/// map over sweep points (deterministic whatever the thread count).
public struct ComputeContext: Sendable {
    /// The sampling quality.
    public let quality: Quality
    /// The panel's parameter set (paper defaults, panel settings, user overrides).
    public let inputs: InputValues
    /// Worker threads for sweeps.
    public let threads: Int
    /// Called with the points done of the running sweep (serialised).
    public let progress: (@Sendable (SweepProgress) -> Void)?

    /// A context.
    public init(quality: Quality, inputs: InputValues, threads: Int = Parallel.defaultThreadCount,
                progress: (@Sendable (SweepProgress) -> Void)? = nil) {
        self.quality = quality
        self.inputs = inputs
        self.threads = threads
        self.progress = progress
    }

    /// The text when the panel has the paper's parameters (a quote of the paper's numbers), else "".
    public func paperQuote(_ text: String) -> String { inputs.isPaper ? text : "" }

    /// [body(0), …, body(count − 1)] computed in parallel, in index order, reporting progress.
    public func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let report = progress.map { p in { @Sendable (done: Int) in p(SweepProgress(done: done, total: count)) } }
        return Parallel.map(count: count, threads: threads, progress: report, body)
    }
}

/// How far a sweep has come: points done of the points of this sweep stage.
public struct SweepProgress: Sendable, Equatable {
    /// Points done.
    public let done: Int
    /// Points in the sweep stage.
    public let total: Int
}
