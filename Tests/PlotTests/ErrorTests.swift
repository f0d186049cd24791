@testable import Plot
import XCTest

final class ErrorTests: XCTestCase {
    private func loader(_ dir: URL) -> StyleLoader {
        StyleLoader(searchPath: StyleSearchPath(directories: [dir.path], includesBundled: false))
    }

    func testUnknownStyleListsAvailableNames() throws {
        let loader = StyleLoader(searchPath: .bundled)
        XCTAssertThrowsError(try loader.load("journal-x")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("unknown style 'journal-x'"), text)
            XCTAssertTrue(text.contains("paper") && text.contains("slides") && text.contains("slides-dark"), text)
        }
    }

    func testMalformedStyleFileNamesFileAndLine() throws {
        let dir = try scratchDirectory(self)
        let file = dir.appendingPathComponent("broken.yaml")
        try "font:\n  family: CMU Serif\n  tickLabelSize: [8\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try loader(dir).load("broken")) { error in
            guard case PlotError.malformedStyle(let path, let line, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, file.path)
            XCTAssertNotNil(line)
            XCTAssertTrue("\(error)".hasPrefix("malformed style file \(file.path):"), "\(error)")
        }
    }

    func testUnknownKeyNamesKeyAndFile() throws {
        let dir = try scratchDirectory(self)
        try FileManager.default.copyItem(at: repositoryStyles.appendingPathComponent("paper.yaml"),
                                         to: dir.appendingPathComponent("paper.yaml"))
        let file = dir.appendingPathComponent("mine.yaml")
        try "base: paper\nticks:\n  lenght: 4\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try loader(dir).load("mine")) { error in
            XCTAssertEqual(error as? PlotError, .unknownStyleKey(file: file.path, key: "ticks.lenght", line: 3))
        }
        try "base: paper\ncolour: red\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try loader(dir).load(file.path)) { error in
            XCTAssertTrue("\(error)".contains("unknown key 'colour'"), "\(error)")
        }
    }

    func testBaseMergesAndBadValuesAreReported() throws {
        let dir = try scratchDirectory(self)
        try FileManager.default.copyItem(at: repositoryStyles.appendingPathComponent("paper.yaml"),
                                         to: dir.appendingPathComponent("paper.yaml"))
        let file = dir.appendingPathComponent("thick.yaml")
        try "base: paper\nlines:\n  width: 2.0\n".write(to: file, atomically: true, encoding: .utf8)
        let thick = try loader(dir).load("thick")
        XCTAssertEqual(thick.lineWidth, 2.0)
        XCTAssertEqual(thick.fontFamily, "CMU Serif", "inherited from paper")
        try "base: paper\nlines:\n  width: -1\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try loader(dir).load("thick")) { error in
            XCTAssertTrue("\(error)".contains("lines.width"), "\(error)")
        }
        try "lines:\n  width: 1\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try loader(dir).load("thick")) { error in
            guard case PlotError.missingStyleKey = error else { return XCTFail("\(error)") }
        }
    }

    func testNegativeOrZeroSizeIsRejected() throws {
        let style = try repoStyle("paper")
        XCTAssertThrowsError(try Figure(width: .inches(-1), axes: Axes()).render(style: style, format: .pdf)) { error in
            guard case PlotError.invalidSize = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("figure width"), "\(error)")
        }
        XCTAssertThrowsError(try Figure(height: .inches(0), axes: Axes()).render(style: style, format: .png))
        XCTAssertThrowsError(try Figure(axes: Axes()).render(style: style, format: .png, dpi: -5))
    }

    func testLogAxisWithNonPositiveLimitsIsRejected() throws {
        let style = try repoStyle("paper")
        let axes = Axes(y: Axis(scale: .log, limits: 0...10), artists: [.line(Line(x: [0, 1], y: [1, 2]))])
        XCTAssertThrowsError(try Figure(axes: axes).render(style: style, format: .png, dpi: 50)) { error in
            guard case PlotError.nonPositiveLogLimit = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("log-scaled"), "\(error)")
        }
    }

    func testHeatmapShapeMismatchAndBadMarkup() throws {
        let style = try repoStyle("paper")
        var axes = Axes()
        axes.add(Heatmap(x: [0, 1, 2], y: [0, 1], values: [1, 2, 3, 4, 5]))
        XCTAssertThrowsError(try Figure(axes: axes).render(style: style, format: .svg)) { error in
            XCTAssertEqual(error as? PlotError, .heatmapShape(xCount: 3, yCount: 2, valueCount: 5))
        }
        let badLabel = Axes(x: Axis(label: "<i>Δ/Γ"))
        XCTAssertThrowsError(try Figure(axes: badLabel).render(style: style, format: .svg)) { error in
            guard case PlotError.invalidMarkup = error else { return XCTFail("\(error)") }
        }
        var misplaced = Figure(rows: 1, columns: 2)
        misplaced.add(Axes(), row: 0, column: 2)
        XCTAssertThrowsError(try misplaced.render(style: style, format: .svg))
    }
}

