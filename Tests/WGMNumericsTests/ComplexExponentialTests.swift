import XCTest
@testable import WGMNumerics

final class ComplexExponentialTests: XCTestCase {
    func testNilpotentAndRotation() throws {
        // exp([[0, 1], [0, 0]]) = [[1, 1], [0, 1]] exactly (the series stops).
        let n = try ComplexMatrix(rows: 2, columns: 2, columnMajor: [.zero, .zero, .one, .zero])
        let e = try n.exponential()
        XCTAssertEqual(e[0, 1].re, 1, accuracy: 1e-15); XCTAssertEqual(e[0, 0].re, 1, accuracy: 1e-15)
        XCTAssertEqual(e[1, 0].magnitude, 0, accuracy: 1e-15)
        // exp(iθσx) = cos θ·I + i sin θ·σx; θ = 7 needs scaling and squaring (‖A‖₁ = 7 > θ13).
        let theta = 7.0
        let a = try ComplexMatrix(rows: 2, columns: 2, columnMajor: [.zero, Complex(0, theta), Complex(0, theta), .zero])
        let r = try a.exponential()
        XCTAssertEqual(r[0, 0].re, cos(theta), accuracy: 1e-13); XCTAssertEqual(r[0, 0].im, 0, accuracy: 1e-13)
        XCTAssertEqual(r[1, 0].im, sin(theta), accuracy: 1e-13); XCTAssertEqual(r[1, 0].re, 0, accuracy: 1e-13)
    }

    func testDiagonalWithLargeNorm() throws {
        // exp(diag(−40, 3 + 25i)) = diag(e^−40, e^3·e^{25i}).
        let a = ComplexMatrix(rows: 2, columns: 2) { i, j in i != j ? .zero : (i == 0 ? Complex(-40) : Complex(3, 25)) }
        let e = try a.exponential()
        XCTAssertEqual(e[0, 0].re / exp(-40), 1, accuracy: 1e-12)
        let expected = Complex.polar(exp(3), 25)
        XCTAssertEqual((e[1, 1] - expected).magnitude / expected.magnitude, 0, accuracy: 1e-12)
    }
}
