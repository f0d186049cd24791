import Foundation
import XCTest

/// `data --shard`, `merge` and `status` without a scheduler: shards computed one by one merge to
/// the unsharded bytes, and merge refuses every set of shards that is not exactly one sweep.
final class ShardCommandTests: XCTestCase {
    private var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    static let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("specs")

    private func path(_ p: String) -> String { tmp.appendingPathComponent(p).path }

    /// Computes shards `ks` of `n` of `id` into `dir`.
    private func shards(_ id: String, _ ks: [Int], of n: Int, into dir: String, binary: URL? = nil) throws {
        for k in ks {
            let r = try CLIRunner.run(["data", id, "--quality", "draft", "--shard", "\(k)/\(n)", "--out", path(dir), "--quiet"],
                                      cacheDirectory: tmp, executable: binary)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    private func merge(_ dir: String, cache: String = "cache-merge") throws -> CLIRunner.Result {
        try CLIRunner.run(["merge", path(dir), "--out", path("merged"), "--quiet"], cacheDirectory: tmp.appendingPathComponent(cache))
    }

    func testShardsMergeToTheUnshardedCSVSidecarAndCacheEntry() throws {
        let spec = Self.specs.appendingPathComponent("spb-g2-cutoffs.yaml").path
        for (id, stem, extra) in [("om-3a", "om-3a", ["om-3a-immune_angles.csv"]), (spec, "spb-g2-cutoffs", [])] {
            let whole = try CLIRunner.run(["data", id, "--quality", "draft", "--out", path("whole"), "--quiet"],
                                          cacheDirectory: tmp.appendingPathComponent("cache-whole"))
            XCTAssertEqual(whole.status, 0, whole.stderr)
            try shards(id, [3, 1, 2], of: 3, into: "shards-\(stem)")
            let merged = try merge("shards-\(stem)")
            XCTAssertEqual(merged.status, 0, merged.stderr)
            for name in ["\(stem).csv"] + extra {
                let a = try Data(contentsOf: tmp.appendingPathComponent("whole/\(name)"))
                XCTAssertGreaterThan(a.count, 20, name)   // compares something: the angles table is two rows
                XCTAssertEqual(a, try Data(contentsOf: tmp.appendingPathComponent("merged/\(name)")), "\(stem): \(name) differs")
            }
            // The sidecars agree except for the wall time; the cache entries have the same name (key).
            func sidecar(_ dir: String) throws -> String {
                try String(contentsOf: tmp.appendingPathComponent("\(dir)/\(stem).csv.json"), encoding: .utf8)
                    .split(separator: "\n").filter { !$0.contains("compute_seconds") }.joined(separator: "\n")
            }
            XCTAssertEqual(try sidecar("whole"), try sidecar("merged"))
            let names = { (d: String) in try FileManager.default.contentsOfDirectory(atPath: self.path(d)).filter { $0.hasPrefix(stem) }.sorted() }
            XCTAssertEqual(try names("cache-whole"), try names("cache-merge"))
            // Rendering afterwards reads the merged cache entry: no recomputation.
            let render = try CLIRunner.run(["render", id, "--quality", "draft", "--format", "svg", "--out", path("render"), "--quiet"],
                                           cacheDirectory: tmp.appendingPathComponent("cache-merge"))
            XCTAssertEqual(render.status, 0, render.stderr)
            let json = try String(contentsOf: tmp.appendingPathComponent("render/\(stem).svg.json"), encoding: .utf8)
            XCTAssertTrue(json.contains("\"cache\" : \"hit\""), json)
        }
    }

    func testMergeRefusesMissingDuplicateCorruptForeignAndOtherBuildShards() throws {
        try shards("om-3a", [1, 2, 3, 4], of: 4, into: "s")
        let fm = FileManager.default
        func refused(_ dir: String, _ needles: [String], status: Int32 = 1, _ line: UInt = #line) throws {
            let r = try merge(dir)
            XCTAssertEqual(r.status, status, r.stderr, line: line)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr, line: line)
            for n in needles { XCTAssertTrue(r.stderr.contains(n), "\(n) not in: \(r.stderr)", line: line) }
            XCTAssertFalse(fm.fileExists(atPath: path("merged/om-3a.csv")), line: line)
        }
        func copy(_ name: String) throws -> String {
            try? fm.removeItem(at: tmp.appendingPathComponent(name))
            try fm.copyItem(at: tmp.appendingPathComponent("s"), to: tmp.appendingPathComponent(name))
            return name
        }
        // Missing: shards 2 and 4 deleted.
        let missing = try copy("missing")
        for k in [2, 4] { try fm.removeItem(atPath: path("\(missing)/om-3a.shard-\(k)-of-4.json")) }
        try refused(missing, ["missing shards 2 and 4 of 4", "om-3a"])
        // Duplicate: shard 2 present twice.
        let duplicate = try copy("duplicate")
        try fm.copyItem(atPath: path("\(duplicate)/om-3a.shard-2-of-4.json"), toPath: path("\(duplicate)/copy.shard-2-of-4.json"))
        try refused(duplicate, ["duplicate shard 2 of 4", "copy.shard-2-of-4.json", "om-3a.shard-2-of-4.json"])
        // Corrupt: one byte of shard 3's data flipped.
        let corrupt = try copy("corrupt")
        let data = tmp.appendingPathComponent("\(corrupt)/om-3a.shard-3-of-4.f64")
        var bytes = try Data(contentsOf: data)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: data)
        try refused(corrupt, ["shard 3 of 4", "om-3a.shard-3-of-4.f64", "checksum"])
        // Foreign: a shard of another sweep (om-3a with another ε) in the directory.
        let foreign = try copy("foreign")
        let other = try CLIRunner.run(["data", "om-3a", "--quality", "draft", "--set", "eps_over_Gamma=0.5", "--shard", "1/4",
                                       "--out", path("other"), "--quiet"], cacheDirectory: tmp)
        XCTAssertEqual(other.status, 0, other.stderr)
        try fm.copyItem(atPath: path("other/om-3a.shard-1-of-4.json"), toPath: path("\(foreign)/eps.shard-1-of-4.json"))
        try refused(foreign, ["eps.shard-1-of-4.json", "another sweep"])
        // Another build: the same binary with one byte appended is another code version.
        let build = tmp.appendingPathComponent("wgmfig-other")
        var exe = try Data(contentsOf: CLIRunner.executable)
        exe.append(0)
        try exe.write(to: build)
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: build.path)
        let stale = try copy("stale")
        try shards("om-3a", [2], of: 4, into: stale, binary: build)
        try refused(stale, ["om-3a.shard-2-of-4.json", "computed by wgmfig", "this is"])
        // Not a shard directory: usage errors.
        try refused("nonexistent", ["no such directory"], status: 2)
        try fm.createDirectory(at: tmp.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try refused("empty", ["holds no shard manifests"], status: 2)
        // The intact directory merges, and status counts its shards.
        XCTAssertEqual(try merge("s").status, 0)
        let status = try CLIRunner.run(["status", path("s")], cacheDirectory: tmp)
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("1089 points in 4 shards") && status.stdout.contains("4 done"), status.stdout)
        let bad = try CLIRunner.run(["status", path("corrupt")], cacheDirectory: tmp)
        XCTAssertTrue(bad.stdout.contains("3 done, 1 corrupt"), bad.stdout)
    }

    func testUnshardablePanelsAndBadShardsAreUsageErrors() throws {
        let cases: [([String], [String])] = [
            (["data", "om-4a", "--shard", "1/2"], ["om-4a cannot be sharded", "om-3a", "spec files"]),
            (["data", "om-3", "--shard", "1/2"], ["om-3 is a whole figure", "om-3a"]),
            (["data", "om-3a", "--shard", "5/4"], ["--shard '5/4'", "1 ≤ K ≤ N"]),
            (["data", "om-3a", "--shard", "two"], ["--shard 'two'"]),
            (["data", "om-3a", "--quality", "draft", "--shard", "1/2000"], ["2000 shards for 1089 grid points"]),
            (["submit", "om-3a", "--shards", "4"], ["--slurm"]),
            (["submit", "om-3a", "--slurm", "--shards", "0"], ["--shards 0"]),
            (["submit", "om-3a", "--slurm", "--shards", "2", "--time", "soon"], ["--time 'soon'"]),
            (["submit", "om-4a", "--slurm", "--shards", "2", "--dry-run", "--out", path("x")], ["om-4a cannot be sharded"]),
        ]
        for (args, needles) in cases {
            let r = try CLIRunner.run(args + ["--out", path("out")].suffix(args.contains("--out") ? 0 : 2), cacheDirectory: tmp)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            for n in needles { XCTAssertTrue(r.stderr.contains(n), "\(args): \(n) not in \(r.stderr)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out")))
    }

    func testDryRunWritesTheJobScriptsAndSubmitsNothing() throws {
        let r = try CLIRunner.run(["submit", "om-3a", "--slurm", "--shards", "3", "--quality", "draft", "--cpus", "2",
                                   "--partition", "short", "--time", "10:00", "--setup", "module load swift", "--dry-run",
                                   "--out", path("dry")], cacheDirectory: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        let array = try String(contentsOf: tmp.appendingPathComponent("dry/om-3a.array.sbatch"), encoding: .utf8)
        for line in ["#SBATCH --array=1-3", "#SBATCH --cpus-per-task=2", "#SBATCH --partition=short", "#SBATCH --time=10:00",
                     "module load swift", "--shard \"${SLURM_ARRAY_TASK_ID}/3\""] {
            XCTAssertTrue(array.contains(line), "\(line) not in:\n\(array)")
        }
        let merge = try String(contentsOf: tmp.appendingPathComponent("dry/om-3a.merge.sbatch"), encoding: .utf8)
        XCTAssertTrue(merge.contains(" merge '\(path("dry"))'"), merge)
        XCTAssertTrue(r.stdout.contains("--dependency=afterok:"), r.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("dry/om-3a.submission.json")))
    }
}