final class StyleLookupTests: XCTestCase {
    func testBundledPresetsAreFoundWithNoDirectory() throws {
        // What a package depending on Plot gets with no styles/ folder and no environment variable.
        let loader = StyleLoader(searchPath: StyleSearchPath(directories: ["/nonexistent-styles"]))
        XCTAssertEqual(try loader.load("paper").fontFamily, "CMU Serif")
        XCTAssertEqual(try loader.load("slides").fontFamily, "DejaVu Sans")
        let dark = try loader.load("slides-dark")
        XCTAssertEqual(dark.tickDirection, .out, "inherited from slides")
        XCTAssertNotEqual(dark.background, Color.white)
        // The bundle holds every preset of the repository, byte for byte.
        let bundled = try XCTUnwrap(StyleSearchPath.bundledDirectory)
        let presets = try FileManager.default.contentsOfDirectory(atPath: repositoryStyles.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(presets.count, 8)
        for file in presets {
            XCTAssertEqual(FileManager.default.contents(atPath: bundled + "/" + file),
                           FileManager.default.contents(atPath: repositoryStyles.path + "/" + file), file)
        }
        XCTAssertEqual(Style.availableNames(searchPath: .bundled), presets.map { String($0.dropLast(5)) }.sorted())
        XCTAssertThrowsError(try StyleLoader(searchPath: StyleSearchPath(includesBundled: false)).load("paper"))
    }

    func testDirectoriesComeBeforeTheBundleAndPathsWork() throws {
        let dir = try scratchDirectory(self)
        try "base: \(repositoryStyles.path)/paper.yaml\nfont:\n  family: DejaVu Serif\n"
            .write(to: dir.appendingPathComponent("paper.yaml"), atomically: true, encoding: .utf8)
        let loader = StyleLoader(searchPath: StyleSearchPath(directories: [dir.path]))
        XCTAssertEqual(try loader.load("paper").fontFamily, "DejaVu Serif")
        XCTAssertEqual(try loader.load("slides").fontFamily, "DejaVu Sans", "not in the directory: bundled")
        XCTAssertEqual(try loader.load(repositoryStyles.path + "/paper.yaml").fontFamily, "CMU Serif")
        XCTAssertEqual(loader.searchDirectories().first, dir.path)
        XCTAssertEqual(loader.searchDirectories().last, StyleSearchPath.bundledDirectory)
    }

    func testPaperStyleHasTheAPSNumbers() throws {
        let paper = try repoStyle("paper")
        // APS: single column 3.4 in, double 7.0 in; 8 pt ticks, 9 pt panel labels, 0.5 pt axes,
        // 1.0 pt data lines, ticks in and mirrored, 3/1.5 pt major/minor, 3 pt markers, 7 pt legend.
        XCTAssertEqual(paper.singleColumnWidth, 3.4)
        XCTAssertEqual(paper.doubleColumnWidth, 7.0)
        XCTAssertEqual(paper.tickLabelSize, 8)
        XCTAssertEqual(paper.panelLabelSize, 9)
        XCTAssertEqual(paper.axesLineWidth, 0.5)
        XCTAssertEqual(paper.lineWidth, 1.0)
        XCTAssertEqual(paper.tickDirection, .in)
        XCTAssertTrue(paper.tickMirror)
        XCTAssertEqual(paper.majorTickLength, 3)
        XCTAssertEqual(paper.minorTickLength, 1.5)
        XCTAssertEqual(paper.markerSize, 3)
        XCTAssertEqual(paper.legendSize, 7)
        XCTAssertFalse(paper.legendFramed)
        // Greyscale-safe cycle: no two consecutive entries share a dash pattern.
        for (a, b) in zip(paper.cycle, paper.cycle.dropFirst()) { XCTAssertNotEqual(a.dash, b.dash) }
    }
}

final class FontTests: XCTestCase {
    func testMissingFontFamilyIsAnErrorNotASilentSubstitute() throws {
        var style = try repoStyle("paper")
        style.fontFamily = "No Such Font Family 123"
        XCTAssertThrowsError(try Figure(axes: Axes()).render(style: style, format: .pdf)) { error in
            guard case PlotError.fontUnavailable(let family, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(family, "No Such Font Family 123")
        }
    }
}
