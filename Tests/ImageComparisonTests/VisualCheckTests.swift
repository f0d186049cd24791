import CCairo
import Foundation
import ImageComparison
import XCTest

final class VisualCheckTests: XCTestCase {
    private struct RenderFailure: Error, CustomStringConvertible {
        var description: String { "solver did not converge" }
    }

    private var references: URL!
    private var report: URL!

    override func setUpWithError() throws {
        references = try Drawing.temporaryDirectory("references")
        report = try Drawing.temporaryDirectory("report")
    }

    private func check(_ mode: RecordMode, report: URL? = nil) -> VisualCheck {
        VisualCheck(referenceDirectory: references, reportDirectory: report, recordMode: mode)
    }

    private func line(at x: Double) throws -> RGBAImage {
        try Drawing.image { cr in
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_set_line_width(cr, 2)
            cairo_move_to(cr, x, 10)
            cairo_line_to(cr, x, 140)
            cairo_stroke(cr)
        }
    }

    private func referenceBytes(_ id: String) -> Data? {
        try? Data(contentsOf: references.appendingPathComponent("\(id).png"))
    }

    // MARK: - Record modes

    func testMissingModeRecordsNewReferencesAndComparesExistingOnes() throws {
        let first = check(.missing).check(id: "p", actual: try line(at: 60))
        XCTAssertEqual(first.status, .recorded)
        XCTAssertEqual(try RGBAImage.load(from: references.appendingPathComponent("p.png")), try line(at: 60))

        let before = referenceBytes("p")
        XCTAssertEqual(check(.missing).check(id: "p", actual: try line(at: 60)).status, .passed)
        XCTAssertEqual(check(.missing).check(id: "p", actual: try line(at: 64)).status, .failed)
        XCTAssertEqual(referenceBytes("p"), before, "a failing panel must not overwrite its reference in missing mode")
    }

    func testAllModeRewritesEveryReference() throws {
        try line(at: 60).write(to: references.appendingPathComponent("p.png"))
        let outcome = check(.all).check(id: "p", actual: try line(at: 64))
        XCTAssertEqual(outcome.status, .recorded)
        XCTAssertEqual(outcome.comparison?.passed, false, "the old reference is still compared, for the report")
        XCTAssertEqual(try RGBAImage.load(from: references.appendingPathComponent("p.png")), try line(at: 64))
        XCTAssertEqual(check(.all).check(id: "p", actual: try line(at: 64)).status, .recorded)
    }

    func testFailedModeRewritesOnlyFailingReferences() throws {
        try line(at: 60).write(to: references.appendingPathComponent("same.png"))
        try line(at: 60).write(to: references.appendingPathComponent("moved.png"))
        let same = referenceBytes("same")
        XCTAssertEqual(check(.failed).check(id: "same", actual: try line(at: 60)).status, .passed)
        XCTAssertEqual(referenceBytes("same"), same)

        XCTAssertEqual(check(.failed).check(id: "moved", actual: try line(at: 64)).status, .recorded)
        XCTAssertEqual(try RGBAImage.load(from: references.appendingPathComponent("moved.png")), try line(at: 64))

        XCTAssertEqual(check(.failed).check(id: "new", actual: try line(at: 64)).status, .recorded)
        XCTAssertNotNil(referenceBytes("new"))
    }

    func testNeverModeFailsOnMissingReferencesAndWritesNothing() throws {
        let outcome = check(.never).check(id: "p", actual: try line(at: 60))
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertTrue(outcome.message.contains("reference missing"), outcome.message)
        XCTAssertTrue(outcome.message.contains(references.appendingPathComponent("p.png").path))
        XCTAssertNil(referenceBytes("p"))

        try line(at: 60).write(to: references.appendingPathComponent("q.png"))
        let before = referenceBytes("q")
        XCTAssertEqual(check(.never).check(id: "q", actual: try line(at: 64)).status, .failed)
        XCTAssertEqual(referenceBytes("q"), before)
    }

    // MARK: - Errors

    func testCorruptReferenceIsAnErrorNamingTheFile() throws {
        let url = references.appendingPathComponent("bad.png")
        try Data(SeededBytes.make(count: 300, seed: 42)).write(to: url)
        let outcome = check(.missing).check(id: "bad", actual: try line(at: 60))
        XCTAssertEqual(outcome.status, .error)
        XCTAssertEqual(outcome.message, "unreadable reference: \(url.path): not a PNG file (missing PNG signature)")
        // In failed mode the unreadable reference is replaced.
        XCTAssertEqual(check(.failed).check(id: "bad", actual: try line(at: 60)).status, .recorded)
        XCTAssertEqual(try RGBAImage.load(from: url), try line(at: 60))
    }

    func testSizeMismatchFailsWithBothSizes() throws {
        try Drawing.figure(width: 120, height: 90).write(to: references.appendingPathComponent("p.png"))
        let outcome = check(.missing, report: report).check(id: "p", actual: try Drawing.figure())
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertEqual(outcome.message, "size mismatch: expected 120×90 px, actual 200×150 px")
        XCTAssertEqual(outcome.reportImages.expected, "p-expected.png")
        XCTAssertEqual(outcome.reportImages.actual, "p-actual.png")
        XCTAssertNil(outcome.reportImages.diff)
    }

