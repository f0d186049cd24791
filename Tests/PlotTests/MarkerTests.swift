@testable import Plot
import XCTest

/// Open markers are hollow, and legend handles show each series' own marker shape (pixels read back).
final class MarkerTests: XCTestCase {
    private let red = Color(red: 1, green: 0, blue: 0), blue = Color(red: 0, green: 0, blue: 1)
    private let green = Color(red: 0, green: 0.6, blue: 0), shade = Color(red: 1, green: 0.85, blue: 0.3)

    private func bareAxes() -> Axes {
        Axes(x: Axis(limits: 0...1, ticks: .none, minorTicks: .none), y: Axis(limits: 0...1, ticks: .none, minorTicks: .none))
    }

    private func axesBox(_ figure: Figure, style: Style) throws -> Rect {
        let renderer = Renderer(style: style)
        let resolved = try ResolvedAxes(figure.panels[0].axes, style: style, path: "test")
        return try renderer.layout(figure, resolved: [resolved], page: renderer.pageSize(figure))[0].box
    }

    private func distance(_ a: Color, _ b: Color) -> Double {
        max(abs(a.red - b.red), abs(a.green - b.green), abs(a.blue - b.blue))
    }

    /// Bounding box (x0, y0, x1, y1) in pixels of the pixels within 0.2 of `color`.
    private func bounds(of color: Color, in image: RasterImage) -> (Int, Int, Int, Int)? {
        var box: (Int, Int, Int, Int)?
        for y in 0..<image.height {
            for x in 0..<image.width where distance(image.color(x: x, y: y), color) < 0.2 {
                box = box.map { (min($0.0, x), min($0.1, y), max($0.2, x), max($0.3, y)) } ?? (x, y, x, y)
            }
        }
        return box
    }

    func testOpenMarkersShowWhatLiesBeneath() throws {
        let style = try repoStyle("paper")
        var axes = bareAxes()
        axes.add(Span(ranges: [0.5...1], color: .color(shade)))
        axes.add(Line(x: [0.25, 0.75], y: [0.5, 0.5], color: .color(red), marker: Marker(.circle, size: 14, filled: false), showsLine: false))
        axes.add(Line(x: [0.25, 0.75], y: [0.2, 0.2], color: .color(red), marker: Marker(.square, size: 14, filled: true), showsLine: false))
        let figure = Figure(width: .inches(2), height: .inches(2), axes: axes)
        let dpi = 144.0, scale = dpi / 72
        let box = try axesBox(figure, style: style)
        let image = try figure.rasterize(style: style, dpi: dpi)
        func pixel(_ fx: Double, _ fy: Double, dx: Double = 0) -> Color {
            image.color(x: Int(((box.minX + fx * box.width) + dx) * scale), y: Int((box.maxY - fy * box.height) * scale))
        }
        // Centres of the open circles: the page background on the left, the shading on the right.
        XCTAssertLessThan(distance(pixel(0.25, 0.5), style.background), 0.01, "open marker on the background is filled")
        XCTAssertLessThan(distance(pixel(0.75, 0.5), shade), 0.01, "open marker hides the shading beneath it")
        // Their edge (radius 7 pt) is the marker colour; filled squares are filled.
        XCTAssertLessThan(distance(pixel(0.25, 0.5, dx: 7), red), 0.3)
        XCTAssertLessThan(distance(pixel(0.25, 0.2), red), 0.01)
        XCTAssertLessThan(distance(pixel(0.75, 0.2), red), 0.01)
    }

    func testLegendHandlesShowEachSeriesOwnMarker() throws {
        let style = try repoStyle("paper")
        var axes = bareAxes()
        axes.legend = Legend(.upperLeft, extraEntries: [
            .markers(label: "formula", samples: [LegendMarker(color: .color(red), marker: Marker(.square, size: 10)),
                                                 LegendMarker(color: .color(blue), marker: Marker(.triangle, size: 10))]),
            .line(label: "series", color: .color(green), dash: .solid, width: 0.5, marker: Marker(.circle, size: 10, filled: false)),
        ], includesArtists: false)
        let figure = Figure(width: .inches(3), height: .inches(2), axes: axes)
        let image = try figure.rasterize(style: style, dpi: 216)
        // The square fills its bounding box's corners; the triangle (apex up) leaves its top corners empty.
        let sq = try XCTUnwrap(bounds(of: red, in: image), "no square drawn")
        XCTAssertLessThan(distance(image.color(x: sq.0 + 2, y: sq.1 + 2), red), 0.2, "the first handle is not a square")
        XCTAssertLessThan(distance(image.color(x: sq.2 - 2, y: sq.3 - 2), red), 0.2, "the first handle is not a square")
        let tri = try XCTUnwrap(bounds(of: blue, in: image), "no triangle drawn")
        XCTAssertLessThan(distance(image.color(x: tri.0 + 2, y: tri.1 + 2), style.background), 0.05, "the second handle is not a triangle")
        XCTAssertLessThan(distance(image.color(x: (tri.0 + tri.2) / 2, y: tri.3 - 2), blue), 0.2, "the second handle is not a triangle")
        XCTAssertLessThan(distance(image.color(x: (tri.0 + tri.2) / 2, y: tri.1 + 3), blue), 0.2, "the triangle's apex is not at the top")
        // Square and triangle sit side by side in one row: the triangle's centre (apex R above,
        // base R/2 below it) lies at a third of its height from the base, level with the square's.
        XCTAssertLessThan(sq.2, tri.0)
        XCTAssertEqual(Double(sq.1 + sq.3) / 2, Double(tri.1 + 2 * tri.3) / 3, accuracy: 3)
        // The open circle on the line handle: its centre is the line (green), a pixel halfway
        // between centre and rim above the line is the background.
        let circle = try XCTUnwrap(bounds(of: green, in: image), "no circle drawn")
        let cx = (circle.0 + circle.2) / 2, cy = (circle.1 + circle.3) / 2, r = (circle.3 - circle.1) / 2
        XCTAssertGreaterThan(r, 10)
        XCTAssertLessThan(distance(image.color(x: cx, y: cy - r / 2), style.background), 0.05, "the open circle is filled")
    }
}
