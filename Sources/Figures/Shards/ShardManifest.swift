import Foundation

/// The manifest written beside each shard's data (`<id>.shard-K-of-N.json`): which sweep it is
/// part of (spec hash, code version, source), which part (shard, grid range, check points), its
/// state and the checksum of its data file. Written when the shard starts (state running) and
/// again when it ends (done or failed).
public struct ShardManifest: Codable, Sendable, Equatable {
    /// The shard's state.
    public enum State: String, Codable, Sendable {
        /// Computing (or killed while computing: its process is gone).
        case running
        /// Finished; the data file and its checksum are written.
        case done
        /// Stopped by an error (`error` says which).
        case failed
    }

    /// The manifest format.
    public static let currentFormat = "wgmfig-shard-1"

    /// The manifest format (`currentFormat` when written by this version).
    public var format: String
    /// The panel id.
    public var panel: String
    /// What the sweep was computed from.
    public var source: ShardSource
    /// `ShardedSweep.specHash`.
    public var specHash: String
    /// `CodeVersion.current` of the build that computed the shard.
    public var codeVersion: String
    /// The shard, 1…shards.
    public var shard: Int
    /// The number of shards of the sweep.
    public var shards: Int
    /// The points of the sweep's table this shard holds: [first, end).
    public var gridRange: [Int]
    /// Points of the whole sweep.
    public var gridPoints: Int
    /// The output columns of each row.
    public var outputs: [String]
    /// The truncation check's sample points inside the range (their rows follow the range's).
    public var checkPoints: [Int]
    /// Running, done or failed.
    public var state: State
    /// The data file's name (same directory), once done.
    public var dataFile: String?
    /// Its size in bytes.
    public var dataBytes: Int?
    /// `StableHash` of its bytes.
    public var checksum: String?
    /// Wall time of the shard's computation.
    public var computeSeconds: Double?
    /// Where it ran.
    public var host: String
    /// The process id of the shard's computation on `host`.
    public var pid: Int32
    /// The Slurm job (`JOBID_TASK`), when run by Slurm.
    public var slurmJob: String?
    /// ISO 8601 times.
    public var started: String
    /// When it ended (ISO 8601; nil while running).
    public var finished: String?
    /// Why it failed.
    public var error: String?

    /// The manifest's file name for shard `k` of `n` of `panel`.
    public static func fileName(panel: String, shard k: Int, of n: Int) -> String { "\(panel).shard-\(k)-of-\(n).json" }

    /// The data file's name.
    public static func dataFileName(panel: String, shard k: Int, of n: Int) -> String { "\(panel).shard-\(k)-of-\(n).f64" }

    /// True for names of shard manifests.
    public static func isManifestName(_ name: String) -> Bool { name.contains(".shard-") && name.hasSuffix(".json") }

    /// The grid range as a range.
    public var range: Range<Int>? {
        guard gridRange.count == 2, gridRange[0] >= 0, gridRange[0] < gridRange[1] else { return nil }
        return gridRange[0]..<gridRange[1]
    }

    /// Pretty, key-sorted JSON.
    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        return try e.encode(self)
    }

    /// Reads a manifest (nil when the file is not one).
    public static func read(_ url: URL) throws -> ShardManifest {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= 8 << 20 else { throw ShardError.invalid("\(url.path) is \(size) bytes: not a shard manifest (at most 8 MiB)") }
        guard let data = try? Data(contentsOf: url) else { throw ShardError.invalid("\(url.path) is unreadable") }
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        guard let m = try? d.decode(ShardManifest.self, from: data), m.format == currentFormat else {
            throw ShardError.invalid("\(url.path) is corrupt: not a \(currentFormat) manifest; recompute the shard")
        }
        return m
    }
}

/// The shard data file: the range's rows, then the check points' rows, each `outputs` raw
/// little-endian Float64 values (bit-exact: NaN marks a point without a value).
enum ShardData {
    static func encode(_ part: SweepPart, checkPoints: [Int]) -> Data {
        var values: [Double] = []
        values.reserveCapacity((part.rows.count + checkPoints.count) * (part.rows.first?.count ?? 0))
        for r in part.rows { values += r }
        for k in checkPoints { values += part.finer[k] ?? [] }
        return values.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    static func decode(_ data: Data, range: Range<Int>, checkPoints: [Int], outputs: Int) -> SweepPart {
        let values: [Double] = data.withUnsafeBytes { raw in
            (0..<(data.count / 8)).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) }
        }
        let rows = (0..<range.count).map { Array(values[$0 * outputs..<($0 + 1) * outputs]) }
        let base = range.count * outputs
        let finer = Dictionary(uniqueKeysWithValues: checkPoints.enumerated().map { j, k in
            (k, Array(values[base + j * outputs..<base + (j + 1) * outputs]))
        })
        return SweepPart(range: range, rows: rows, finer: finer)
    }

    /// Expected size of a shard's data file.
    static func bytes(range: Range<Int>, checkPoints: Int, outputs: Int) -> Int { (range.count + checkPoints) * outputs * 8 }

    static func checksum(_ data: Data) -> String {
        var h = StableHash()
        data.withUnsafeBytes { h.combine(raw: $0) }
        return h.hex
    }
}
