import Foundation
import XCTest

/// The CLI contract: commands, exit codes (0 success, 1 failure, 2 usage), one-line errors.
final class CommandTests: XCTestCase {
    private var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func testEveryCommandHasHelp() throws {
        for cmd in [[], ["list"], ["show"], ["render"], ["data"], ["check"], ["eval"], ["eval", "om"], ["eval", "spb"], ["preview-style"]] {
            let r = try CLIRunner.run(cmd + ["--help"])
            XCTAssertEqual(r.status, 0, "\(cmd): \(r.stderr)")
            XCTAssertTrue(r.stdout.contains("USAGE"), "\(cmd)")
        }
    }

    func testUnknownIDIsAUsageErrorNamingTheClosestIDs() throws {
        let r = try CLIRunner.run(["render", "om-2z", "--out", tmp.path], cacheDirectory: tmp)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("om-2z") && r.stderr.contains("om-2a"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    }

    func testBadOptionValuesExitTwoWithTheValueNamed() throws {
        let dpi = try CLIRunner.run(["render", "om-2a", "--dpi=-3"], cacheDirectory: tmp)
        XCTAssertEqual(dpi.status, 2); XCTAssertTrue(dpi.stderr.contains("-3"), dpi.stderr)
        let fmt = try CLIRunner.run(["render", "om-2a", "--format", "gif"], cacheDirectory: tmp)
        XCTAssertEqual(fmt.status, 2); XCTAssertTrue(fmt.stderr.contains("gif"), fmt.stderr)
        let q = try CLIRunner.run(["data", "om-2a", "--quality", "best"], cacheDirectory: tmp)
        XCTAssertEqual(q.status, 2); XCTAssertTrue(q.stderr.contains("best"), q.stderr)
        let flag = try CLIRunner.run(["eval", "om", "--frobnicate"])
        XCTAssertEqual(flag.status, 2); XCTAssertTrue(flag.stderr.contains("--frobnicate"), flag.stderr)
        for r in [dpi, fmt, q, flag] { XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr) }
    }

    func testUnknownStyleIsAOneLineFailure() throws {
        let r = try CLIRunner.run(["render", "om-2a", "--style", "nonexistent", "--out", tmp.path], cacheDirectory: tmp)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("nonexistent"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("om-2a.png").path))
    }

    func testListNamesEveryPanelAndWholeFigure() throws {
        let r = try CLIRunner.run(["list"])
        XCTAssertEqual(r.status, 0)
        let ids = Set(r.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        // The 29 data panels and 9 whole figures of PHYSICS.md, and the 4 schematic panels of issue 11.
        let panels = ["om-1a", "om-1b", "om-1c", "om-1d"] + "abcdef".map { "om-2\($0)" } + "abcdef".map { "om-3\($0)" }
            + ["om-4a", "om-4b"] + "abcd".map { "om-5\($0)" } + ["spb-1a", "spb-1b", "spb-1c", "spb-2a", "spb-2b", "spb-3a", "spb-3b", "spb-3c", "spb-3d", "spb-4a", "spb-4b"]
        let wholes = ["om-1", "om-2", "om-3", "om-4", "om-5", "spb-1", "spb-2", "spb-3", "spb-4"]
        XCTAssertEqual(panels.count, 33)
        XCTAssertEqual(ids, Set(panels + wholes))
    }

    func testDataWritesTidyCSVAndRenderWritesEveryFormatWithSidecars() throws {
        let d = try CLIRunner.run(["data", "om-2a", "--quality", "draft", "--out", tmp.path], cacheDirectory: tmp)
        XCTAssertEqual(d.status, 0, d.stderr)
        let csv = try String(contentsOf: tmp.appendingPathComponent("om-2a.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("series,"), String(csv.prefix(80)))
        let r = try CLIRunner.run(["render", "om-2a", "--quality", "draft", "--format", "png,pdf,svg", "--out", tmp.path], cacheDirectory: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        for ext in ["png", "pdf", "svg"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("om-2a.\(ext)").path), ext)
            let sidecar = try Data(contentsOf: tmp.appendingPathComponent("om-2a.\(ext).json"))
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: sidecar) as? [String: Any])
            XCTAssertEqual(json["id"] as? String, "om-2a")
            // The data was computed by `data` above, so the render hit the cache.
            XCTAssertEqual((json["panels"] as? [[String: Any]])?.first?["cache"] as? String, "hit")
        }
    }

    func testEvalOMRejectsBadValuesInOneLine() throws {
        for args in [["--eps", "-1"], ["--eta", "nan"], ["--defects", "1@0.1,x"]] {
            let r = try CLIRunner.run(["eval", "om"] + args)
            XCTAssertNotEqual(r.status, 0, "\(args)")
            XCTAssertFalse(r.stderr.isEmpty, "\(args)")
        }
        let spb = try CLIRunner.run(["eval", "spb", "--case", "tip", "--r", "-1"])
        XCTAssertNotEqual(spb.status, 0); XCTAssertTrue(spb.stderr.contains("-1"), spb.stderr)
        let ok = try CLIRunner.run(["eval", "om", "--json"])
        XCTAssertEqual(ok.status, 0)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any])
        for key in ["EN_r", "EN_l", "T", "N_r", "N_l", "G_r", "G_l", "J1", "stable"] { XCTAssertNotNil(json[key], key) }
    }
}

