import Foundation
@testable import Plot
import XCTest

/// What keeps text in its place when a slide style enlarges the fonts more than the panels
/// (issue 11): annotations kept inside their axes, legends wrapped to the box, long axis labels
/// shortened to the box, schematic labels capped in data units, panel letters above a log
/// axis' top tick label.
final class SlideFitTests: XCTestCase {
    /// A `width` × 1.5 in panel with the given artists and y axis.
    private func panel(_ artists: [Artist], y: Axis = Axis(limits: 0...1), legend: Legend? = nil, width: Double = 2) -> Figure {
        var axes = Axes(x: Axis(limits: 0...1), y: y, artists: artists, legend: legend)
        axes.panelLabel = "(a)"
        return Figure(width: .inches(width), height: .inches(1.5), axes: axes)
    }

    private func box(_ boxes: [TextBox], _ text: String) throws -> TextBox {
        try XCTUnwrap(boxes.first { $0.text == text }, "no text '\(text)'")
    }

    func testAnAnnotationRunningPastTheRightEdgeIsMovedInside() throws {
        let style = try repoStyle("slides")
        let label = Annotation("a long annotation", x: 0.8, y: 0.5, anchor: .left)
        let figure = panel([.annotation(label)], width: 4)
        let b = try box(try figure.textBoxes(style: style), "a long annotation")
        let clip = try XCTUnwrap(b.clippedTo, "drawn inside the clipped axes box")
        XCTAssertLessThanOrEqual(b.x + b.width, clip.x + clip.width + 0.01, "inside the box's right edge")
        XCTAssertGreaterThan(b.x + b.width, clip.x + clip.width - 1, "moved only as far as needed")
        // Anchored outside the box it stays where it was asked for.
        let outside = Annotation("a long annotation", x: 1.2, y: 0.5, anchor: .left)
        let o = try box(try panel([.annotation(outside)], width: 4).textBoxes(style: style), "a long annotation")
        XCTAssertGreaterThan(o.x, clip.x + clip.width)
    }

    func testAOneRowLegendWiderThanTheBoxWraps() throws {
        let style = try repoStyle("slides")
        let lines: [Artist] = ["first series", "second series", "third series"].enumerated().map {
            .line(Line(x: [0, 1], y: [0.1 * Double($0.offset), 0.1 * Double($0.offset)], label: $0.element))
        }
        let figure = panel(lines, legend: Legend(.upperCenter, columns: 3), width: 4)
        let boxes = try figure.textBoxes(style: style)
        let first = try box(boxes, "first series"), third = try box(boxes, "third series")
        XCTAssertGreaterThan(third.y, first.y + first.height / 2, "wrapped: the third entry in a lower row")
        XCTAssertLessThanOrEqual(third.x + third.width, try figure.pageSize(style: style).width)
    }

    func testAYLabelLongerThanTheBoxIsShortenedToIt() throws {
        let style = try repoStyle("slides")
        let label = "a very long y axis label that cannot fit"
        let figure = panel([], y: Axis(label: label, limits: 0...1))
        let b = try box(try figure.textBoxes(style: style), label)
        let frame = try box(try figure.textBoxes(style: style), "(a)")
        // Rotated: the label's height on the page is its length; the box is 1.5 in minus margins.
        XCTAssertLessThan(b.height, 1.5 * 72 - frame.height)
        let full = Renderer(style: style).text.measure(label, size: style.axisLabelSize).inkWidth
        XCTAssertGreaterThan(full, b.height + 10, "it was longer than the box at the style's size")
    }

    func testSchematicLabelsAreCappedInDataUnits() throws {
        let style = try repoStyle("slides")
        var axes = Axes(x: Axis(limits: 0...10), y: Axis(limits: 0...10))
        axes.annotationMaxSizeInXUnits = 0.2
        axes.add(Annotation("label", x: 5, y: 5))
        let figure = Figure(width: .inches(2), height: .inches(2), axes: axes)
        let b = try box(try figure.textBoxes(style: style), "label")
        var free = axes
        free.annotationMaxSizeInXUnits = nil
        let f = try box(try Figure(width: .inches(2), height: .inches(2), axes: free).textBoxes(style: style), "label")
        // About 1/7 of the 16 pt label's ink: 0.2 units of a ~10-unit box ~2 in wide is ~3 pt.
        XCTAssertLessThan(b.width, f.width * 0.4)
    }

    func testThePanelLetterClearsALogAxisTopTickLabel() throws {
        let style = try repoStyle("slides")
        let figure = panel([.line(Line(x: [0, 1], y: [0.01, 10]))], y: Axis(scale: .log, limits: 1e-2...1e1))
        let boxes = try figure.textBoxes(style: style)
        let letter = try box(boxes, "(a)")
        let top = try XCTUnwrap(boxes.filter { $0.text.hasPrefix("10") }.min { $0.y < $1.y })
        let o = letter.overlap(with: top)
        XCTAssertFalse(o.x > 0.5 && o.y > 0.5, "'(a)' overlaps '\(top.text)' by \(o)")
    }
}
