import Foundation
import XCTest

/// Runs the built `wgmfig` binary (a sibling of the test bundle) and captures its output.
struct CLIRunner {
    struct Result { let status: Int32; let stdout: String; let stderr: String }

    static var executable: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("wgmfig").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("wgmfig")
    }

    /// Runs `wgmfig args…` (or another build of it) with a private cache directory; `environment`
    /// sets variables (nil: unset).
    static func run(_ args: [String], cacheDirectory: URL? = nil, in cwd: URL? = nil, executable other: URL? = nil,
                    environment: [String: String?] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = other ?? executable
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        if let cacheDirectory { env["WGMFIG_CACHE_DIR"] = cacheDirectory.path }
        for (name, value) in environment { env[name] = value }
        p.environment = env
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