/// `--set` overrides and spec files through the real binary.
final class OverrideCommandTests: XCTestCase {
    private var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-set-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    /// The CSV of om-2a at T_e = 1 K equals `eval om --T_e_K 1` at a grid point, and the files are
    /// named after the override (the paper's om-2a.csv is not written).
    func testOverriddenDataMatchesEvalAndIsNamedAfterTheOverride() throws {
        let r = try CLIRunner.run(["data", "om-2a", "--set", "T_e_K=1", "--quality", "draft", "--out", tmp.path], cacheDirectory: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        let csv = tmp.appendingPathComponent("om-2a.T_e_K=1.csv")
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("om-2a.csv").path))
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let row = rows.first { $0[0] == "immune" && Double($0[2]).map { $0 > 0.8 } == true }!
        let eval = try CLIRunner.run(["eval", "om", "--T_e_K", "1", "--detuning", String(row[2]), "--json"])
        XCTAssertEqual(eval.status, 0, eval.stderr)
        // JSONDecoder reads the number exactly (JSONSerialization can be an ulp off on Linux).
        struct Point: Decodable { let EN_r: Double }
        let point = try JSONDecoder().decode(Point.self, from: Data(eval.stdout.utf8))
        XCTAssertEqual(point.EN_r, Double(row[3]))
        let sidecar = try JSONSerialization.jsonObject(with: Data(contentsOf: csv.appendingPathExtension("json"))) as! [String: Any]
        let panel = (sidecar["panels"] as! [[String: Any]])[0]
        XCTAssertEqual((panel["overridden"] as? [String: String])?["T_e_K"], "1")
        XCTAssertEqual((panel["parameters"] as? [String: String])?["T_e_K"], "1")
    }

    /// Bad overrides and spec files: one line naming the value, exit 2, nothing written.
    func testBadOverridesAndSpecsExitTwoAndWriteNothing() throws {
        let bad = tmp.appendingPathComponent("bad.yaml")
        try "model: om\nsweep:\n  - input: beta_rad\n    range: [0, 1]\noutputs: [EN_r]\ncolour: red\n".write(to: bad, atomically: true, encoding: .utf8)
        let runs: [([String], String)] = [
            (["render", "om-2a", "--set", "T_e_K=-4"], "T_e_K = '-4'"), (["render", "om-2a", "--set", "nope=1"], "nope"),
            (["render", "om-2a", "--set", "Delta_over_Gamma=1"], "swept"), (["data", "om-3a", "--set", "m"], "NAME=VALUE"),
            (["render", bad.path], "bad.yaml:6: colour"), (["render", tmp.appendingPathComponent("none.yaml").path], "no such spec file"),
            (["eval", "om", "--T_e_K", "abc"], "'abc'"), (["eval", "om", "--eps", "-1"], "--eps"),
            (["eval", "om", "--set", "eps_over_Gamma=1"], "not by --set"), (["eval", "spb", "--case", "tip", "--set", "Q=abc"], "'abc'"),
            (["show", "om-2a", "--set", "T_e_K=1", "--set", "T_e_K=2"], "given twice"),
        ]
        for (args, expected) in runs {
            let out = tmp.appendingPathComponent("out-\(UUID().uuidString)")
            let r = try CLIRunner.run(args + ["--out", out.path].filter { _ in !["eval", "show"].contains(args[0]) }, cacheDirectory: tmp)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(expected), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(args) wrote output")
        }
    }

    /// `inputs` and `outputs` list the registries, as a table and as JSON.
    func testInputsAndOutputsCommands() throws {
        let t = try CLIRunner.run(["inputs", "om"])
        XCTAssertEqual(t.status, 0); XCTAssertTrue(t.stdout.contains("T_e_K") && t.stdout.contains("0.2"))
        let j = try CLIRunner.run(["outputs", "spb", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as! [[String: Any]]
        XCTAssertTrue(rows.contains { $0["name"] as? String == "g2" })
        XCTAssertEqual(try CLIRunner.run(["inputs", "qed"]).status, 2)
    }
}

/// Progress feedback through the real binary: plain lines with counts in a pipe, a bar with an
/// ETA on a terminal (a pseudo-terminal from `script`), nothing with --quiet.
final class ProgressTests: XCTestCase {
    func testPlainProgressLinesInAPipeAndQuietSilence() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        // spb-2a at final quality on one thread (14641 steady states, about 4 s) runs well past the
        // first second, after which the first line is due (om-4a, used before, now takes ~1 s).
        let r = try CLIRunner.run(["data", "spb-2a", "--no-cache", "--out", tmp.path], cacheDirectory: tmp,
                                  environment: ["WGMFIG_THREADS": "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("progress: ") }
        XCTAssertFalse(lines.isEmpty, r.stderr)
        XCTAssertTrue(lines.allSatisfy { $0.range(of: #"spb-2a: \d+/\d+ points, .* points/s, ETA"#, options: .regularExpression) != nil }, r.stderr)
        let quiet = try CLIRunner.run(["data", "spb-2a", "--no-cache", "--quiet", "--out", tmp.path], cacheDirectory: tmp)
        XCTAssertEqual(quiet.status, 0); XCTAssertEqual(quiet.stderr, "")
    }

    func testTerminalBarShowsAnETA() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return XCTFail("script(1) is missing (bsdutils)") }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        // spb-2a on one thread (about 4 s; the bar is drawn after the first second).
        let command = "WGMFIG_THREADS=1 WGMFIG_CACHE_DIR=\(tmp.path) \(CLIRunner.executable.path) data spb-2a --no-cache --out \(tmp.path)"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("█") && text.contains("ETA") && text.contains("/14762 points"), text)
    }
}
