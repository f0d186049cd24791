import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ImageComparison
import Plot
import XCTest

/// SVG heatmaps in a browser (issue 11): headless Chromium's screenshot of the SVG shows cell
/// edges as sharp as the PNG render, and would not without the nearest-neighbour hint.
final class SVGInBrowserTests: XCTestCase {
    private let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A 3 × 2 in frameless checkerboard heatmap of 8 × 2 cells (viridis ends).
    private func checkerboard() -> Figure {
        var axes = Axes(x: Axis(ticks: .none, minorTicks: .none), y: Axis(ticks: .none, minorTicks: .none))
        axes.showsFrame = false
        let values = (0..<16).map { Double(($0 % 8 + $0 / 8) % 2) }
        axes.add(Heatmap(x: (0..<8).map(Double.init), y: [0, 1], values: values, colormap: .viridis))
        return Figure(width: .inches(3), height: .inches(2), axes: axes)
    }

    /// Pixels of the middle row that are neither cell colour nor the page: the blur across cell edges.
    private func blurredPixels(_ image: RGBAImage) -> Int {
        let ends = [Colormap.viridis.color(at: 0), Colormap.viridis.color(at: 1), Color.white]
        let y = image.height / 2
        var count = 0
        for x in 0..<image.width {
            let i = 4 * (y * image.width + x)
            let (r, g, b) = (Double(image.bytes[i]) / 255, Double(image.bytes[i + 1]) / 255, Double(image.bytes[i + 2]) / 255)
            let near = ends.contains { abs($0.red - r) < 0.06 && abs($0.green - g) < 0.06 && abs($0.blue - b) < 0.06 }
            if !near { count += 1 }
        }
        return count
    }

    private func screenshot(_ svg: Data, in dir: URL, name: String, scale: Int = 1) throws -> RGBAImage {
        let svgURL = dir.appendingPathComponent("\(name).svg"), shot = dir.appendingPathComponent("\(name).png")
        try svg.write(to: svgURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try XCTUnwrap(chromium, "Chromium is needed for this test (make deps installs it)"))
        // 3 × 2 in at the browser's 96 px/in.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=288,192",
                             "--force-device-scale-factor=\(scale)", "--screenshot=\(shot.path)", svgURL.absoluteString]
        process.standardOutput = Pipe(); process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return try RGBAImage.load(from: shot)
    }

    func testChromiumShowsHeatmapCellsAsSharpAsThePNG() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let style = try Style.named("paper")
        let figure = checkerboard()
        let png = try RGBAImage(pngData: try figure.pngData(style: style, dpi: 96))
        let svg = try figure.render(style: style, format: .svg)
        let sharp = blurredPixels(try screenshot(svg, in: dir, name: "crisp"))
        let reference = blurredPixels(png)
        // 7 inner edges and the two outer ones: at most a pixel or two each, as in the PNG.
        XCTAssertLessThanOrEqual(reference, 18)
        XCTAssertLessThanOrEqual(sharp, reference + 9, "browser blur: \(sharp) vs PNG \(reference)")
        // The same SVG without the hint is smoothed by the browser (the test can fail).
        let hint = "style=\"image-rendering:optimizeSpeed;image-rendering:crisp-edges;image-rendering:pixelated\" "
        let plain = Data(String(decoding: svg, as: UTF8.self).replacingOccurrences(of: hint, with: "").utf8)
        let smoothed = blurredPixels(try screenshot(plain, in: dir, name: "plain"))
        XCTAssertGreaterThan(smoothed, 4 * max(sharp, 10), "without the hint: \(smoothed)")
        print("blurred pixels across the middle row: PNG \(reference), Chromium SVG \(sharp), Chromium SVG without the hint \(smoothed)")
    }

    /// A 3 × 2 in panel with a rotated label, sub- and superscripts, an italic and a Greek letter.
    private func labelled() -> Figure {
        var axes = Axes(x: Axis(label: "<i>J</i><sub>0</sub>/<i>γ</i><sub>1</sub>", limits: 0...3),
                        y: Axis(label: "<i>g</i><sup>(2)</sup>(0)", limits: 0...1))
        axes.add(Line(x: [0, 3], y: [0.2, 0.8]))
        axes.panelLabel = "(b)"
        return Figure(width: .inches(3), height: .inches(2), axes: axes)
    }

    /// Pixels darker than mid-grey in one image with no such pixel within 1 px in the other
    /// (anti-aliasing may move an edge by a pixel; a misplaced glyph moves more).
    private func inkDifference(_ a: RGBAImage, _ b: RGBAImage) -> Int {
        precondition(a.width == b.width && a.height == b.height)
        func ink(_ m: RGBAImage) -> [Bool] {
            stride(from: 0, to: m.bytes.count, by: 4).map { Int(m.bytes[$0]) + Int(m.bytes[$0 + 1]) + Int(m.bytes[$0 + 2]) < 384 }
        }
        let inkA = ink(a), inkB = ink(b), w = a.width, h = a.height
        func near(_ mask: [Bool], _ x: Int, _ y: Int) -> Bool {
            for dy in -1...1 { for dx in -1...1 {
                let u = x + dx, v = y + dy
                if u >= 0, u < w, v >= 0, v < h, mask[v * w + u] { return true }
            } }
            return false
        }
        var count = 0
        for y in 0..<h { for x in 0..<w {
            let i = y * w + x
            if inkA[i] && !near(inkB, x, y) || inkB[i] && !near(inkA, x, y) { count += 1 }
        } }
        return count
    }

    /// `--svg-text text` (issue 11): the SVG carries `<text>` instead of glyph outlines, and
    /// Chromium draws it where the outlines are (the fonts are installed here).
    func testTextModeSVGShowsTheSameTextAsOutlines() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-svgtext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let style = try Style.named("paper")
        let paths = try labelled().render(style: style, format: .svg)
        let text = try labelled().render(style: style, format: .svg, svgText: .text)
        let source = String(decoding: text, as: UTF8.self)
        XCTAssertTrue(String(decoding: paths, as: UTF8.self).contains("<symbol"), "outlines as glyph symbols")
        XCTAssertFalse(source.contains("<symbol"), "no glyph outline in text mode")
        for run in [">J</tspan>", ">0</tspan>", ">γ</tspan>", ">(2)</tspan>", ">(b)</tspan>"] {
            XCTAssertTrue(source.contains(run), "missing run \(run)")
        }
        XCTAssertNoThrow(try XMLDocument(data: text), "well-formed XML")
        let outlined = try screenshot(paths, in: dir, name: "paths", scale: 3)
        let typed = try screenshot(text, in: dir, name: "text", scale: 3)
        // The same page without its text: what the text itself contributes.
        let stripped = source.replacingOccurrences(of: #"<g id="wgmfig-text">[\s\S]*</g>\n"#, with: "", options: .regularExpression)
        XCTAssertNotEqual(stripped, source)
        let bare = try screenshot(Data(stripped.utf8), in: dir, name: "bare", scale: 3)
        let textInk = inkDifference(outlined, bare), mismatch = inkDifference(outlined, typed)
        print("ink pixels of the text \(textInk); outlines vs <text> differ in \(mismatch)")
        XCTAssertGreaterThan(textInk, 1000)
        XCTAssertLessThan(Double(mismatch), 0.05 * Double(textInk), "<text> drawn elsewhere than the outlines")
    }
}
