import Foundation
import XCTest
@testable import WGMNumerics

/// Brent and grid-then-Brent extrema; expected locations are analytic.
final class RealMinimizeTests: XCTestCase {
    func testBrentFindsParabolaAndCosineMinima() {
        let p = Brent.minimize(lower: 0, upper: 5) { ($0 - 2) * ($0 - 2) + 1 }   // min 1 at x = 2
        XCTAssertEqual(p.location, 2, accuracy: 1e-7); XCTAssertEqual(p.value, 1, accuracy: 1e-14)
        let c = Brent.minimize(lower: 2, upper: 4) { cos($0) }                   // min −1 at π
        XCTAssertEqual(c.location, Double.pi, accuracy: 1e-7)
    }

    func testGridThenBrentPicksGlobalOptimumOfMultimodalFunction() {
        // sin(x) + 0.1x on [0, 16]: the local maxima are at x = 2πk + acos(−0.1) (value growing
        // with k); the last, 4π + acos(−0.1) ≈ 14.2374 (value ≈ 2.42), beats the end point
        // x = 16 (value ≈ 1.31) and the earlier peaks.
        let grid = Minimize.uniformGrid(lower: 0, upper: 16, count: 81)
        let m = Minimize.maximum(grid: grid, bounds: 0...16) { sin($0) + 0.1 * $0 }!
        XCTAssertEqual(m.location, 4 * Double.pi + acos(-0.1), accuracy: 1e-6)
    }

    func testUndefinedPointsAreIgnored() {
        // −(x − 3)² is largest at 3, but it is undefined on [2.5, 3.5]; the best defined value is
        // at the edges of the hole, 2.5 or 3.5 (value −0.25).
        let grid = Minimize.uniformGrid(lower: 0, upper: 6, count: 61)
        let m = Minimize.maximum(grid: grid, bounds: 0...6) { x in (2.5...3.5).contains(x) ? nil : -(x - 3) * (x - 3) }!
        XCTAssertEqual(m.value, -0.25, accuracy: 0.011)   // within a grid step of the edge
        XCTAssertFalse((2.5...3.5).contains(m.location))
        XCTAssertNil(Minimize.minimum(grid: grid, bounds: 0...6) { _ in nil })
    }

    func testOpenGridExcludesLowerEnd() {
        let g = Minimize.uniformGrid(lower: 0, upper: 8, count: 4, openLower: true)
        XCTAssertEqual(g, [2, 4, 6, 8])
        XCTAssertEqual(Minimize.uniformGrid(lower: -1, upper: 1, count: 3), [-1, 0, 1])
    }
}
