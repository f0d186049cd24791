import Foundation
import XCTest

/// Sharded sweeps run by a real single-node Slurm (scripts/slurm-local.sh: Debian's slurm-wlm and
/// munge, started for these tests and stopped by PID after them): the merged CSV equals the
/// unsharded one byte for byte, a killed shard and a corrupted one are recomputed by `--resume`.
final class SlurmTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("scripts/slurm-local.sh")
    nonisolated(unsafe) static var cluster: URL?
    nonisolated(unsafe) static var startError: String?

    override class func setUp() {
        super.setUp()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-slurm-\(UUID().uuidString)")
        let r = shell(script.path, ["start", dir.path])
        guard r.status == 0 else { startError = "slurm-local.sh start failed: \(r.output)"; _ = shell(script.path, ["stop", dir.path]); return }
        cluster = dir
        setenv("SLURM_CONF", dir.appendingPathComponent("slurm.conf").path, 1)
    }

    override class func tearDown() {
        if let cluster {
            _ = shell(script.path, ["stop", cluster.path])
            try? FileManager.default.removeItem(at: cluster)
        }
        unsetenv("SLURM_CONF")
        super.tearDown()
    }

    private var tmp: URL!

    override func setUpWithError() throws {
        if let e = Self.startError { XCTFail(e); throw XCTSkip("no cluster") }   // a failure, never a silent skip
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-slurm-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { if let tmp { try? FileManager.default.removeItem(at: tmp) } }

    @discardableResult
    static func shell(_ tool: String, _ args: [String]) -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let pipe = Pipe()
        p.standardOutput = pipe; p.standardError = pipe
        do { try p.run() } catch { return (127, "\(error)") }
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    private func path(_ p: String) -> String { tmp.appendingPathComponent(p).path }
    private var mergeCache: URL { tmp.appendingPathComponent("cache-cluster") }

    /// `wgmfig submit … --slurm`, returning the array and merge job ids it printed.
    private func submit(_ args: [String]) throws -> (array: String?, merge: String) {
        let r = try CLIRunner.run(["submit"] + args + ["--slurm"], cacheDirectory: mergeCache)
        XCTAssertEqual(r.status, 0, r.stderr)
        func job(_ prefix: String) -> String? {
            r.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }?.dropFirst(prefix.count).prefix { $0.isNumber }.description
        }
        let merge = try XCTUnwrap(job("merge job "), r.stdout)
        return (job("array job "), merge)
    }

    /// Waits until Slurm's queue (this private cluster's) is empty.
    private func waitForQueue(timeout: Double = 240) throws {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            let q = Self.shell("squeue", ["-h", "-o", "%i %T"])
            XCTAssertEqual(q.status, 0, q.output)
            if q.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTFail("the jobs did not finish in \(timeout) s: \(Self.shell("squeue", []).output)")
    }

    private func unsharded(_ id: String) throws {
        let r = try CLIRunner.run(["data", id, "--quality", "draft", "--out", path("whole"), "--quiet"],
                                  cacheDirectory: tmp.appendingPathComponent("cache-whole"))
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    private func assertSameBytes(_ name: String, merged dir: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let whole = try Data(contentsOf: tmp.appendingPathComponent("whole/\(name)"))
        XCTAssertGreaterThan(whole.count, 100, name, file: file, line: line)
        let merged = try Data(contentsOf: tmp.appendingPathComponent("\(dir)/\(name)"))
        XCTAssertEqual(whole, merged, "\(name): merged CSV differs from the unsharded one", file: file, line: line)
    }

    func testShardsRunBySlurmMergeToTheUnshardedBytes() throws {
        let spb = ShardCommandTests.specs.appendingPathComponent("spb-g2-cutoffs.yaml").path
        for (id, stem) in [("om-3a", "om-3a"), (spb, "spb-g2-cutoffs")] {
            try unsharded(id)
            let dir = path("shards-\(stem)")
            _ = try submit([id, "--shards", "4", "--quality", "draft", "--out", dir])
            try waitForQueue()
            try assertSameBytes("\(stem).csv", merged: "shards-\(stem)")
            let log = try String(contentsOfFile: "\(dir)/logs/\(stem).merge.log", encoding: .utf8)
            XCTAssertTrue(log.contains("\(stem).csv"), log)
            // Each shard ran as its own array task.
            let jobs = try (1...4).map { k in
                try String(contentsOfFile: "\(dir)/\(stem).shard-\(k)-of-4.json", encoding: .utf8)
                    .split(separator: "\n").first { $0.contains("\"slurm_job\"") }.map(String.init) ?? ""
            }
            XCTAssertEqual(Set(jobs).count, 4, "\(jobs)")
            // render draws the merged data from the cache.
            let render = try CLIRunner.run(["render", id, "--quality", "draft", "--format", "svg", "--out", path("render"), "--quiet"],
                                           cacheDirectory: mergeCache)
            XCTAssertEqual(render.status, 0, render.stderr)
            XCTAssertTrue(try String(contentsOfFile: path("render/\(stem).svg.json"), encoding: .utf8).contains("\"cache\" : \"hit\""))
        }
        // A corrupted shard: merge refuses it, status names it, --resume recomputes only it.
        let dir = path("shards-om-3a")
        let data = URL(fileURLWithPath: "\(dir)/om-3a.shard-3-of-4.f64")
        var bytes = try Data(contentsOf: data)
        bytes[8] ^= 0x40
        try bytes.write(to: data)
        let refused = try CLIRunner.run(["merge", dir, "--out", path("again")], cacheDirectory: mergeCache)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("om-3a.shard-3-of-4.f64") && refused.stderr.contains("checksum"), refused.stderr)
        let status = try CLIRunner.run(["status", dir])
        XCTAssertTrue(status.stdout.contains("3 done, 1 corrupt"), status.stdout)
        let resumed = try submit(["om-3a", "--resume", "--out", dir, "--merge-out", path("again")])
        XCTAssertNotNil(resumed.array)
        try waitForQueue()
        try assertSameBytes("om-3a.csv", merged: "again")
        XCTAssertTrue(try String(contentsOfFile: "\(dir)/logs/om-3a.shard-3.log", encoding: .utf8).isEmpty)
        let manifests = try (1...4).map { try String(contentsOfFile: "\(dir)/om-3a.shard-\($0)-of-4.json", encoding: .utf8) }
        XCTAssertTrue(manifests[2].contains("\"slurm_job\" : \"\(resumed.array!)_3\""), manifests[2])
        for k in [0, 1, 3] { XCTAssertFalse(manifests[k].contains("\"\(resumed.array!)_"), "shard \(k + 1) was recomputed") }
    }

    func testResumeCompletesAShardWhoseJobWasKilled() throws {
        let spec = ShardCommandTests.specs.appendingPathComponent("spb-g2-detuning.yaml").path
        let dir = path("shards")
        let first = try submit([spec, "--shards", "4", "--quality", "draft", "--out", dir])
        let array = try XCTUnwrap(first.array)
        // Kill shard 1's job while it computes (its manifest says running).
        let manifest = "\(dir)/spb-g2-detuning.shard-1-of-4.json"
        let start = Date()
        while !((try? String(contentsOfFile: manifest, encoding: .utf8))?.contains("\"state\" : \"running\"") ?? false) {
            XCTAssertLessThan(Date().timeIntervalSince(start), 120, "shard 1 never started")
            if Date().timeIntervalSince(start) > 120 { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        let cancel = Self.shell("scancel", ["\(array)_1"])
        XCTAssertEqual(cancel.status, 0, cancel.output)
        try unsharded(spec)   // the reference, while the other shards run
        try waitForQueue()    // the merge job is cancelled with its unsatisfiable dependency
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/spb-g2-detuning.csv"))
        let status = try CLIRunner.run(["status", dir])
        XCTAssertTrue(status.stdout.contains("3 done, 1 failed") && status.stdout.contains("\(array)_1"), status.stdout)
        let resumed = try submit([spec, "--resume", "--out", dir])
        XCTAssertNotNil(resumed.array)
        try waitForQueue()
        try assertSameBytes("spb-g2-detuning.csv", merged: "shards")
        let after = try CLIRunner.run(["status", dir])
        XCTAssertTrue(after.stdout.contains("4 done"), after.stdout)
    }
}
