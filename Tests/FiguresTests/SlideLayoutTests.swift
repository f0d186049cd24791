import Foundation
import XCTest
@testable import Figures
import Plot

/// Slide layouts (issue 11): in slide styles every whole figure fits its slide; no text leaves the page (paper).
final class SlideLayoutTests: XCTestCase {
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-slides-\(UUID().uuidString)")
    static let provider = DataProvider(cache: FigureCache(directory: directory.appendingPathComponent("cache")))
    override class func tearDown() { try? FileManager.default.removeItem(at: directory); super.tearDown() }

    private var ids: [String] { Catalog.ids }

    func testEverySlidePageFitsTheSlide() throws {
        let writer = FigureWriter(provider: Self.provider, quality: .draft)
        for name in ["slides", "slides-dark", "talk-4x3"] {
            let style = try Style.named(name)
            let limit = try XCTUnwrap(style.maxHeight) * 72
            for id in ids {
                for page in try writer.pages(try writer.assemble(id).figure, style: style) {
                    let size = try page.pageSize(style: style)
                    XCTAssertLessThanOrEqual(size.height, limit + 0.72, "\(name) \(id)")
                    XCTAssertLessThanOrEqual(size.width, style.doubleColumnWidth * 72 + 0.72, "\(name) \(id)")
                }
            }
        }
        // om-2 (3 × 2 in the paper, 15 in tall on a slide) reflows to 2 × 3 on one slide.
        let om2 = try writer.pages(try writer.assemble("om-2").figure, style: try Style.named("slides"))
        XCTAssertEqual(om2.count, 1)
        XCTAssertEqual([om2[0].rows, om2[0].columns], [2, 3])
    }

    /// Every text box of every page, in the journal and both slide styles: inside the page, not
    /// cut by its axes box and clear of every other text box (more than 0.5 pt both ways counts).
    func testNoTextLeavesThePageOrOverlapsAnotherText() throws {
        let writer = FigureWriter(provider: Self.provider, quality: .draft)
        // Every panel (29 data, 4 schematics) and whole figure (9): an empty catalogue checks nothing.
        XCTAssertEqual(ids.count, 42)
        var problems: [String] = []
        for name in ["paper", "slides", "slides-dark"] {
            let style = try Style.named(name)
            for id in ids {
                for (k, page) in try writer.pages(try writer.assemble(id).figure, style: style).enumerated() {
                    let where_ = "\(name) \(id) page \(k + 1)"
                    problems += try Self.layoutProblems(page, style: style).map { "\(where_): \($0)" }
                }
            }
        }
        XCTAssertTrue(problems.isEmpty, "\(problems.count) layout problems:\n" + problems.joined(separator: "\n"))
    }

    /// Text leaving the page or overlapping another text on `page` (empty: none), one line each.
    static func layoutProblems(_ page: Figure, style: Style) throws -> [String] {
        let size = try page.pageSize(style: style)
        let drawn = try page.textBoxes(style: style)
        let boxes = drawn.map(visible)
        guard !boxes.isEmpty else { return ["no text at all"] }
        var problems: [String] = []
        for (b, v) in zip(drawn, boxes) where v.width * v.height < 0.95 * b.width * b.height {
            problems.append("'\(b.text)' is cut by its axes box")
        }
        for b in boxes where !(b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= size.width + 0.5 && b.y + b.height <= size.height + 0.5) {
            problems.append("'\(b.text)' leaves the page")
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let o = boxes[i].overlap(with: boxes[j])
                if o.x > 0.5 && o.y > 0.5 { problems.append("'\(boxes[i].text)' overlaps '\(boxes[j].text)' by \(Int(o.x.rounded())) × \(Int(o.y.rounded())) pt") }
            }
        }
        return problems
    }

    /// The part of a box its clip lets through (an annotation cut by its axes box).
    static func visible(_ b: TextBox) -> TextBox {
        guard let c = b.clippedTo else { return b }
        var v = b
        v.x = max(b.x, c.x); v.y = max(b.y, c.y)
        v.width = max(0, min(b.x + b.width, c.x + c.width) - v.x); v.height = max(0, min(b.y + b.height, c.y + c.height) - v.y)
        return v
    }
}
