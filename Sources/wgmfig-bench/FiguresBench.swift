import Foundation

/// The whole figure set, end to end through the real `wgmfig` binary: every panel and composite
/// at final quality in the paper style (PDF + PNG) from a cold cache (target ≤ 60 s wall), then
/// everything again in the slides style from the warm cache (target ≤ 5 s).
enum FiguresBench {
    static func run() {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("wgmfig").path
        guard FileManager.default.isExecutableFile(atPath: exe) else {
            print("figures: \(exe) not built; run `swift build -c release --product wgmfig`")
            return
        }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let cache = tmp.appendingPathComponent("cache").path
        let cold = time(exe, ["render", "--all", "--style", "paper", "--format", "pdf,png", "--quiet", "--out", tmp.appendingPathComponent("paper").path], cache: cache)
        let warm = time(exe, ["render", "--all", "--style", "slides", "--format", "pdf,png", "--quiet", "--out", tmp.appendingPathComponent("slides").path], cache: cache)
        func show(_ r: (Double, Int32)?) -> String { r.map { $0.1 == 0 ? String(format: "%.1f s", $0.0) : "FAILED (exit \($0.1))" } ?? "not run" }
        print("figures: all ids, final quality, paper style, pdf+png, cold cache: \(show(cold)) (target ≤ 60 s, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        print("figures: all ids, slides style, pdf+png, warm cache: \(show(warm)) (target ≤ 5 s)")
    }

    private static func time(_ exe: String, _ args: [String], cache: String) -> (Double, Int32)? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["WGMFIG_CACHE_DIR"] = cache
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        let start = Date()
        do { try p.run() } catch { return nil }
        p.waitUntilExit()
        return (Date().timeIntervalSince(start), p.terminationStatus)
    }
}
