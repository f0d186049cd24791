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

    /// Runs `body` with writes past `bytes` failing (RLIMIT_FSIZE, SIGXFSZ ignored: EFBIG, as a
    /// full disk fails with ENOSPC), then restores the limit.
    private func withFileSizeLimit(_ bytes: Int, _ body: () throws(FileWriteError) -> Void) -> FileWriteError? {
        var old = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_FSIZE.rawValue), &old), 0)
        let oldHandler = signal(SIGXFSZ, SIG_IGN)
        var limited = old
        limited.rlim_cur = rlim_t(bytes)
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limited), 0)
        defer {
            _ = setrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
            signal(SIGXFSZ, oldHandler)
        }
        do { try body() } catch { return error }
        return nil
    }

    func testAFailedWriteKeepsTheGoodFileAtThatPathAndNamesIt() throws {
        let good = tmp.appendingPathComponent("good.txt")
        try AtomicFileWriter.write("good", to: good)
        let e = withFileSizeLimit(4096) { () throws(FileWriteError) in try AtomicFileWriter.write(Data(count: 100_000), to: good) }
        XCTAssertTrue("\(String(describing: e))".contains(good.path) && "\(String(describing: e))".contains("File too large"), "\(String(describing: e))")
        XCTAssertEqual(try String(contentsOf: good, encoding: .utf8), "good", "the same path still holds the good content")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), ["good.txt"], "no temporary left")
    }

    func testAFailedRenameKeepsWhatIsThere() throws {
        // A non-empty directory where the file should go: the rename fails, the directory stays.
        let blocked = tmp.appendingPathComponent("blocked")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inner"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFileWriter.write("x", to: blocked)) { e in
            XCTAssertTrue("\(e)".contains(blocked.path), "\(e)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: blocked.path), ["inner"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp.path), ["blocked"], "no temporary left")
    }

    func testWritingAFileAndItsSidecarIsAllOrNothing() throws {
        let figure = tmp.appendingPathComponent("fig.png"), sidecar = tmp.appendingPathComponent("fig.png.json")
        try AtomicFileWriter.write(all: [(Data("old figure".utf8), figure), (Data("old sidecar".utf8), sidecar)])
        // The new figure fits, its (larger) sidecar does not: neither replaces the old one.
        let e = withFileSizeLimit(4096) { () throws(FileWriteError) in
            try AtomicFileWriter.write(all: [(Data("new figure".utf8), figure), (Data(count: 100_000), sidecar)])
        }
        XCTAssertTrue("\(String(describing: e))".contains(sidecar.path), "\(String(describing: e))")
        XCTAssertEqual(try String(contentsOf: figure, encoding: .utf8), "old figure")
        XCTAssertEqual(try String(contentsOf: sidecar, encoding: .utf8), "old sidecar")
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: tmp.path)), ["fig.png", "fig.png.json"])
        try AtomicFileWriter.write(all: [(Data("new figure".utf8), figure), (Data("new sidecar".utf8), sidecar)])
        XCTAssertEqual(try String(contentsOf: sidecar, encoding: .utf8), "new sidecar")
    }
}
