import Foundation

/// The explorer (issue 14): latency of a parameter change to a new image (om-3a draft and final,
/// spb-1b draft) and 100 concurrent random requests, measured by Tests/bench/serve_bench.py with
/// a real HTTP client against the wgmfig-serve built beside this binary. Its lines are printed
/// as they come; a failed check prints FAILED.
enum ServeBench {
    static func run() {
        guard let python = ProcessInfo.processInfo.environment["WGMFIG_BENCH_PYTHON"], !python.isEmpty,
              FileManager.default.isExecutableFile(atPath: python) else {
            print("serve: FAILED: WGMFIG_BENCH_PYTHON is not an executable python (run `make bench`)")
            return
        }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let server = here.appendingPathComponent("wgmfig-serve")
        guard FileManager.default.isExecutableFile(atPath: server.path) else {
            print("serve: FAILED: \(server.path) not built (make bench builds it)")
            return
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/bench/serve_bench.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, "--server", server.path]
        process.standardError = FileHandle.nullDevice
        fflushStandardOutput()
        do { try process.run() } catch {
            print("serve: FAILED: cannot run \(python): \(error)")
            return
        }
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            print("serve: FAILED: a check of serve_bench.py failed (exit \(process.terminationStatus)), see the lines above")
        }
    }
}
