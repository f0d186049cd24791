@testable import Plot
import XCTest

/// The primitive artists (circles, arcs, arrows) of schematic panels, read back from pixels.
final class ShapeTests: XCTestCase {
    private let red = Color(red: 1, green: 0, blue: 0)

    private func pixels(of color: Color, in image: RasterImage) -> [(x: Int, y: Int)] {
        var result: [(Int, Int)] = []
        for y in 0..<image.height {
            for x in 0..<image.width {
                let c = image.color(x: x, y: y)
                if abs(c.red - color.red) < 0.02, abs(c.green - color.green) < 0.02, abs(c.blue - color.blue) < 0.02 { result.append((x, y)) }
            }
        }
        return result.map { (x: $0.0, y: $0.1) }
    }

    private func frameless(_ x: ClosedRange<Double>, _ y: ClosedRange<Double>) -> Axes {
        var axes = Axes(x: Axis(limits: x, ticks: .none, minorTicks: .none), y: Axis(limits: y, ticks: .none, minorTicks: .none))
        axes.showsFrame = false
        axes.equalAspect = true
        return axes
    }

    func testACircleInEqualAspectAxesIsRoundOnAWidePage() throws {
        // A 3 × 1.5 in page with data limits 0…1 on both axes: without equal aspect the circle
        // would be twice as wide as tall; with it, its filled extent is the same along x and y.
        var axes = frameless(0...1, 0...1)
        axes.add(Shape(.circle(x: 0.5, y: 0.5, radius: 0.4), fill: .color(red), stroke: nil))
        let image = try Figure(width: .inches(3), height: .inches(1.5), axes: axes).rasterize(style: try repoStyle("paper"), dpi: 100)
        let filled = pixels(of: red, in: image)
        let width = Double(filled.map(\.x).max()! - filled.map(\.x).min()! + 1)
        let height = Double(filled.map(\.y).max()! - filled.map(\.y).min()! + 1)
        XCTAssertGreaterThan(height, 60)
        XCTAssertEqual(width, height, accuracy: 2)
        // Area of a disc, π r², within 2 % (r = half the extent).
        XCTAssertEqual(Double(filled.count), Double.pi * pow(height / 2, 2), accuracy: 0.02 * Double(filled.count))
    }

    func testAnArrowHeadSitsAtTheEndAndPointsAlongTheShaft() throws {
        // A horizontal arrow from x = 0.1 to 0.9: the head (wider than the shaft) is at the right end.
        var axes = frameless(0...1, 0...1)
        axes.add(Shape.arrow(from: 0.1, 0.5, to: 0.9, 0.5, color: .color(red)))
        let figure = Figure(width: .inches(2), height: .inches(2), axes: axes)
        let image = try figure.rasterize(style: try repoStyle("paper"), dpi: 200)
        let drawn = pixels(of: red, in: image)
        let columns = Dictionary(grouping: drawn, by: \.x).mapValues(\.count)
        let minX = columns.keys.min()!, maxX = columns.keys.max()!
        let thickest = columns.max { $0.value < $1.value }!.key
        XCTAssertGreaterThan(Double(thickest - minX), 0.75 * Double(maxX - minX), "head at the end")
        XCTAssertGreaterThanOrEqual(columns[thickest]!, 2 * columns[minX + 5]!, "head wider than the shaft")
    }

    func testAnArcRunsBetweenItsAnglesOnly() throws {
        // The upper half circle (0 → π): nothing drawn below the centre.
        var axes = frameless(-1...1, -1...1)
        axes.add(Shape(.arc(x: 0, y: 0, radius: 0.8, from: 0, to: .pi), stroke: .color(red), width: 2))
        let image = try Figure(width: .inches(2), height: .inches(2), axes: axes).rasterize(style: try repoStyle("paper"), dpi: 100)
        let drawn = pixels(of: red, in: image)
        XCTAssertGreaterThan(drawn.count, 100)
        let centreRow = Double(image.height) / 2
        XCTAssertTrue(drawn.allSatisfy { Double($0.y) <= centreRow + 2 }, "arc below its centre")
    }
}
