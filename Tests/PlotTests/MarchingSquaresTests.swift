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
}
