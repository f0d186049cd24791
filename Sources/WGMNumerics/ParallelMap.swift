import CLapack
import Foundation

/// Deterministic parallel evaluation for sweeps: every index is computed exactly once by a
/// pure function, and the result array is in index order whatever the number of threads.
public enum Parallel {
    /// The number of worker threads used by default: the machine's active processor count (a
    /// tool passes its own setting, e.g. from an environment variable, as `threads`).
    public static var defaultThreadCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Returns [body(0), body(1), …, body(count − 1)], computed on up to `threads` threads.
    /// `progress`, if given, is called (from worker threads, serialised) with the number done.
    public static func map<T: Sendable>(
        count: Int, threads: Int = Parallel.defaultThreadCount,
        progress: (@Sendable (Int) -> Void)? = nil,
        _ body: @Sendable (Int) -> T
    ) -> [T] {
        precondition(count >= 0, "negative count")
        if count == 0 { return [] }
        // The parallelism is over points: kernels call BLAS single-threaded, so the workers do not
        // oversubscribe the cores and every point's arithmetic is the same for any thread count.
        BLASThreads.pinSingle()
        let workers = max(1, min(threads, count))
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer { buffer.deinitialize(); buffer.deallocate() }
        let box = ResultBox(buffer)
        let counter = Counter()
        // Chunks are small and handed out dynamically: balances cheap and expensive points.
        let chunk = max(1, min(64, count / (workers * 8)))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let start = counter.claim(chunk)
                if start >= count { break }
                let end = min(count, start + chunk)
                for i in start..<end { box.store(body(i), at: i) }
                if let progress { progress(counter.finished(end - start)) }
            }
        }
        return buffer.map { $0! }
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(_ buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
    func store(_ value: T, at i: Int) { buffer[i] = value }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    func claim(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; let s = next; next += n; return s }
    func finished(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; done += n; return done }
}

/// OpenBLAS's own worker threads (process-wide). The tool parallelises over sweep points, never
/// inside a kernel: one BLAS thread per caller keeps the cores free for the sweep's workers and
/// the reduction order of every BLAS/LAPACK call independent of the thread count.
public enum BLASThreads {
    /// The number of threads OpenBLAS uses for one call.
    public static var current: Int { Int(openblas_get_num_threads()) }

    /// Sets OpenBLAS's thread count (at least 1).
    public static func set(_ count: Int) { openblas_set_num_threads(Int32(max(1, min(count, 1024)))) }

    /// Sets one BLAS thread, once per process (cheap to call before every sweep).
    public static func pinSingle() { _ = pinned }

    private static let pinned: Void = set(1)
}
