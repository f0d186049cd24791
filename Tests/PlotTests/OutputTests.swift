@testable import Plot
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
        guard let result = runTool("/usr/bin/pdffonts", [path]) else { throw XCTSkip("pdffonts (poppler-utils) not installed") }
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
        guard let result = runTool("/usr/bin/pdfinfo", [path]) else { throw XCTSkip("pdfinfo not installed") }
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
