import Foundation
@testable import Plot
import XCTest

/// Presets, styles combined key by key, `--rc` overrides, colormaps and font fallback (issue 11).
final class StyleCombinationTests: XCTestCase {
    static let presets = ["paper", "slides", "slides-dark", "nature", "optica", "ieee", "talk-16x9", "talk-4x3"]

    func testLaterStylesOverrideEarlierOnesKeyByKey() throws {
        let paper = try Style.named("paper")
        let combined = try Style.combined(["paper", "nature"])
        // Nature's figure guide: 89 and 183 mm, 5–7 pt text; the rest is paper's.
        XCTAssertEqual(combined.singleColumnWidth * 25.4, 89, accuracy: 0.05)
        XCTAssertEqual(combined.doubleColumnWidth * 25.4, 183, accuracy: 0.05)
        XCTAssertEqual(combined.fontFamily, "Liberation Sans")
        XCTAssertTrue((5...7).contains(combined.tickLabelSize) && (5...7).contains(combined.axisLabelSize))
        XCTAssertEqual(combined.lineWidth, paper.lineWidth)
        XCTAssertEqual(combined.name, "paper,nature")
        // Reversed order: paper's keys win again.
        XCTAssertEqual(try Style.combined(["nature", "paper"]).fontFamily, "CMU Serif")
        XCTAssertEqual(try Style.combined(["slides", "paper"]).tickDirection, .in)
    }

    func testRcOverridesAnyKeyAndRejectsUnknownOnes() throws {
        let style = try Style.combined(["paper"], overrides: [("font.axisLabelSize", "10"), ("palette.red", "#000000"),
                                                              ("cycle", "[{color: '#112233', dash: dotted}]"), ("ticks.direction", "out")])
        XCTAssertEqual(style.axisLabelSize, 10)
        XCTAssertEqual(style.palette["red"], Color(hex: "#000000"))
        XCTAssertEqual(style.cycle, [CycleEntry(color: Color(hex: "#112233")!, dash: .dotted)])
        XCTAssertEqual(style.tickDirection, .out)
        XCTAssertThrowsError(try Style.combined(["paper"], overrides: [("font.nope", "1")])) { error in
            guard case PlotError.unknownStyleKey(let file, let key, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "--rc"); XCTAssertEqual(key, "font.nope")
        }
        XCTAssertThrowsError(try Style.combined(["paper"], overrides: [("font.axisLabelSize", "big")]))
        XCTAssertThrowsError(try Style.combined(["paper", "no-such-preset"])) { error in
            guard case PlotError.unknownStyle(let name, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "no-such-preset")
        }
    }

    func testEveryPresetLoadsAndDrawsTheSampleSheetInItsOwnFonts() throws {
        for name in Self.presets {
            let style = try Style.named(name)
            let image = try StylePreview.figure().rasterize(style: style, dpi: 30)
            XCTAssertGreaterThan(image.width, 50, name)
        }
        // Talk presets: 16:9 and 4:3 canvases 7.5 in high.
        XCTAssertEqual(try Style.named("talk-16x9").doubleColumnWidth / 7.5, 16.0 / 9, accuracy: 0.001)
        XCTAssertEqual(try Style.named("talk-4x3").doubleColumnWidth / 7.5, 4.0 / 3, accuracy: 0.001)
        XCTAssertEqual(try Style.named("slides").maxHeight, 7.5)
    }

