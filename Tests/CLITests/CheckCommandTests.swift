import Foundation
import XCTest

/// `wgmfig check` against the committed references (figures/reference), end to end.
final class CheckCommandTests: XCTestCase {
    private var tmp: URL!
    private let repoReferences = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("figures/reference")

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp.appendingPathComponent("ref"), withIntermediateDirectories: true)
        for name in ["settings.json", "om-2a.png", "om-2b.png", "om-2c.png", "spb-1c.png"] {
            try FileManager.default.copyItem(at: repoReferences.appendingPathComponent(name),
                                             to: tmp.appendingPathComponent("ref/\(name)"))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    private func check(_ ids: [String], record: String = "never") throws -> CLIRunner.Result {
        try CLIRunner.run(["check"] + ids + ["--reference", tmp.appendingPathComponent("ref").path,
                                             "--report", tmp.appendingPathComponent("report").path, "--record", record],
                          cacheDirectory: tmp.appendingPathComponent("cache"))
    }

    func testCommittedReferencesMatchACleanRender() throws {
        let r = try check(["om-2a", "spb-1c"])
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("2 passed, 0 failed"), r.stdout)
    }

    func testAChangedFigureFailsWithNumbersAndWritesDiffAndReport() throws {
        // The reference of om-2a replaced by another panel of the same size: a real change.
        let ref = tmp.appendingPathComponent("ref")
        try FileManager.default.removeItem(at: ref.appendingPathComponent("om-2a.png"))
        try FileManager.default.copyItem(at: ref.appendingPathComponent("om-2c.png"), to: ref.appendingPathComponent("om-2a.png"))
        let r = try check(["om-2a", "om-2b"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("om-2a") && r.stdout.contains("rms"), r.stdout)
        XCTAssertTrue(r.stdout.contains("1 passed, 1 failed"), r.stdout)
        let report = tmp.appendingPathComponent("report")
        for f in ["om-2a-diff.png", "om-2a-expected.png", "om-2a-actual.png", "index.html", "summary.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: report.appendingPathComponent(f).path), f)
        }
        // Re-recording only what failed exits 1 (it recorded, so it did not compare) and makes the next check pass.
        XCTAssertEqual(try check(["om-2a", "om-2b"], record: "failed").status, 1)
        XCTAssertEqual(try check(["om-2a", "om-2b"]).status, 0)
    }

    func testCorruptAndMissingReferencesAreClearErrors() throws {
        try Data((0..<400).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: tmp.appendingPathComponent("ref/om-2b.png"))
        let r = try check(["om-2b", "om-3a"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("om-2b") && r.stdout.lowercased().contains("png"), r.stdout)
        XCTAssertTrue(r.stdout.contains("om-3a"), r.stdout)   // missing under --record never
    }
}
