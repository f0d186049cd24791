import Foundation
import XCTest

/// Runs the built `wgmfig` binary (a sibling of the test bundle) the way a user would, in a
/// scratch directory with a private cache, and records what it did to the files there.
struct Probe {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        /// The stderr lines (non-empty).
        var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The repository (for the committed references and styles).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("wgmfig").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("wgmfig")
    }

    /// A scratch directory (removed after the test) with a `cache` folder for WGMFIG_CACHE_DIR.
    let root: URL

    init(_ test: XCTestCase) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let root = root
        test.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Runs `wgmfig args…` in `cwd` (default: the scratch directory), optionally through
    /// `/bin/sh -c 'ulimit -f BLOCKS; exec …'` to make writes beyond BLOCKS × 512 bytes fail.
    func run(_ args: [String], in cwd: URL? = nil, environment extra: [String: String] = [:], fileSizeLimitBlocks: Int? = nil,
             timeout: TimeInterval = 300) throws -> Result {
        let p = Process()
        if let blocks = fileSizeLimitBlocks {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            // SIGXFSZ ignored: a write past the limit fails with EFBIG, as a full disk fails with ENOSPC.
            p.arguments = ["-c", "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" \"$@\"", Self.executable.path] + args
        } else {
            p.executableURL = Self.executable
            p.arguments = args
        }
        var env = ProcessInfo.processInfo.environment
        env["WGMFIG_CACHE_DIR"] = url("cache").path
        env["WGMFIG_RECORD"] = nil
        for (k, v) in extra { env[k] = v }
        p.environment = env
        p.currentDirectoryURL = cwd ?? root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let deadline = DispatchTime.now() + timeout
        let killer = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: deadline, execute: killer)
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        killer.cancel()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Every file under `dir` (relative paths) with its bytes, to prove nothing was created or changed.
    func snapshot(_ dir: URL) -> [String: Data] {
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        var files: [String: Data] = [:]
        for case let f as URL in e where (try? f.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(f.path.dropFirst(dir.path.count))] = try? Data(contentsOf: f)
        }
        return files
    }
}

/// Asserts a usage error or failure: the exit code, exactly one stderr line containing every `mentions`.
func XCTAssertRejected(_ r: Probe.Result, status: Int32, mentions: [String], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(r.status, status, "exit code; stderr: \(r.stderr)", file: file, line: line)
    XCTAssertEqual(r.errorLines.count, 1, "one line on stderr, got: \(r.stderr)", file: file, line: line)
    for m in mentions {
        XCTAssertTrue(r.stderr.contains(m), "stderr names '\(m)': \(r.stderr)", file: file, line: line)
    }
}
