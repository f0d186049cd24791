import Foundation

/// The shard manifests found in a directory.
public struct ShardDirectory: Sendable {
    /// The directory.
    public let directory: URL
    /// The manifests by file, sorted by name.
    public let manifests: [(url: URL, manifest: ShardManifest)]

    /// Reads every `*.shard-*.json` in `directory`; a directory without any is a usage error
    /// unless `allowEmpty`.
    public static func scan(_ directory: URL, allowEmpty: Bool = false) throws -> ShardDirectory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ShardError.usage("\(directory.path): no such directory (give the --out directory of the shards)")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter(ShardManifest.isManifestName).sorted()
        guard !names.isEmpty || allowEmpty else {
            throw ShardError.usage("\(directory.path) holds no shard manifests (*.shard-K-of-N.json): compute shards with "
                                   + "`wgmfig data ID --shard K/N --out \(directory.path)` or `wgmfig submit ID --slurm`")
        }
        let manifests = try names.map { name -> (url: URL, manifest: ShardManifest) in
            let url = directory.appendingPathComponent(name)
            return (url, try ShardManifest.read(url))
        }
        return ShardDirectory(directory: directory, manifests: manifests)
    }

    /// The manifests of one sweep: all must share a spec hash and a split (one sweep per directory),
    /// be computed by this build, and name each shard once.
    public func oneSweep() throws -> [(url: URL, manifest: ShardManifest)] {
        let groups = Dictionary(grouping: manifests, by: { $0.manifest.specHash })
        let main = groups.values.max { a, b in a.count < b.count || (a.count == b.count && a[0].url.path > b[0].url.path) }!
        let first = main[0].manifest
        let foreign = manifests.filter { $0.manifest.specHash != first.specHash }
        if !foreign.isEmpty {
            let f = foreign[0].manifest
            throw ShardError.invalid("\(names(foreign)) \(foreign.count == 1 ? "is a shard" : "are shards") of another sweep (\(f.panel), spec hash "
                                     + "\(f.specHash.prefix(12))) than the other \(main.count) (\(first.panel), spec hash \(first.specHash.prefix(12))): "
                                     + "keep one sweep per directory")
        }
        let stale = main.filter { $0.manifest.codeVersion != CodeVersion.current }
        if !stale.isEmpty {
            throw ShardError.invalid("\(names(stale)) \(stale.count == 1 ? "was" : "were") computed by wgmfig \(stale[0].manifest.codeVersion), "
                                     + "this is \(CodeVersion.current): merge with the build that computed the shards, or recompute them")
        }
        let splits = Set(main.map(\.manifest.shards))
        if splits.count > 1 {
            let examples = splits.sorted().map { n in main.first { $0.manifest.shards == n }! }
            throw ShardError.invalid("shards of different splits in \(directory.path): "
                                     + examples.map { "\($0.url.lastPathComponent) is \($0.manifest.shard) of \($0.manifest.shards)" }.joined(separator: ", ")
                                     + ": keep one split per directory")
        }
        let byShard = Dictionary(grouping: main, by: { $0.manifest.shard })
        if let (k, dup) = byShard.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > 1 }) {
            throw ShardError.invalid("duplicate shard \(k) of \(first.shards): \(names(dup)) both hold it: delete all but one")
        }
        return main
    }

    private func names(_ list: [(url: URL, manifest: ShardManifest)]) -> String {
        list.map { $0.url.path }.joined(separator: ", ")
    }
}

/// The state of one shard on disk.
public enum ShardState: Sendable, Equatable {
    /// No manifest.
    case missing
    /// Started, not (yet) finished: its process may be running or may have died.
    case running(ShardManifest)
    /// Ended with an error.
    case failed(ShardManifest, String)
    /// Done, but the data file is missing or does not match its manifest.
    case corrupt(String)
    /// Done and verified.
    case done(ShardManifest)

    /// True when the shard needs computing again (missing, failed or corrupt; a running one may still finish).
    public var needsRerun: Bool {
        switch self { case .missing, .failed, .corrupt: true; case .running, .done: false }
    }
}

/// Merges the shards in a directory into the sweep's result and runs the panel's finishing step.
public enum ShardMerge {
    /// The state of every shard 1…N of the directory's sweep, with the sweep rebuilt by this build.
    /// Without manifests, `expected` names the sweep and its split (a submission's record).
    public static func states(_ dir: ShardDirectory, threads: Int, expected: (source: ShardSource, shards: Int)? = nil) throws
        -> (sweep: ShardedSweep, shards: Int, states: [ShardState]) {
        let manifests = dir.manifests.isEmpty ? [] : try dir.oneSweep()
        guard let source = manifests.first?.manifest.source ?? expected?.source,
              let n = manifests.first?.manifest.shards ?? expected?.shards else {
            throw ShardError.usage("\(dir.directory.path) holds no shard manifests")
        }
        let sweep = try ShardedSweep(source, threads: threads)
        if let (url, first) = manifests.first, sweep.specHash != first.specHash {
            throw ShardError.invalid("\(url.path): its spec hash \(first.specHash.prefix(12)) is not that of its source "
                                     + "rebuilt by this build (\(sweep.specHash.prefix(12))): recompute the shards")
        }
        if let expected, let (url, first) = manifests.first, expected.shards != first.shards || expected.source != first.source {
            throw ShardError.invalid("\(url.path) is not a shard of the submitted sweep (\(expected.source.argument), \(expected.shards) shards): "
                                     + "keep one sweep per directory")
        }
        let ranges = try sweep.ranges(n)
        let byShard = Dictionary(uniqueKeysWithValues: manifests.map { ($0.manifest.shard, $0) })
        let states = (1...n).map { k -> ShardState in
            guard let (url, m) = byShard[k] else { return .missing }
            return state(m, url: url, expected: ranges[k - 1], sweep: sweep, directory: dir.directory)
        }
        return (sweep, n, states)
    }

