@testable import Plot
import CCairo
import XCTest

final class OutputTests: XCTestCase {
    private func sampleFigure() -> Figure {
        var figure = StylePreview.figure()
        figure.width = .inches(7.0)
        figure.height = .inches(3.0)
        return figure
    }

    func testPDFFontsAreEmbeddedAndNotType3() throws {
        let dir = try scratchDirectory(self)
        let path = dir.appendingPathComponent("sheet.pdf").path
        try sampleFigure().write(to: path, style: try repoStyle("paper"))
        guard let result = runTool("/usr/bin/pdffonts", [path]) else { return XCTFail("pdffonts (poppler-utils) not installed: make deps installs it") }
        XCTAssertEqual(result.status, 0)
        let rows = result.output.split(separator: "\n").dropFirst(2)
        XCTAssertFalse(rows.isEmpty, "the sheet has text, so fonts")
        for row in rows {
            XCTAssertFalse(row.contains("Type 3"), String(row))
            // Columns: name type encoding emb sub uni object ID — "emb" must be yes.
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            XCTAssertEqual(columns[columns.count - 5], "yes", "not embedded: \(row)")
        }
        XCTAssertTrue(result.output.contains("CMUSerif"), "paper style pins CMU Serif")
    }

    func testPDFPageSizeIsTheRequestedSize() throws {
        let dir = try scratchDirectory(self)
        let path = dir.appendingPathComponent("one.pdf").path
        let figure = Figure(width: .singleColumn, height: .inches(2.5), axes: Axes())
        try figure.write(to: path, style: try repoStyle("paper"))
        guard let result = runTool("/usr/bin/pdfinfo", [path]) else { return XCTFail("pdfinfo (poppler-utils) not installed: make deps installs it") }
        // APS single column 3.4 in = 244.8 pt; 2.5 in = 180 pt.
        XCTAssertTrue(result.output.contains("Page size:       244.8 x 180 pts"), result.output)
    }

    func testTwoPDFRendersAreByteIdentical() throws {
        let style = try repoStyle("paper")
        let a = try sampleFigure().render(style: style, format: .pdf)
        let b = try sampleFigure().render(style: style, format: .pdf)
        XCTAssertGreaterThan(a.count, 1000)
        XCTAssertEqual(a, b)
        // No wall-clock date leaks in: the metadata date is fixed (or SOURCE_DATE_EPOCH).
        let text = String(decoding: a, as: UTF8.self)
        // (cairo 1.16 writes the date without the "D:" prefix.)
        XCTAssertTrue(text.contains("/CreationDate ("))
        if ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] == nil {
            XCTAssertTrue(text.contains("/CreationDate (20000101000000Z)") || text.contains("/CreationDate (D:20000101000000"), "fixed creation date")
        }
    }

    func testSVGAndAtomicWrite() throws {
        let dir = try scratchDirectory(self)
        let path = dir.appendingPathComponent("sheet.svg").path
        try sampleFigure().write(to: path, style: try repoStyle("slides"))
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(svg.contains("<svg"))
        XCTAssertTrue(svg.contains("width=\"504pt\""), "7 in wide in points")
        // Exactly the file: no temporary (".sheet.svg.<id>.tmp") left beside it.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["sheet.svg"])
    }

    func testDoubleColumnAdaptsToStyle() throws {
        let figure = Figure(width: .doubleColumn, height: .auto, axes: Axes())
        let paper = try figure.pageSize(style: try repoStyle("paper"))
        XCTAssertEqual(paper.width, 504, accuracy: 1e-9) // 7.0 in
        XCTAssertEqual(paper.height, 504 * 0.618, accuracy: 1e-9) // golden panel aspect
        let slides = try figure.pageSize(style: try repoStyle("slides"))
        XCTAssertEqual(slides.width, 13.33 * 72, accuracy: 1e-9) // 16:9 canvas width
    }
}

/// Files that behave in other programs: PNG resolution, PDF title, crisp SVG images (issue 11).
final class FileMetadataTests: XCTestCase {
    private func heatmapFigure() -> Figure {
        var axes = Axes()
        axes.add(Heatmap(x: [0, 1, 2], y: [0, 1], values: [0, 1, 2, 3, 4, 5], colorbar: Colorbar(label: "v")))
        return Figure(width: .inches(3), height: .inches(2), axes: axes)
    }

    func testPNGCarriesItsDPIAsPHYs() throws {
        // 300 dpi = 300 / 0.0254 m = 11811 px/m (rounded), unit 1 (metre), PNG spec 11.3.5.3.
        for (dpi, perMetre) in [(300.0, UInt32(11811)), (100, 3937), (72, 2835)] {
            let png = try heatmapFigure().pngData(style: try repoStyle("paper"), dpi: dpi)
            let phys = try XCTUnwrap(PNGChunks.physicalPixelsPerMetre(png))
            XCTAssertEqual(phys.x, perMetre); XCTAssertEqual(phys.y, perMetre); XCTAssertEqual(phys.unit, 1)
        }
    }

    func testTheInsertedChunkHasAValidCRCAndTheFileStillDecodes() throws {
        // CRC-32 check value of "123456789" is 0xCBF43926 (ISO 3309 / PNG spec annex D).
        XCTAssertEqual(PNGChunks.crc32(Array("123456789".utf8)), 0xCBF4_3926)
        let png = try heatmapFigure().pngData(style: try repoStyle("paper"), dpi: 100)
        let bytes = [UInt8](png)
        // pHYs right after IHDR: its stored CRC equals the CRC of type + data.
        XCTAssertTrue(bytes[37..<41].elementsEqual("pHYs".utf8))
        let stored = bytes[50..<54].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        XCTAssertEqual(stored, PNGChunks.crc32(Array(bytes[37..<50])))
        let dir = try scratchDirectory(self)
        let path = dir.appendingPathComponent("h.png").path
        try png.write(to: URL(fileURLWithPath: path))
        let surface = try XCTUnwrap(cairo_image_surface_create_from_png(path))
        defer { cairo_surface_destroy(surface) }
        XCTAssertEqual(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS)
        XCTAssertEqual(cairo_image_surface_get_width(surface), 300)
    }

    func testPDFTitleIsTheFiguresTitle() throws {
        var figure = heatmapFigure()
        figure.title = "om-2: E_N,r versus Δ/Γ"
        let dir = try scratchDirectory(self)
        let path = dir.appendingPathComponent("t.pdf").path
        try figure.write(to: path, style: try repoStyle("paper"))
        guard let result = runTool("/usr/bin/pdfinfo", [path]) else { return XCTFail("pdfinfo (poppler-utils, a make deps package) is missing") }
        let title = result.output.split(separator: "\n").first { $0.hasPrefix("Title:") }
        XCTAssertEqual(title?.dropFirst(6).trimmingCharacters(in: .whitespaces), "om-2: E_N,r versus Δ/Γ", result.output)
    }

    func testSVGImagesAskForNearestNeighbourScaling() throws {
        let svg = String(decoding: try heatmapFigure().render(style: try repoStyle("paper"), format: .svg), as: UTF8.self)
        let images = svg.components(separatedBy: "<image ").dropFirst()
        XCTAssertEqual(images.count, 2, "heatmap and colour bar")
        for image in images { XCTAssertTrue(image.hasPrefix("style=\"image-rendering:optimizeSpeed;image-rendering:crisp-edges;image-rendering:pixelated\"")) }
    }
}
