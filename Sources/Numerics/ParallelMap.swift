import Foundation

/// Deterministic parallel evaluation for sweeps: every index is computed exactly once by a
/// pure function, and the result array is in index order whatever the number of threads.
public enum Parallel {
    /// The number of worker threads used by default: the machine's active processor count,
    /// or `WGMFIG_THREADS` when set to a positive integer.
    public static var defaultThreadCount: Int {
        if let s = ProcessInfo.processInfo.environment["WGMFIG_THREADS"], let n = Int(s), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Returns [body(0), body(1), …, body(count − 1)], computed on up to `threads` threads.
    /// `progress`, if given, is called (from worker threads, serialised) with the number done.
    public static func map<T: Sendable>(
        count: Int, threads: Int = Parallel.defaultThreadCount,
        progress: (@Sendable (Int) -> Void)? = nil,
        _ body: @Sendable (Int) -> T
    ) -> [T] {
        precondition(count >= 0, "negative count")
        if count == 0 { return [] }
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
