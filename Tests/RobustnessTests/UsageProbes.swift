import Foundation
import XCTest

/// Bad values on the command line: exit 2, one line naming the value and what is allowed, and
/// nothing written.
final class UsageProbes: XCTestCase {
    func testBadRenderValuesExitTwoWithOneLineAndWriteNothing() throws {
        let probe = try Probe(self)
        let out = probe.url("out")
        let cases: [([String], [String])] = [
            (["--style", "nope"], ["'nope'", "paper"]),
            (["--dpi", "-5"], ["-5", "10...2400"]),
            (["--dpi", "0.001"], ["0.001", "10...2400"]),
            (["--dpi", "1e9"], ["1e9", "10...2400"]),
            (["--format", "gif"], ["'gif'", "png, pdf, svg"]),
            (["--svg-text", "glyphs"], ["'glyphs'", "paths, text"]),
            (["--quality", "best"], ["best"]),
        ]
        for (extra, mentions) in cases {
            let r = try probe.run(["render", "om-2a", "--out", out.path] + extra)
            XCTAssertRejected(r, status: 2, mentions: mentions)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(extra): nothing written")
        }
    }

    func testAStyleWithAnAbsurdPageSizeIsRefusedBeforeCairoAllocates() throws {
        let probe = try Probe(self)
        let style = probe.url("huge.yaml")
        try "base: paper\nfigure:\n  singleColumnWidth: 1e6\n".write(to: style, atomically: true, encoding: .utf8)
        for format in ["png", "pdf", "svg"] {
            let r = try probe.run(["render", "om-2a", "--quality", "draft", "--style", style.path, "--format", format, "--out", probe.url("out").path])
            XCTAssertRejected(r, status: 2, mentions: ["page size", "72000000", "14400 pt"])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: probe.url("out").path))
        // At a valid page size, a dpi making the raster too large is named with the pixel limit.
        let big = probe.url("big.yaml")
        try "base: paper\nfigure:\n  singleColumnWidth: 150\n".write(to: big, atomically: true, encoding: .utf8)
        let r = try probe.run(["render", "om-2a", "--quality", "draft", "--style", big.path, "--format", "png", "--dpi", "600", "--out", probe.url("out").path])
        XCTAssertRejected(r, status: 2, mentions: ["PNG at 600 dpi", "32767 px per side"])
    }

    func testPreviewStyleIntoAFileIsAUsageErrorAndTheFileIsKept() throws {
        let probe = try Probe(self)
        let file = probe.url("existing.txt")
        try Data("keep me".utf8).write(to: file)
        let r = try probe.run(["preview-style", "paper", "--out", file.path])
        XCTAssertRejected(r, status: 2, mentions: [file.path, "directory"])
        XCTAssertEqual(try Data(contentsOf: file), Data("keep me".utf8))
        XCTAssertFalse(r.stderr.contains("Domain="), "no raw NSError")
    }

    func testAbsurdOptomechanicsInputsAreRefusedNotAnsweredWithNaN() throws {
        let probe = try Probe(self)
        for (args, mentions) in [(["--eta", "1e308"], ["--eta", "1e+308", "[0, 100]"]),
                                 (["--eps", "1e300"], ["--eps", "[0, 100]"]),
                                 (["--detuning", "1e12"], ["--detuning", "[-100, 100]"]),
                                 (["--defects", "1e200@0.1"], ["--defects", "[0, 100]"])] {
            let r = try probe.run(["eval", "om"] + args)
            XCTAssertRejected(r, status: 2, mentions: mentions)
            XCTAssertFalse(r.stdout.contains("nan"), r.stdout)
        }
        // The largest allowed values give numbers (or an honest "unstable"), never NaN.
        let edge = try probe.run(["eval", "om", "--eta", "100", "--eps", "100", "--detuning", "100", "--json"])
        XCTAssertEqual(edge.status, 0, edge.stderr)
        XCTAssertFalse(edge.stdout.lowercased().contains("nan"), edge.stdout)
        // Tests/oracles/om_oracle.py at ε = η = 100Γ, β = π/8, Δ̃ = 100Γ: stable (max Re λ = −5.0e-6 ω_m).
        XCTAssertTrue(edge.stdout.contains("\"stable\": true"), "a large detuning is not called unstable: \(edge.stdout)")
    }

    func testAbsurdDelaysAndBlockadeInputsAreRefused() throws {
        let probe = try Probe(self)
        for (args, mentions) in [(["--tau", "1e16"], ["--tau", "1e+16", "tau_gamma1"]),
                                 (["--tau", "0,1e12"], ["--tau", "tau_gamma1"]),
                                 (["--delta", "1e300"], ["--delta", "Delta_over_gamma1"]),
                                 (["--J0", "-1"], ["--J0"]),
                                 (["--drive-scale", "1e200"], ["--drive-scale"]),
                                 (["--cutoff", "21"], ["--cutoff", "2...20"])] {
            let r = try probe.run(["eval", "spb", "--case", "tip"] + args)
            XCTAssertRejected(r, status: 2, mentions: mentions)
            XCTAssertEqual(r.stdout, "")
        }
    }

    func testEnvironmentThreadCountMustBeACount() throws {
        let probe = try Probe(self)
        XCTAssertRejected(try probe.run(["list"], environment: ["WGMFIG_THREADS": "many"]), status: 2, mentions: ["WGMFIG_THREADS", "'many'"])
        XCTAssertRejected(try probe.run(["check", "--record", "bogus"], environment: ["WGMFIG_RECORD": "x"]), status: 2, mentions: ["'bogus'"])
        XCTAssertRejected(try probe.run(["check", "om-2a"], environment: ["WGMFIG_RECORD": "sometimes"]), status: 2,
                          mentions: ["'sometimes'", "WGMFIG_RECORD"])
    }
}
