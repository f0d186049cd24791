import Foundation
import XCTest

/// `wgmfig check` must not pass without comparing: no reference folder, a deleted reference,
/// a bad record mode, a recording run, a reference PNG that claims a huge size.
final class CheckProbes: XCTestCase {
    private var references: URL { Probe.repository.appendingPathComponent("figures/reference") }

    /// A private reference folder holding settings.json and the given committed references.
    private func referenceCopy(_ probe: Probe, _ names: [String]) throws -> URL {
        let dir = probe.url("ref")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["settings.json"] + names.map({ "\($0).png" }) {
            try FileManager.default.copyItem(at: references.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    func testCheckOutsideTheRepositoryFailsSayingWhereItLookedAndWritesNothing() throws {
        let probe = try Probe(self)
        let r = try probe.run(["check", "om-2a"])
        XCTAssertRejected(r, status: 1, mentions: ["looked for", probe.root.path + "/figures/reference", "--reference"])
        XCTAssertEqual(probe.snapshot(probe.root).keys.filter { !$0.hasPrefix("/cache") }, [], "nothing recorded")
    }

    func testADeletedReferenceFailsAndIsNotRecorded() throws {
        let probe = try Probe(self)
        let ref = try referenceCopy(probe, ["om-2a"])
        let r = try probe.run(["check", "om-2a", "om-2b", "--reference", ref.path, "--report", probe.url("report").path])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("reference missing: \(ref.path)/om-2b.png"), r.stdout)
        let summary = r.stdout.split(separator: "\n").filter { $0.hasPrefix("visual check") }
        XCTAssertEqual(summary.count, 1, "one summary line: \(r.stdout)")
        XCTAssertTrue(summary.first?.contains("1 passed, 1 failed, 0 recorded") == true, r.stdout)
        XCTAssertTrue(summary.first?.contains("references: \(ref.path)") == true, r.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ref.appendingPathComponent("om-2b.png").path))
    }

    func testTheDefaultReferencesAreFoundFromASubdirectoryOfTheRepository() throws {
        let probe = try Probe(self)
        let r = try probe.run(["check", "spb-1c", "--report", probe.url("report").path], in: Probe.repository.appendingPathComponent("docs"))
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("references: \(references.path)"), r.stdout)
    }

    func testRecordingIsExplicitAndARecordingRunExitsNonZero() throws {
        let probe = try Probe(self)
        let ref = probe.url("new-ref")
        let bogus = try probe.run(["check", "om-2a", "--reference", ref.path, "--record", "bogus"])
        XCTAssertRejected(bogus, status: 2, mentions: ["'bogus'", "missing, all, failed, never"])
        let recorded = try probe.run(["check", "om-2a", "--reference", ref.path, "--record", "missing", "--report", probe.url("report").path])
        XCTAssertEqual(recorded.status, 1, "a run that recorded did not compare: \(recorded.stdout)")
        XCTAssertTrue(recorded.stdout.contains("1 recorded") && recorded.stdout.contains("re-run"), recorded.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: ref.appendingPathComponent("om-2a.png").path))
        let compared = try probe.run(["check", "om-2a", "--reference", ref.path, "--report", probe.url("report").path])
        XCTAssertEqual(compared.status, 0, compared.stdout + compared.stderr)
    }

    func testASpecFileIsCheckedLikeAPanel() throws {
        let probe = try Probe(self)
        let spec = Probe.repository.appendingPathComponent("Tests/specs/om-2c.yaml").path
        let args = ["check", spec, "--reference", probe.url("ref").path, "--report", probe.url("report").path]
        XCTAssertEqual(try probe.run(args + ["--record", "missing"]).status, 1, "recorded")
        let r = try probe.run(args)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("1 passed, 0 failed"), r.stdout)
    }

    func testHashModeRecordsAndComparesTheExactBytes() throws {
        let probe = try Probe(self)
        let ref = try referenceCopy(probe, ["spb-1c"])
        let args = ["check", "spb-1c", "--reference", ref.path, "--report", probe.url("report").path, "--mode", "hash"]
        XCTAssertEqual(try probe.run(args).status, 1, "no hash stored yet")
        XCTAssertEqual(try probe.run(args + ["--record", "missing"]).status, 1, "recorded")
        let passed = try probe.run(args)
        XCTAssertEqual(passed.status, 0, passed.stdout + passed.stderr)
        XCTAssertTrue(passed.stdout.contains("hash mode"), passed.stdout)
        XCTAssertRejected(try probe.run(args.dropLast() + ["pixels"]), status: 2, mentions: ["'pixels'", "image, hash, hybrid"])
    }

    func testPerPanelToleranceInSettingsAndPixelLimitFromTheCommandLine() throws {
        let probe = try Probe(self)
        let ref = try referenceCopy(probe, ["om-2a", "om-2c"])
        // om-2a's reference replaced by another panel of the same size: a real change ...
        try FileManager.default.removeItem(at: ref.appendingPathComponent("om-2a.png"))
        try FileManager.default.copyItem(at: ref.appendingPathComponent("om-2c.png"), to: ref.appendingPathComponent("om-2a.png"))
        let args = ["check", "om-2a", "--reference", ref.path, "--report", probe.url("report").path]
        XCTAssertEqual(try probe.run(args).status, 1)
        // ... which a limit of 100% of the pixels and a huge RMS in settings.json let through, for om-2a only.
        let settings = try JSONSerialization.jsonObject(with: Data(contentsOf: ref.appendingPathComponent("settings.json"))) as! [String: Any]
        var loose = settings
        loose["tolerances"] = ["om-2a": ["maxRMS": 255, "maxDifferentPixels": "100%"]]
        try JSONSerialization.data(withJSONObject: loose).write(to: ref.appendingPathComponent("settings.json"))
        XCTAssertEqual(try probe.run(args).status, 0)
        XCTAssertRejected(try probe.run(args + ["--max-different-pixels", "lots"]), status: 2, mentions: ["'lots'"])
    }

    func testAReferencePNGClaimingHugeDimensionsIsRefusedBeforeDecoding() throws {
        let probe = try Probe(self)
        let ref = try referenceCopy(probe, [])
        try TinyPNG.claiming(width: 20_000, height: 20_000).write(to: ref.appendingPathComponent("om-2a.png"))
        let start = Date()
        let r = try probe.run(["check", "om-2a", "--reference", ref.path, "--report", probe.url("report").path])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("20000 × 20000") && r.stdout.contains("exceeds the limit"), r.stdout)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60, "not decoded (a full decode takes ~50 s and 3 GB)")
    }
}

/// A structurally valid PNG (signature, IHDR, one small IDAT, IEND, correct CRCs) whose header
/// claims `width` × `height` pixels.
enum TinyPNG {
    static func claiming(width: UInt32, height: UInt32) -> Data {
        func be(_ x: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: x >> $0) } }
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + body
            return be(UInt32(body.count)) + typed + be(crc(typed))
        }
        let ihdr = be(width) + be(height) + [8, 6, 0, 0, 0]   // 8-bit RGBA, deflate, no filter, no interlace
        let idat: [UInt8] = [0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]   // zlib of one zero byte
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", idat) + chunk("IEND", []))
    }

    /// CRC-32 (ISO 3309, reflected 0xEDB88320), as PNG chunks use.
    static func crc(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }
}
