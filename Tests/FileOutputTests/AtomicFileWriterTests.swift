import FileOutput
import Foundation
import XCTest

final class AtomicFileWriterTests: XCTestCase {
    private var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func testWritesReplacesAndCreatesParentDirectoriesLeavingNoTemporaryFiles() throws {
        let url = tmp.appendingPathComponent("a/b/out.txt")
        try AtomicFileWriter.write("first", to: url)
        try AtomicFileWriter.write("second", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["out.txt"])
    }

    func testAFailedWriteKeepsTheGoodFileAndNamesThePath() throws {
        let good = tmp.appendingPathComponent("good.txt")
        try AtomicFileWriter.write("good", to: good)
        // A directory where the file should go: the rename fails, the old content stays.
        let blocked = tmp.appendingPathComponent("blocked")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inner"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFileWriter.write("x", to: blocked)) { e in
            XCTAssertTrue("\(e)".contains(blocked.path), "\(e)")
        }
        XCTAssertEqual(try String(contentsOf: good, encoding: .utf8), "good")
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: tmp.path)), ["good.txt", "blocked"])
    }
}
