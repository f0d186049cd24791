@testable import Plot
import XCTest

/// `loc = best`: the legend goes where it covers the least data, shading and text, checked against
/// synthetic panels whose empty corner is known by construction.
final class LegendPlacementTests: XCTestCase {
    private let red = Paint.color(Color(red: 1, green: 0, blue: 0))

    private func bareAxes() -> Axes {
        Axes(x: Axis(limits: 0...1, ticks: .none, minorTicks: .none), y: Axis(limits: 0...1, ticks: .none, minorTicks: .none))
    }

    /// The axes box and the page box of the legend entry `label` (its text's ink box).
    private func place(_ axes: Axes, label: String) throws -> (box: Rect, text: TextBox) {
        let style = try repoStyle("paper")
        let figure = Figure(width: .inches(3), height: .inches(2.4), axes: axes)
        let renderer = Renderer(style: style)
        let resolved = try ResolvedAxes(axes, style: style, path: "test")
        let box = try renderer.layout(figure, resolved: [resolved], page: renderer.pageSize(figure))[0].box
        let text = try XCTUnwrap(try figure.textBoxes(style: style).first { $0.text == label }, "no text box for \(label)")
        return (box, text)
    }

    /// The text box in axes fractions: (left, right, bottom, top), y up.
    private func fractions(_ t: TextBox, in box: Rect) -> (left: Double, right: Double, bottom: Double, top: Double) {
        ((t.x - box.minX) / box.width, (t.x + t.width - box.minX) / box.width,
         (box.maxY - t.y - t.height) / box.height, (box.maxY - t.y) / box.height)
    }

    func testLegendGoesToTheOnlyEmptyCorner() throws {
        // Horizontal lines fill the top 40 % across the whole width, vertical lines the bottom
        // right; only the bottom-left quadrant (x < 0.55, y < 0.55) is empty.
        var axes = bareAxes()
        for k in 0..<8 {
            let v = 0.6 + 0.05 * Double(k)
            axes.add(Line(x: [0, 1], y: [v, v], color: red, dash: .solid))
            axes.add(Line(x: [v, v], y: [0, 0.6], color: red, dash: .solid))
        }
        axes.artists[0] = .line(Line(x: [0, 1], y: [0.6, 0.6], label: "series", color: red, dash: .solid))
        axes.legend = Legend(.best)
        let (box, text) = try place(axes, label: "series")
        let f = fractions(text, in: box)
        XCTAssertLessThan(f.right, 0.55, "legend text \(f) should be left of the vertical lines")
        XCTAssertLessThan(f.top, 0.55, "legend text \(f) should be below the horizontal lines")
    }

    func testLegendAvoidsAShadedBand() throws {
        // One flat line along the bottom; the right half of the axes is shaded. Without the band
        // the first candidate (upper right) is empty; with it only the upper left is clear.
        var axes = bareAxes()
        axes.add(Span(ranges: [0.5...1], color: .color(Color(red: 0.7, green: 0.8, blue: 1))))
        axes.add(Line(x: [0, 1], y: [0.05, 0.05], label: "flat", color: red, dash: .solid))
        axes.legend = Legend(.best)
        let (box, text) = try place(axes, label: "flat")
        let f = fractions(text, in: box)
        XCTAssertLessThan(f.right, 0.5, "legend text \(f) lies on the shaded right half")
        XCTAssertGreaterThan(f.bottom, 0.5, "legend text \(f) should sit in the upper half, away from the line")
    }

    func testLegendAvoidsMarkersAndAnnotations() throws {
        // A 7 × 7 grid of markers fills the upper right corner (x, y ≥ 0.7), a text the upper
        // left; a line runs along the bottom: the legend goes to the middle, never over them.
        var axes = bareAxes()
        let xs: [Double] = (0..<49).map { k in 0.7 + 0.05 * Double(k % 7) }
        let ys: [Double] = (0..<49).map { k in 0.7 + 0.05 * Double(k / 7) }
        axes.add(Line(x: xs, y: ys, label: "dots", color: red, marker: Marker(.circle), showsLine: false))
        axes.add(Annotation("note text", x: 0.02, y: 0.97, coordinates: .axesFraction, anchor: .topLeft))
        axes.add(Line(x: [0, 1], y: [0.06, 0.06], color: red, dash: .solid))
        axes.legend = Legend(.best)
        let (box, text) = try place(axes, label: "dots")
        let f = fractions(text, in: box)
        XCTAssertLessThan(f.top, 0.75, "legend text \(f) covers the markers or the annotation")
        XCTAssertGreaterThan(f.bottom, 0.2, "legend text \(f) covers the bottom line")
    }

    func testBadnessOfABoxOnABandEqualsALineAcrossIt() {
        // A 40 × 10 pt box: a line across it puts 40 / 2 = 20 samples inside; a band covering
        // the box counts the same, half a band half of it.
        let box = Rect(x: 100, y: 100, width: 40, height: 10)
        var line = LegendObstacles()
        line.addSegment((90, 105), (150, 105))
        XCTAssertEqual(line.badness(box), 20, accuracy: 1)
        var band = LegendObstacles()
        band.bands = [Rect(x: 0, y: 0, width: 300, height: 300)]
        XCTAssertEqual(band.badness(box), 20, accuracy: 1e-9)
        band.bands = [Rect(x: 120, y: 0, width: 300, height: 300)]
        XCTAssertEqual(band.badness(box), 10, accuracy: 1e-9)
        XCTAssertEqual(band.badness(Rect(x: 0, y: 0, width: 40, height: 10)), 0)
    }
}