    private static func state(_ m: ShardManifest, url: URL, expected: Range<Int>, sweep: ShardedSweep, directory: URL) -> ShardState {
        let what = "shard \(m.shard) of \(m.shards) (\(url.path))"
        guard m.range == expected, m.gridPoints == sweep.plan.count, m.outputs == sweep.plan.spec.outputs,
              m.checkPoints == sweep.plan.checkPoints(in: expected) else {
            return .corrupt("\(what) is corrupt: its grid range \(m.gridRange) is not points \(expected.lowerBound)..<\(expected.upperBound) "
                            + "of \(sweep.plan.count) of this split; recompute it")
        }
        switch m.state {
        case .running: return .running(m)
        case .failed: return .failed(m, m.error ?? "no error recorded")
        case .done: break
        }
        guard let name = m.dataFile, let checksum = m.checksum else { return .corrupt("\(what) is corrupt: done without a data file; recompute it") }
        let dataURL = directory.appendingPathComponent(name)
        let expectedBytes = ShardData.bytes(range: expected, checkPoints: m.checkPoints.count, outputs: m.outputs.count)
        let size = (try? FileManager.default.attributesOfItem(atPath: dataURL.path)[.size] as? Int) ?? nil
        guard let size else { return .corrupt("\(what): its data file \(dataURL.path) is missing; recompute it") }
        guard size == expectedBytes, m.dataBytes == expectedBytes else {
            return .corrupt("\(what): \(dataURL.path) is corrupt (\(size) bytes, expected \(expectedBytes)); recompute it")
        }
        guard let data = try? Data(contentsOf: dataURL) else { return .corrupt("\(what): \(dataURL.path) is unreadable; recompute it") }
        let actual = ShardData.checksum(data)
        guard actual == checksum else {
            return .corrupt("\(what): \(dataURL.path) is corrupt (checksum \(actual.prefix(12)), its manifest says \(checksum.prefix(12))); recompute it")
        }
        return .done(m)
    }

    /// The merged and finished data of the sweep whose shards are in `directory`: every shard
    /// present once, done and intact, else a one-line error naming the shards.
    public static func merge(_ directory: URL, threads: Int) throws -> (sweep: ShardedSweep, data: FigureData, shardSeconds: Double) {
        let dir = try ShardDirectory.scan(directory)
        let (sweep, n, states) = try states(dir, threads: threads)
        let id = sweep.panel.id
        let missing = states.indices.filter { states[$0] == .missing }.map { $0 + 1 }
        if !missing.isEmpty {
            throw ShardError.invalid("missing \(missing.count == 1 ? "shard" : "shards") \(list(missing)) of \(n) of \(id) in \(directory.path) "
                                     + "(no \(ShardManifest.fileName(panel: id, shard: missing[0], of: n))): compute \(missing.count == 1 ? "it" : "them") with "
                                     + "`wgmfig data \(sweep.source.argument) --shard \(missing[0])/\(n) --out \(directory.path)` or `wgmfig submit … --resume`")
        }
        var parts: [SweepPart] = [], seconds = 0.0
        for (j, s) in states.enumerated() {
            switch s {
            case .missing: break
            case .running(let m):
                throw ShardError.invalid("shard \(j + 1) of \(n) of \(id) has not finished (started \(m.started) on \(m.host)"
                                         + "\(m.slurmJob.map { ", job \($0)" } ?? "")): wait for it, or recompute it if it died")
            case .failed(_, let e): throw ShardError.invalid("shard \(j + 1) of \(n) of \(id) failed: \(e)")
            case .corrupt(let why): throw ShardError.invalid(why)
            case .done(let m):
                let data = try Data(contentsOf: directory.appendingPathComponent(m.dataFile ?? ""))
                parts.append(ShardData.decode(data, range: m.range!, checkPoints: m.checkPoints, outputs: m.outputs.count))
                seconds += m.computeSeconds ?? 0
            }
        }
        let context = sweep.context(threads: threads)
        let result = try sweep.plan.assemble(parts, context: context)
        guard let finish = sweep.panel.finish else { throw ShardError.usage("\(id) has no finishing step") }
        return (sweep, try finish(result, context), seconds)
    }

    /// "2", "2 and 4", "2, 3 and 5".
    static func list(_ ks: [Int]) -> String {
        let s = ks.map(String.init)
        return s.count <= 1 ? s.joined() : s.dropLast().joined(separator: ", ") + " and " + s.last!
    }
}

extension FigureSpec {
    /// This panel with a computation that returns `data` (merged shards go through the same
    /// provider and writer as a computed panel: same CSV, cache entry and sidecar).
    public func computing(_ data: FigureData) -> FigureSpec {
        var s = FigureSpec(id: id, title: title, summary: summary, model: model, fixedInputs: fixedInputs, sweptInputs: sweptInputs,
                           parameters: parameters, knownDifferences: knownDifferences, width: width, height: height,
                           grid: grid, compute: { _ in data }, plot: plot, views: views)
        s.sweep = sweep; s.finish = finish; s.fixedInputsAreUsers = fixedInputsAreUsers; s.panelLetter = panelLetter
        return s
    }
}
