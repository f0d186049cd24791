import Foundation
import XCTest

/// Files the tool writes: verified caches, all-or-nothing outputs, byte-identical reruns.
final class OutputProbes: XCTestCase {
    private func cacheEntry(_ probe: Probe, _ id: String) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: probe.url("cache").path).filter { $0.hasPrefix(id + "-") }
        XCTAssertEqual(names.count, 1, "\(names)")
        return probe.url("cache").appendingPathComponent(try XCTUnwrap(names.first))
    }

    func testSwappedCorruptedAndOversizedCacheEntriesAreRecomputedToTheCleanBytes() throws {
        let probe = try Probe(self)
        let render = { (out: String) in
            try probe.run(["render", "om-2a", "om-5a", "--quality", "draft", "--format", "png", "--out", probe.url(out).path, "--quiet"])
        }
        XCTAssertEqual(try render("clean").status, 0)
        let clean = try Data(contentsOf: probe.url("clean/om-2a.png"))
        let entry = try cacheEntry(probe, "om-2a"), other = try cacheEntry(probe, "om-5a")
        let damages: [(String, () throws -> Void)] = [
            ("holds om-5a data", { try FileManager.default.removeItem(at: entry); try FileManager.default.copyItem(at: other, to: entry) }),
            ("checksum", {
                var b = try Data(contentsOf: entry)
                b[b.startIndex + b.count / 2] ^= 0x01   // one flipped bit in the numbers
                try b.write(to: entry)
            }),
            ("checksum", { try Data(contentsOf: entry).prefix(100).write(to: entry) }),   // truncated
            ("limit", { try FileHandle(forWritingTo: entry).truncate(atOffset: 300 << 20) }),   // 300 MB, sparse
        ]
        for (reason, damage) in damages {
            try damage()
            let r = try render("again")
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.errorLines.count, 1, "one warning: \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("warning: cache entry \(entry.path)") && r.stderr.contains(reason), r.stderr)
            XCTAssertEqual(try Data(contentsOf: probe.url("again/om-2a.png")), clean, "recomputed, byte-identical: \(reason)")
            // The entry was replaced: the next render is a silent, verified hit.
            let hit = try render("again")
            XCTAssertEqual(hit.stderr, "")
            XCTAssertTrue(try String(contentsOf: probe.url("again/om-2a.png.json"), encoding: .utf8).contains("\"cache\" : \"hit\""))
        }
    }

    func testAFullDiskWhileWritingTheSidecarKeepsTheOldFigureAndSidecar() throws {
        let probe = try Probe(self)
        let out = probe.url("out")
        let args = ["render", "om-2", "--quality", "draft", "--format", "png", "--out", out.path, "--quiet"]
        XCTAssertEqual(try probe.run(args + ["--dpi", "20"]).status, 0)
        let before = probe.snapshot(out)
        XCTAssertEqual(before.count, 2)
        // At 10 dpi the PNG (~5 KB) fits under an 8 KB file-size limit, its sidecar (~13 KB) does not.
        let r = try probe.run(args + ["--dpi", "10"], fileSizeLimitBlocks: 16)
        XCTAssertRejected(r, status: 1, mentions: ["om-2.png.json", "File too large"])
        XCTAssertEqual(probe.snapshot(out), before, "old PNG and old sidecar untouched, no temporary files left")
    }

    func testTwoSVGRendersAreByteIdenticalWhateverElseIsRendered() throws {
        let probe = try Probe(self)
        let ids = ["om-1c", "om-2", "spb-1c", "om-4a"]
        XCTAssertEqual(try probe.run(["render"] + ids + ["--quality", "draft", "--format", "svg", "--out", probe.url("a").path, "--quiet"]).status, 0)
        XCTAssertEqual(try probe.run(["render"] + ids.reversed() + ["--quality", "draft", "--format", "svg", "--out", probe.url("b").path, "--quiet"]).status, 0)
        XCTAssertEqual(try probe.run(["render", "om-1c", "--quality", "draft", "--format", "svg", "--out", probe.url("c").path, "--quiet"]).status, 0)
        let a = probe.snapshot(probe.url("a")).filter { $0.key.hasSuffix(".svg") }, b = probe.snapshot(probe.url("b")).filter { $0.key.hasSuffix(".svg") }
        XCTAssertEqual(a.count, ids.count)
        for (name, bytes) in a { XCTAssertEqual(bytes, b[name], name) }
        XCTAssertEqual(a["/om-1c.svg"], probe.snapshot(probe.url("c"))["/om-1c.svg"], "alone or with others")
    }

    func testSweepResultsAreBitIdenticalForOneAndTwoThreads() throws {
        let probe = try Probe(self)
        var csv: [[String: Data]] = []
        for threads in ["1", "2"] {
            let out = probe.url("t\(threads)")
            for id in ["spb-1b", "spb-2a", "om-2a"] {
                let r = try probe.run(["data", id, "--quality", "draft", "--no-cache", "--out", out.path, "--quiet"],
                                      environment: ["WGMFIG_THREADS": threads])
                XCTAssertEqual(r.status, 0, r.stderr)
            }
            csv.append(probe.snapshot(out).filter { $0.key.hasSuffix(".csv") })
        }
        XCTAssertGreaterThanOrEqual(csv[0].count, 3)
        XCTAssertEqual(csv[0], csv[1], "every CSV byte-identical")
    }
}