    func testInvalidIDIsAnError() throws {
        let outcome = check(.missing).check(id: "../escape", actual: try line(at: 60))
        XCTAssertEqual(outcome.status, .error)
        XCTAssertTrue(outcome.message.contains("invalid panel id"))
    }

    // MARK: - Orchestration and report

    func testMovedLineFailsAndWritesADiffWithRedPixels() throws {
        try line(at: 60).write(to: references.appendingPathComponent("line.png"))
        let summary = check(.missing, report: report).run(ids: ["line"]) { _ in try self.line(at: 66) }
        XCTAssertFalse(summary.passed)
        XCTAssertEqual(summary.exitCode, 1)
        let diffURL = report.appendingPathComponent("line-diff.png")
        XCTAssertTrue(FileManager.default.fileExists(atPath: diffURL.path))
        XCTAssertGreaterThan(Drawing.redPixels(in: try RGBAImage.load(from: diffURL)), 200)
        XCTAssertEqual(try RGBAImage.load(from: report.appendingPathComponent("line-expected.png")), try line(at: 60))
        XCTAssertEqual(try RGBAImage.load(from: report.appendingPathComponent("line-actual.png")), try line(at: 66))
    }

    func testRunReportsEachPanelAndWritesSummaryJSONAndHTML() throws {
        try line(at: 60).write(to: references.appendingPathComponent("same.png"))
        try line(at: 60).write(to: references.appendingPathComponent("moved.png"))
        let summary = check(.missing, report: report).run(ids: ["same", "moved", "new", "broken", "same"]) { id in
            switch id {
            case "moved": return try self.line(at: 70)
            case "broken": throw RenderFailure()
            default: return try self.line(at: 60)
            }
        }
        XCTAssertEqual(summary.outcomes.map(\.id), ["same", "moved", "new", "broken"])
        XCTAssertEqual(summary.outcomes.map(\.status), [.passed, .failed, .recorded, .error])
        XCTAssertFalse(summary.passed)
        XCTAssertEqual(summary.failureLines.count, 2)
        XCTAssertTrue(summary.failureLines[0].hasPrefix("FAILED moved: rms "), summary.failureLines[0])
        XCTAssertTrue(summary.failureLines[0].contains("moved-diff.png"))
        XCTAssertEqual(summary.failureLines[1], "ERROR broken: render failed: solver did not converge")
        XCTAssertEqual(summary.recordedLines.count, 1)
        XCTAssertTrue(summary.totalsLine.hasPrefix("visual check FAILED: 4 panels, 1 passed, 1 failed, 1 recorded, 1 errors"))

        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: report.appendingPathComponent("summary.json"))) as? [String: Any])
        XCTAssertEqual(json["passed"] as? Bool, false)
        XCTAssertEqual(json["recordMode"] as? String, "missing")
        let totals = try XCTUnwrap(json["totals"] as? [String: Int])
        XCTAssertEqual(totals, ["panels": 4, "passed": 1, "failed": 1, "recorded": 1, "error": 1])
        let panels = try XCTUnwrap(json["panels"] as? [[String: Any]])
        XCTAssertEqual(panels.map { $0["status"] as? String }, ["passed", "failed", "recorded", "error"])
        XCTAssertEqual(panels[0]["rms"] as? Double, 0)
        XCTAssertEqual(panels[0]["differentPixels"] as? Int, 0)
        XCTAssertEqual(panels[0]["totalPixels"] as? Int, 30000)
        XCTAssertEqual(panels[1]["rms"] as? Double, summary.outcomes[1].comparison?.rms)
        XCTAssertEqual(panels[1]["differentPixels"] as? Int, summary.outcomes[1].comparison?.differentPixels)
        XCTAssertGreaterThan(panels[1]["differentPixels"] as? Int ?? 0, 200)
        XCTAssertEqual(panels[1]["diffImage"] as? String, "moved-diff.png")
        XCTAssertTrue(panels[2]["rms"] is NSNull)
        XCTAssertEqual(panels[3]["message"] as? String, "render failed: solver did not converge")
        XCTAssertTrue(panels[3]["totalPixels"] is NSNull)

        let html = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        for id in ["same", "moved", "new", "broken"] { XCTAssertTrue(html.contains("<td>\(id)</td>")) }
        for file in ["moved-expected.png", "moved-actual.png", "moved-diff.png"] {
            XCTAssertTrue(html.contains("src=\"\(file)\""), "index.html links \(file) relatively")
            XCTAssertTrue(FileManager.default.fileExists(atPath: report.appendingPathComponent(file).path))
        }
    }

    func testPassingRunRemovesStaleFailureImages() throws {
        try line(at: 60).write(to: references.appendingPathComponent("p.png"))
        _ = check(.missing, report: report).run(ids: ["p"]) { _ in try self.line(at: 70) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: report.appendingPathComponent("p-diff.png").path))
        let summary = check(.missing, report: report).run(ids: ["p"]) { _ in try self.line(at: 60) }
        XCTAssertTrue(summary.passed)
        XCTAssertEqual(summary.exitCode, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: report.appendingPathComponent("p-diff.png").path))
    }

    func testUnwritableReportDirectoryFailsTheCheck() throws {
        let blocker = report.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let summary = check(.missing, report: blocker).run(ids: ["p"]) { _ in try self.line(at: 60) }
        XCTAssertEqual(summary.outcomes.first?.status, .recorded)
        XCTAssertNotNil(summary.reportError)
        XCTAssertFalse(summary.passed)
    }

    // MARK: - Assertion helper

    func testAssertMatchesReference() throws {
        // Recording throws too (nothing was compared), but writes the reference.
        XCTAssertThrowsError(try assertMatchesReference(try line(at: 60), named: "fig", in: references, record: .missing)) { error in
            XCTAssertTrue("\(error)".contains("recorded new reference"), "\(error)")
        }
        XCTAssertEqual(try assertMatchesReference(try line(at: 60), named: "fig", in: references).status, .passed)
        XCTAssertThrowsError(
            try assertMatchesReference(try line(at: 66), named: "fig", in: references, record: .never, reportDirectory: report)
        ) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("fig: rms "), text)
            XCTAssertTrue(text.contains("fig-diff.png"), text)
        }
        XCTAssertThrowsError(try assertMatchesReference(try line(at: 60), named: "absent", in: references))
        XCTAssertFalse(FileManager.default.fileExists(atPath: references.appendingPathComponent("absent.png").path),
                       "the default mode never writes")
    }

    // MARK: - Recording and hash modes

    func testARunThatRecordedDoesNotPassAndTheDefaultNeverRecords() throws {
        let recorded = check(.missing).run(ids: ["new"]) { _ in try self.line(at: 60) }
        XCTAssertEqual(recorded.outcomes.map(\.status), [.recorded])
        XCTAssertFalse(recorded.passed)
        XCTAssertEqual(recorded.exitCode, 1)
        XCTAssertTrue(recorded.totalsLine.contains("re-run"), recorded.totalsLine)
        XCTAssertTrue(recorded.totalsLine.contains("references: \(references.path)"), recorded.totalsLine)
        let unrecorded = VisualCheck(referenceDirectory: references).run(ids: ["other"]) { _ in try self.line(at: 60) }
        XCTAssertEqual(unrecorded.outcomes.map(\.status), [.failed])
        XCTAssertFalse(FileManager.default.fileExists(atPath: references.appendingPathComponent("other.png").path))
        XCTAssertFalse(VisualCheck(referenceDirectory: references).run(ids: []) { _ in try self.line(at: 60) }.passed,
                       "a check of nothing does not pass")
    }

    func testHashModeComparesExactBytesAndHybridReportsPixels() throws {
        let bytes = try line(at: 60).pngData()
        let render = { (_: String) in RenderedOutput(bytes: bytes, image: try self.line(at: 60)) }
        let hash = { (m: RecordMode) in VisualCheck(referenceDirectory: self.references, recordMode: m, mode: .hash) }
        XCTAssertEqual(hash(.never).check(id: "h", renderOutput: render).status, .failed, "no stored hash")
        XCTAssertEqual(hash(.missing).check(id: "h", renderOutput: render).status, .recorded)
        XCTAssertEqual(hash(.never).check(id: "h", renderOutput: render).status, .passed)
        // One byte more fails, whatever the pixels: the hash is of the bytes.
        let changed = RenderedOutput(bytes: bytes + Data([0]), image: try line(at: 60))
        XCTAssertEqual(hash(.never).check(id: "h", output: changed).status, .failed)
        // SHA-256 of "abc" (FIPS 180-4, appendix B.1), through the library file.
        _ = hash(.missing).check(id: "abc", output: RenderedOutput(bytes: Data("abc".utf8), image: try line(at: 60)))
        let library = try JSONSerialization.jsonObject(with: Data(contentsOf: references.appendingPathComponent("hashes.json"))) as? [String: String]
        XCTAssertEqual(library?["abc"], "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Hybrid: a differing hash with a reference image gets pixel numbers and a diff.
        try line(at: 60).write(to: references.appendingPathComponent("h.png"))
        let hybrid = VisualCheck(referenceDirectory: references, reportDirectory: report, recordMode: .never, mode: .hybrid)
        let moved = RenderedOutput(bytes: try line(at: 64).pngData(), image: try line(at: 64))
        let outcome = hybrid.check(id: "h", output: moved)
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertEqual(outcome.comparison?.passed, false)
        XCTAssertNotNil(outcome.reportImages.diff)
    }

    func testPerPanelToleranceOverridesTheDefault() throws {
        try line(at: 60).write(to: references.appendingPathComponent("p.png"))
        let loose = try Tolerance(maxRMS: 255, maxDifferentPixels: .fraction(1))
        let check = VisualCheck(referenceDirectory: references, tolerances: ["p": loose])
        XCTAssertEqual(check.check(id: "p", actual: try line(at: 64)).status, .passed)
        XCTAssertEqual(VisualCheck(referenceDirectory: references).check(id: "p", actual: try line(at: 64)).status, .failed)
    }
}
