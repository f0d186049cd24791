@testable import Plot
import XCTest

final class MarchingSquaresTests: XCTestCase {
    /// f = x² + y² on [−2, 2]², step h = 0.05.
    private func circleField(nanCell: (Int, Int)? = nil) -> (x: [Double], y: [Double], values: [Double], h: Double) {
        let n = 81, h = 4.0 / Double(n - 1)
        let x = (0..<n).map { -2 + Double($0) * h }
        var values = [Double]()
        for yv in x { for xv in x { values.append(xv * xv + yv * yv) } }
        if let (i, j) = nanCell { values[j * n + i] = .nan }
        return (x, x, values, h)
    }

    func testUnitCircleContourOfRSquared() throws {
        let field = circleField()
        let lines = MarchingSquares.contour(x: field.x, y: field.y, values: field.values, level: 1)
        XCTAssertEqual(lines.count, 1, "one closed loop")
        let loop = try XCTUnwrap(lines.first)
        XCTAssertEqual(loop.first, loop.last, "closed")
        XCTAssertGreaterThan(loop.count, 100)
        // Linear interpolation of the convex f = r² along an edge overestimates f by at most h²/4,
        // so a crossing lies inside the circle with 0 ≤ 1 − r² ≤ h²/4, i.e. 0 ≤ 1 − r ≤ h²/8 (to first order).
        let bound = field.h * field.h / 8 + 1e-12
        for p in loop {
            let r = (p.x * p.x + p.y * p.y).squareRoot()
            XCTAssertLessThanOrEqual(1 - r, bound * 1.01)
            XCTAssertGreaterThanOrEqual(1 - r, -1e-12)
        }
    }

    func testNaNCellsAreSkipped() throws {
        // Grid node (60, 40) is x = 1.0, y = 0.0: on the circle; its four cells are skipped.
        let field = circleField(nanCell: (60, 40))
        let lines = MarchingSquares.contour(x: field.x, y: field.y, values: field.values, level: 1)
        XCTAssertEqual(lines.count, 1, "the loop opens into one polyline")
        let line = try XCTUnwrap(lines.first)
        XCTAssertNotEqual(line.first, line.last)
        for p in line {
            let insideSkippedCells = abs(p.x - 1) < field.h - 1e-9 && abs(p.y) < field.h - 1e-9
            XCTAssertFalse(insideSkippedCells, "vertex \(p) inside a NaN cell")
        }
    }

    func testSaddleAndFlatFields() {
        // Constant field: no contour. Saddle f = x·y at level 0 on a 2 × 2 grid resolves to two segments.
        XCTAssertTrue(MarchingSquares.contour(x: [0, 1], y: [0, 1], values: [1, 1, 1, 1], level: 0.5).isEmpty)
        let saddle = MarchingSquares.contour(x: [-1, 1], y: [-1, 1], values: [1, -1, -1, 1], level: 0.5)
        XCTAssertEqual(saddle.count, 2)
    }

    /// f = y · cos(πx) on [0, 2] × [0, 1]: the bottom row y = 0 equals the level 0 everywhere.
    private func edgeField() -> (x: [Double], y: [Double], values: [Double]) {
        let x = (0..<41).map { Double($0) / 20 }, y = (0..<21).map { Double($0) / 20 }
        var values: [Double] = []
        for yv in y { for xv in x { values.append(yv * cos(.pi * xv)) } }
        return (x, y, values)
    }

    /// Segments (consecutive vertices) with both ends on y = 0.
    private func bottomSegments(_ lines: [[Point]]) -> Int {
        lines.reduce(0) { count, line in count + zip(line, line.dropFirst()).filter { $0.y == 0 && $1.y == 0 }.count }
    }

    func testALevelEqualToAWholeBoundaryRowIsNotTracedAlongIt() throws {
        let f = edgeField()
        // Traced naively, the zero level runs along y = 0 under the negative lobe x ∈ (0.5, 1.5).
        let naive = MarchingSquares.contour(x: f.x, y: f.y, values: f.values, level: 0, skipsDegenerateEdges: false)
        XCTAssertGreaterThan(bottomSegments(naive), 10)
        // Skipping the degenerate edge leaves the true zero set inside: the lines x = 0.5 and x = 1.5.
        let lines = MarchingSquares.contour(x: f.x, y: f.y, values: f.values, level: 0)
        XCTAssertEqual(bottomSegments(lines), 0)
        XCTAssertEqual(lines.count, 2)
        for line in lines {
            let x0 = try XCTUnwrap(line.first).x
            XCTAssertTrue(abs(x0 - 0.5) < 1e-12 || abs(x0 - 1.5) < 1e-12, "line at x = \(x0)")
            XCTAssertTrue(line.allSatisfy { abs($0.x - x0) < 1e-12 }, "the zero set of cos(πx) is vertical")
            XCTAssertEqual(line.map(\.y).max() ?? 0, 1, accuracy: 1e-12)
        }
    }

    func testABoundaryRowThatOnlyTouchesTheLevelKeepsItsCrossings() {
        // f = y + (x − 1)² − 0.01 crosses 0 in the bottom row near x = 0.9 and 1.1 only: not
        // degenerate, the arc through the bottom row stays as traced.
        let x = (0..<41).map { Double($0) / 20 }, y = (0..<21).map { Double($0) / 20 }
        var values: [Double] = []
        for yv in y { for xv in x { values.append(yv + (xv - 1) * (xv - 1) - 0.01) } }
        XCTAssertTrue(MarchingSquares.degenerateEdges(nx: x.count, ny: y.count, values: values, level: 0).isEmpty)
        let skipped = MarchingSquares.contour(x: x, y: y, values: values, level: 0)
        let naive = MarchingSquares.contour(x: x, y: y, values: values, level: 0, skipsDegenerateEdges: false)
        XCTAssertEqual(skipped, naive)
        XCTAssertFalse(skipped.isEmpty)
    }
}
