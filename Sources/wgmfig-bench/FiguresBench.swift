import Foundation

/// The whole figure set, end to end through the real `wgmfig` binary: every panel and composite
/// at final quality in the paper style (PDF + PNG) from a cold cache (target ≤ 10 s wall on two
/// cores, issue 12), then everything again in the slides style from the warm cache (target
/// ≤ 5 s). The cold run is split into computing (each panel's `compute_seconds` from its PNG
/// sidecar, summed) and the rest (layout, Cairo drawing, PDF and PNG encoding, files).
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
        print("figures: all ids, final quality, paper style, pdf+png, cold cache: \(show(cold)) (target ≤ 10 s, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
        if let cold, cold.1 == 0 { print(breakdown(total: cold.0, directory: tmp.appendingPathComponent("paper"))) }
        print("figures: all ids, slides style, pdf+png, warm cache: \(show(warm)) (target ≤ 5 s)")
    }

    /// Compute time per panel from the cold run's PNG sidecars (cache misses only), the largest
    /// five, and the remainder of the wall time.
    static func breakdown(total: Double, directory: URL) -> String {
        var compute: [String: Double] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in files where name.hasSuffix(".png.json") {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let panels = json["panels"] as? [[String: Any]] else { continue }
            for panel in panels where panel["cache"] as? String == "miss" {
                if let id = panel["id"] as? String, let seconds = panel["compute_seconds"] as? Double { compute[id] = seconds }
            }
        }
        guard !compute.isEmpty else { return "figures: breakdown FAILED: no sidecar reports a computed panel" }
        let sum = compute.values.reduce(0, +)
        let top = compute.sorted { $0.value > $1.value }.prefix(5)
            .map { String(format: "%@ %.2f s", $0.key, $0.value) }.joined(separator: ", ")
        return String(format: "figures: cold run = computing %.1f s (%d panels; largest %@) + layout, drawing, encoding and files %.1f s",
                      sum, compute.count, top, total - sum)
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
