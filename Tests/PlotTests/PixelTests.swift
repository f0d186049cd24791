@testable import Plot
import XCTest

/// Rendered pixels read back from Cairo's image surface (cairo_image_surface_get_data via `rasterize`).
final class PixelTests: XCTestCase {
    /// A bare axes (no ticks, no labels) filling a 2 × 1.5 in figure.
    private func bareAxes() -> Axes {
        Axes(x: Axis(limits: 0...1, ticks: .none, minorTicks: .none), y: Axis(limits: 0...1, ticks: .none, minorTicks: .none))
    }

    /// The axes box of the only panel, in points.
    private func axesBox(_ figure: Figure, style: Style) throws -> Rect {
        let renderer = Renderer(style: style)
        let resolved = try ResolvedAxes(figure.panels[0].axes, style: style, path: "test")
        return try renderer.layout(figure, resolved: [resolved], page: renderer.pageSize(figure))[0].box
    }

    private func assertColor(_ image: RasterImage, x: Int, y: Int, _ expected: Color, tolerance: Double = 1.5 / 255,
                             file: StaticString = #filePath, line: UInt = #line) {
        let c = image.color(x: x, y: y)
        XCTAssertEqual(c.red, expected.red, accuracy: tolerance, "red at (\(x), \(y))", file: file, line: line)
        XCTAssertEqual(c.green, expected.green, accuracy: tolerance, "green at (\(x), \(y))", file: file, line: line)
        XCTAssertEqual(c.blue, expected.blue, accuracy: tolerance, "blue at (\(x), \(y))", file: file, line: line)
    }

    func testHeatmapRampShowsColormapColoursInTheRightCells() throws {
        let style = try repoStyle("paper")
        let n = 16
        let x = (0..<n).map { (Double($0) + 0.5) / Double(n) }
        let values = (0..<(2 * n)).map { Double($0 % n) / Double(n - 1) }
        var axes = bareAxes()
        axes.add(Heatmap(x: x, y: [0.25, 0.75], values: values, colormap: .viridis, vmin: 0, vmax: 1))
        let figure = Figure(width: .inches(2), height: .inches(1.5), axes: axes)
        let dpi = 144.0, scale = dpi / 72
        let box = try axesBox(figure, style: style)
        let image = try figure.rasterize(style: style, dpi: dpi)
        let row = Int((box.midY + box.height / 4) * scale)
        for i in 0..<n {
            let px = Int((box.minX + (Double(i) + 0.5) / Double(n) * box.width) * scale)
            // Value i/15 → matplotlib's lookup: entry floor(t · 256), capped at 255.
            assertColor(image, x: px, y: row, Colormap.viridis.color(at: Double(i) / Double(n - 1)))
        }
        // The ends are viridis' published end colours #440154 and #FDE725.
        let first = Int((box.minX + 0.5 / Double(n) * box.width) * scale)
        let last = Int((box.minX + (Double(n) - 0.5) / Double(n) * box.width) * scale)
        assertColor(image, x: first, y: row, Color(hex: "#440154")!)
        assertColor(image, x: last, y: row, Color(hex: "#FDE725")!)
    }

    func testNaNCellHasTheMaskColour() throws {
        let style = try repoStyle("paper")
        var axes = bareAxes()
        axes.add(Heatmap(x: [0.25, 0.75], y: [0.25, 0.75], values: [0, 1, .nan, 0.5]))
        let figure = Figure(width: .inches(2), height: .inches(2), axes: axes)
        let scale = 1.0
        let box = try axesBox(figure, style: style)
        let image = try figure.rasterize(style: style, dpi: 72)
        // Row 1 (upper half), column 0 (left half) is the NaN cell.
        let px = Int((box.minX + box.width / 4) * scale), py = Int((box.minY + box.height / 4) * scale)
        assertColor(image, x: px, y: py, style.maskColor)
        // Its neighbour (value 0.5 of [0, 1]) is viridis at 0.5.
        assertColor(image, x: Int((box.minX + 3 * box.width / 4) * scale), y: py, Colormap.viridis.color(at: 0.5))
    }

