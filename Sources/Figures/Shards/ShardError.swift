/// Errors of sharded sweeps, each one line naming the shard or file and what to do.
public enum ShardError: Error, CustomStringConvertible, Equatable {
    /// A bad argument (shard spec, directory, panel without a separable sweep): exit 2.
    case usage(String)
    /// Shards that do not make up one whole sweep (missing, duplicate, foreign, corrupt): exit 1.
    case invalid(String)

    public var description: String {
        switch self { case .usage(let s), .invalid(let s): s }
    }

    /// True for usage errors (exit status 2).
    public var isUsage: Bool { if case .usage = self { true } else { false } }
}

/// "shard K/N" as given on the command line: shard `index` (1-based) of `count`.
public struct ShardIndex: Sendable, Equatable, CustomStringConvertible {
    /// The shard, 1…count.
    public let index: Int
    /// The number of shards.
    public let count: Int

    /// Largest number of shards of one sweep.
    public static let maximumCount = 100_000

    /// Parses `K/N` with 1 ≤ K ≤ N ≤ 100000.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), (1...Self.maximumCount).contains(n), (1...n).contains(k) else {
            throw ShardError.usage("--shard '\(text)' is not K/N: give shard K of N shards, 1 ≤ K ≤ N ≤ \(Self.maximumCount) (e.g. 3/8)")
        }
        index = k; count = n
    }

    /// Shard `index` of `count`.
    public init(_ index: Int, of count: Int) { self.index = index; self.count = count }

    public var description: String { "shard \(index) of \(count)" }
}
