import XCTest
@testable import WGMNumerics

final class ComplexMatrixTests: XCTestCase {
    func testComplexHasLapackLayout() {
        // LAPACK's complex double is two doubles (re, im); the bridge relies on it.
        XCTAssertTrue(complexLayoutIsLapackCompatible)
    }

    func testProductAndAdjointMatchHandValues() throws {
        // [[1, i], [2, 0]] · [[0, 1], [1, i]] = [[i, 1 − 1], [0, 2]] = [[i, 0], [0, 2]] by hand.
        let a = try ComplexMatrix(rows: 2, columns: 2, columnMajor: [Complex(1), Complex(2), Complex(0, 1), .zero])
        let b = try ComplexMatrix(rows: 2, columns: 2, columnMajor: [.zero, .one, .one, Complex(0, 1)])
        let c = a * b
        XCTAssertEqual(c[0, 0], Complex(0, 1)); XCTAssertEqual(c[0, 1], Complex(0, 0))
        XCTAssertEqual(c[1, 0], Complex(0)); XCTAssertEqual(c[1, 1], Complex(2))
        XCTAssertEqual(a.adjoint[1, 0], Complex(0, -1))
        XCTAssertEqual(a.multiply([.one, .one]), [Complex(1, 1), Complex(2)])
        XCTAssertThrowsError(try ComplexMatrix(rows: 2, columns: 2, columnMajor: [.one]))
    }

    func testHermitianEigenOfTwoByTwo() throws {
        // [[2, i], [−i, 2]] has eigenvalues 2 ∓ 1 (trace 4, determinant 3), by hand.
        let h = try ComplexMatrix(rows: 2, columns: 2, columnMajor: [Complex(2), Complex(0, -1), Complex(0, 1), Complex(2)])
        let (w, v) = try h.hermitianEigen()
        XCTAssertEqual(w[0], 1, accuracy: 1e-14); XCTAssertEqual(w[1], 3, accuracy: 1e-14)
        // Reconstruct: V diag(w) V† = H.
        let d = ComplexMatrix(rows: 2, columns: 2) { i, j in i == j ? Complex(w[i]) : .zero }
        let back = v * d * v.adjoint
        for k in 0..<4 { XCTAssertEqual((back.elements[k] - h.elements[k]).magnitude, 0, accuracy: 1e-14) }
        XCTAssertEqual(try h.hermitianEigenvalues(), w)
        XCTAssertThrowsError(try ComplexMatrix(rows: 1, columns: 2).hermitianEigen())
    }
}