    func testHorizontalLineAtHalfCrossesTheMiddleRow() throws {
        let style = try repoStyle("paper")
        var axes = bareAxes()
        axes.add(Line(x: [0, 1], y: [0.5, 0.5], color: .color(Color(red: 1, green: 0, blue: 0)), width: 2, dash: .solid))
        let figure = Figure(width: .inches(2), height: .inches(2), axes: axes)
        let dpi = 144.0, scale = dpi / 72
        let box = try axesBox(figure, style: style)
        let image = try figure.rasterize(style: style, dpi: dpi)
        // y = 0.5 maps to the middle of the axes box; the line is 2 pt = 4 px thick.
        let centreRow = box.midY * scale
        let column = Int(box.midX * scale)
        assertColor(image, x: column, y: Int(centreRow), Color(red: 1, green: 0, blue: 0))
        assertColor(image, x: column, y: Int(centreRow - 1.5), Color(red: 1, green: 0, blue: 0))
        assertColor(image, x: column, y: Int(centreRow + 1.5), Color(red: 1, green: 0, blue: 0))
        assertColor(image, x: column, y: Int(centreRow - 4), style.background)
        assertColor(image, x: column, y: Int(centreRow + 4), style.background)
    }

    func testTextRendersInsideItsBox() throws {
        let style = try repoStyle("paper")
        var axes = bareAxes()
        axes.add(Annotation("<i>g</i><sup>(2)</sup>(0) Δ̃/Γ", x: 0.5, y: 0.5, size: 12))
        let figure = Figure(width: .inches(2), height: .inches(2), axes: axes)
        let box = try axesBox(figure, style: style)
        let image = try figure.rasterize(style: style, dpi: 144)
        let text = TextEngine(family: style.fontFamily)
        let e = text.measure("<i>g</i><sup>(2)</sup>(0) Δ̃/Γ", size: 12)
        let scale = 2.0
        let x0 = Int((box.midX - e.inkWidth / 2) * scale), x1 = Int((box.midX + e.inkWidth / 2) * scale)
        let y0 = Int((box.midY - e.inkHeight / 2) * scale), y1 = Int((box.midY + e.inkHeight / 2) * scale)
        var dark = 0
        for y in y0...y1 { for x in x0...x1 where image.color(x: x, y: y).greyLevel < 0.5 { dark += 1 } }
        // Glyph ink covers a good part of the box (at least 5% of its pixels).
        XCTAssertGreaterThan(dark, (x1 - x0) * (y1 - y0) / 20)
        // Well outside the text box (but inside the axes), the page is blank.
        var strayDark = 0
        for y in Int((box.minY + 4) * scale)..<(y0 - 6) { for x in x0...x1 where image.color(x: x, y: y).greyLevel < 0.5 { strayDark += 1 } }
        XCTAssertEqual(strayDark, 0)
    }

    func testPNGPixelSizeIsInchesTimesDPI() throws {
        let style = try repoStyle("paper")
        let figure = Figure(width: .inches(3.4), height: .inches(2.1), axes: bareAxes())
        let png = try figure.pngData(style: style, dpi: 300)
        // PNG IHDR: width and height as big-endian UInt32 at bytes 16..<24.
        let bytes = [UInt8](png)
        XCTAssertEqual(Array(bytes[1..<4]), Array("PNG".utf8))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(width, 1020) // 3.4 in × 300 dpi
        XCTAssertEqual(height, 630) // 2.1 in × 300 dpi
    }
    /// A hatched span (issue 11, the unstable-gap cue) shows its colour and the background in
    /// alternation inside its extent only; a filled one is solid.
    func testHatchedSpanAlternatesColourAndBackgroundInsideItsExtent() throws {
        let style = try repoStyle("paper")
        let red = Color(red: 1, green: 0, blue: 0)
        var axes = bareAxes()
        axes.add(Span(.vertical, ranges: [0.2...0.6], color: .color(red), hatched: true, extent: 0...0.25))
        let figure = Figure(width: .inches(2), height: .inches(2), axes: axes)
        let dpi = 144.0, scale = dpi / 72
        let box = try axesBox(figure, style: style)
        let image = try figure.rasterize(style: style, dpi: dpi)
        func isRed(_ c: Color) -> Bool { c.red > 0.8 && c.green < 0.5 && c.blue < 0.5 }
        func isBackground(_ c: Color) -> Bool { abs(c.red - style.background.red) < 0.02 && abs(c.green - style.background.green) < 0.02 }
        // A row inside the strip (y = 0.125 of the axes), across x = 0.25 ... 0.55.
        let row = Int((box.maxY - 0.125 * box.height) * scale)
        let columns = Int((box.minX + 0.25 * box.width) * scale)...Int((box.minX + 0.55 * box.width) * scale)
        let colours = columns.map { image.color(x: $0, y: row) }
        XCTAssertGreaterThan(colours.filter(isRed).count, 5, "hatch lines")
        XCTAssertGreaterThan(colours.filter(isBackground).count, 5, "gaps between them")
        // Above the strip's extent and outside its range: background only.
        let above = Int((box.maxY - 0.5 * box.height) * scale)
        XCTAssertTrue(columns.map { image.color(x: $0, y: above) }.allSatisfy(isBackground), "nothing above the extent")
        XCTAssertTrue(isBackground(image.color(x: Int((box.minX + 0.8 * box.width) * scale), y: row)), "nothing outside the range")
        // Filled: solid.
        var solid = bareAxes()
        solid.add(Span(.vertical, ranges: [0.2...0.6], color: .color(red), extent: 0...0.25))
        let filled = try Figure(width: .inches(2), height: .inches(2), axes: solid).rasterize(style: style, dpi: dpi)
        XCTAssertTrue(columns.map { filled.color(x: $0, y: row) }.allSatisfy(isRed))
    }
}

