import Foundation
import XCTest

/// `--style a,b`, `--rc KEY=VALUE` and the presets from the command line (issue 11).
final class StyleCommandTests: XCTestCase {
    private var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-style-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    private func pngSize(_ name: String) throws -> (Int, Int) {
        let bytes = [UInt8](try Data(contentsOf: tmp.appendingPathComponent(name)))
        func be(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        return (be(16), be(20))
    }

    func testNaturePresetRendersAtNaturesDoubleColumnWidth() throws {
        let r = try CLIRunner.run(["render", "om-2", "--style", "nature", "--quality", "draft", "--format", "png", "--dpi", "100",
                                   "--out", tmp.path, "--quiet"], cacheDirectory: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        // 183 mm at 100 dpi = 720.5 px → 720 or 721.
        XCTAssertEqual(Double(try pngSize("om-2.png").0), 183 / 25.4 * 100, accuracy: 1)
        let sidecar = try String(contentsOf: tmp.appendingPathComponent("om-2.png.json"), encoding: .utf8)
        XCTAssertTrue(sidecar.contains("\"nature\""), sidecar)
    }

    func testRcChangesTheFigureAndCombinedStylesWork() throws {
        let base = ["render", "om-2a", "--quality", "draft", "--format", "png", "--dpi", "100", "--quiet"]
        let a = try CLIRunner.run(base + ["--style", "paper", "--out", tmp.appendingPathComponent("a").path], cacheDirectory: tmp)
        let b = try CLIRunner.run(base + ["--style", "paper", "--rc", "font.axisLabelSize=10", "--out", tmp.appendingPathComponent("b").path], cacheDirectory: tmp)
        let c = try CLIRunner.run(base + ["--style", "paper,ieee", "--out", tmp.appendingPathComponent("c").path], cacheDirectory: tmp)
        XCTAssertEqual([a.status, b.status, c.status], [0, 0, 0], a.stderr + b.stderr + c.stderr)
        let pa = try Data(contentsOf: tmp.appendingPathComponent("a/om-2a.png"))
        let pb = try Data(contentsOf: tmp.appendingPathComponent("b/om-2a.png"))
        XCTAssertNotEqual(pa, pb, "a 10 pt axis label draws differently from 9 pt")
        // IEEE single column 3.5 in at 100 dpi.
        XCTAssertEqual(try pngSize("c/om-2a.png").0, 350)
    }

    func testUnknownRcKeyOrPresetIsAOneLineUsageError() throws {
        for args in [["--rc", "font.size=10"], ["--style", "paper,natur"], ["--rc", "font.axisLabelSize"], ["--rc", "lines.width=thick"]] {
            let r = try CLIRunner.run(["render", "om-2a", "--quality", "draft", "--out", tmp.path] + args, cacheDirectory: tmp)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "\(args): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("om-2a.png").path))
        }
        let r = try CLIRunner.run(["preview-style", "nature", "--rc", "nope.key=1", "--out", tmp.path], cacheDirectory: tmp)
        XCTAssertEqual(r.status, 2, r.stderr)
    }

    func testStyleLookupIsEnvironmentDirectoryThenWorkingDirectoryThenBundled() throws {
        // Two styles named "mine" (single column 2.0 in and 3.0 in), both on the bundled paper.
        let envDir = tmp.appendingPathComponent("env"), cwd = tmp.appendingPathComponent("cwd")
        try FileManager.default.createDirectory(at: envDir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: cwd.appendingPathComponent("styles"), withIntermediateDirectories: true)
        try "base: paper\nfigure:\n  singleColumnWidth: 2.0\n".write(to: envDir.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        try "base: paper\nfigure:\n  singleColumnWidth: 3.0\n".write(to: cwd.appendingPathComponent("styles/mine.yaml"), atomically: true, encoding: .utf8)
        func width(_ style: String, in dir: URL, env: String?) throws -> Int? {
            let out = tmp.appendingPathComponent("out-\(UUID().uuidString)")
            let r = try CLIRunner.run(["render", "om-2a", "--style", style, "--quality", "draft", "--format", "png", "--dpi", "100",
                                       "--out", out.path, "--quiet"], cacheDirectory: tmp, in: dir,
                                      environment: ["WGMFIG_STYLES_DIR": env])
            guard r.status == 0 else { return nil }
            return try pngSize(out.lastPathComponent + "/om-2a.png").0
        }
        XCTAssertEqual(try width("mine", in: cwd, env: envDir.path), 200, "$WGMFIG_STYLES_DIR first")
        XCTAssertEqual(try width("mine", in: cwd, env: nil), 300, "then ./styles")
        XCTAssertNil(try width("mine", in: tmp, env: nil), "neither: unknown style")
        XCTAssertEqual(try width("paper", in: tmp, env: nil), 340, "the bundled paper: APS single column 3.4 in")
    }
}