    func testReferenceLinesTakeTheStylesColourAndTheDarkOneIsLegible() throws {
        let dark = try Style.named("slides-dark")
        XCTAssertEqual(try dark.resolve(ReferenceLine(.horizontal, at: 0).color), dark.referenceColor)
        // WCAG contrast ratio (relative luminance, sRGB) of the reference colour on the page ≥ 4.5.
        func luminance(_ c: Color) -> Double {
            func lin(_ v: Double) -> Double { v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
            return 0.2126 * lin(c.red) + 0.7152 * lin(c.green) + 0.0722 * lin(c.blue)
        }
        for name in ["paper", "slides", "slides-dark"] {
            let s = try Style.named(name)
            let (a, b) = (luminance(s.referenceColor), luminance(s.background))
            XCTAssertGreaterThanOrEqual((max(a, b) + 0.05) / (min(a, b) + 0.05), 3, name)
        }
        let (a, b) = (luminance(dark.referenceColor), luminance(dark.background))
        XCTAssertGreaterThanOrEqual((max(a, b) + 0.05) / (min(a, b) + 0.05), 4.5)
    }

    func testColormapsByNameReversedCyclicAndCustom() throws {
        let viridis = Colormap.viridis, reversed = try XCTUnwrap(Colormap(rawValue: "viridis_r"))
        XCTAssertEqual(reversed.color(at: 0), viridis.color(at: 1))
        XCTAssertEqual(reversed.color(at: 1), viridis.color(at: 0))
        // Cyclic: twilight's ends meet.
        let twilight = try XCTUnwrap(Colormap(rawValue: "twilight"))
        for (a, b) in [(twilight.color(at: 0), twilight.color(at: 1))] {
            XCTAssertEqual(a.red, b.red, accuracy: 0.03); XCTAssertEqual(a.green, b.green, accuracy: 0.03); XCTAssertEqual(a.blue, b.blue, accuracy: 0.03)
        }
        // Diverging maps are light in the middle and dark at both ends (their purpose).
        for name in ["RdBu", "PiYG", "PRGn", "BrBG", "PuOr", "RdGy", "RdYlBu", "RdYlGn", "Spectral", "coolwarm", "bwr", "seismic"] {
            let map = try XCTUnwrap(Colormap(rawValue: name), name)
            let grey = { (c: Color) in (c.red + c.green + c.blue) / 3 }
            XCTAssertGreaterThan(grey(map.color(at: 0.5)), grey(map.color(at: 0)), name)
            XCTAssertGreaterThan(grey(map.color(at: 0.5)), grey(map.color(at: 1)), name)
        }
        XCTAssertNil(Colormap(rawValue: "nonsense"))
        // A custom map from a style file: black to white, linear: the middle is grey.
        let dir = try scratchDirectory(self)
        let file = dir.appendingPathComponent("grey.yaml")
        try "base: \(repositoryStyles.appendingPathComponent("paper.yaml").path)\nheatmap:\n  colormap: ['#000000', '#ffffff']\n".write(to: file, atomically: true, encoding: .utf8)
        let custom = try Style.load(path: file.path).colormap
        XCTAssertEqual(custom.color(at: 0.5).red, 128.0 / 255, accuracy: 0.005)
        XCTAssertEqual(custom.color(at: 0), Color(red: 0, green: 0, blue: 0))
        XCTAssertThrowsError(try Colormap(colors: [Color(red: 1, green: 0, blue: 0)]))
    }

    func testGlyphsCMUSerifLacksComeFromASerifNotFromASans() throws {
        // ℛ and ⟩ are not in CMU Serif: the paper style's fallback is DejaVu Serif, so the PDF
        // embeds DejaVu Serif and no sans-serif font.
        var axes = Axes()
        axes.add(Annotation("ℛ |1,0⟩", x: 0.5, y: 0.5))
        let dir = try scratchDirectory(self)
        let path = dir.appendingPathComponent("r.pdf").path
        try Figure(width: .inches(2), height: .inches(1.5), axes: axes).write(to: path, style: try repoStyle("paper"))
        guard let result = runTool("/usr/bin/pdffonts", [path]) else { return XCTFail("pdffonts (poppler-utils) is missing") }
        XCTAssertTrue(result.output.contains("DejaVuSerif"), result.output)
        XCTAssertFalse(result.output.contains("DejaVuSans"), result.output)
    }
}