final class PixelGeometryTests: XCTestCase {
    private func box(_ figure: Figure, _ style: Style) throws -> Rect {
        let renderer = Renderer(style: style)
        let resolved = try ResolvedAxes(figure.panels[0].axes, style: style, path: "test")
        return try renderer.layout(figure, resolved: [resolved], page: renderer.pageSize(figure))[0].box
    }

    func testNonUniformCellEdgesLieHalfwayBetweenCentres() throws {
        let style = try repoStyle("paper")
        // Centres 0, 1, 3 → edges −0.5, 0.5, 2, 4 (outer edges half a neighbour spacing out).
        var axes = Axes(x: Axis(limits: -0.5...4, ticks: .none, minorTicks: .none), y: Axis(ticks: .none, minorTicks: .none))
        axes.add(Heatmap(x: [0, 1, 3], y: [0], values: [0, 0.5, 1], colormap: .viridis, vmin: 0, vmax: 1))
        let figure = Figure(width: .inches(3), height: .inches(1), axes: axes)
        let b = try box(figure, style)
        let image = try figure.rasterize(style: style, dpi: 144)
        func column(_ x: Double) -> Int { Int((b.minX + (x + 0.5) / 4.5 * b.width) * 2) }
        let row = Int(b.midY * 2)
        let middle = Colormap.viridis.color(at: 0.5), last = Colormap.viridis.color(at: 1)
        XCTAssertEqual(image.color(x: column(1.9), y: row).green, middle.green, accuracy: 2 / 255)
        XCTAssertEqual(image.color(x: column(2.1), y: row).green, last.green, accuracy: 2 / 255)
        XCTAssertEqual(image.color(x: column(0.4), y: row).green, Colormap.viridis.color(at: 0).green, accuracy: 2 / 255)
        XCTAssertEqual(image.color(x: column(0.6), y: row).green, middle.green, accuracy: 2 / 255)
    }

    func testNaNBreaksTheLine() throws {
        let style = try repoStyle("paper")
        var axes = Axes(x: Axis(limits: 0...1, ticks: .none, minorTicks: .none), y: Axis(limits: 0...1, ticks: .none, minorTicks: .none))
        axes.add(Line(x: [0, 0.3, 0.5, 0.7, 1], y: [0.5, 0.5, .nan, 0.5, 0.5], color: .black, width: 2, dash: .solid))
        let figure = Figure(width: .inches(2), height: .inches(2), axes: axes)
        let b = try box(figure, style)
        let image = try figure.rasterize(style: style, dpi: 144)
        let row = Int(b.midY * 2)
        // Drawn on [0, 0.3] and [0.7, 1]; blank between (0.3 and 0.7 are not joined through the NaN).
        XCTAssertLessThan(image.color(x: Int((b.minX + 0.15 * b.width) * 2), y: row).greyLevel, 0.1)
        XCTAssertLessThan(image.color(x: Int((b.minX + 0.85 * b.width) * 2), y: row).greyLevel, 0.1)
        XCTAssertGreaterThan(image.color(x: Int((b.minX + 0.5 * b.width) * 2), y: row).greyLevel, 0.99)
    }

}
