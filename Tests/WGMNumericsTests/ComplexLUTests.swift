import XCTest
@testable import WGMNumerics

final class ComplexLUTests: XCTestCase {
    /// A deterministic, well-conditioned test matrix: diagonal 10 + small off-diagonal entries.
    static func testMatrix(_ n: Int) -> ComplexMatrix {
        ComplexMatrix(rows: n, columns: n) { i, j in
            i == j ? Complex(10 + Double(i % 3), 1) : Complex(sin(Double(3 * i + j)), cos(Double(i * j + 1))) * 0.5
        }
    }

    func testSolveReproducesRightHandSide() throws {
        let a = Self.testMatrix(40)
        let x = (0..<40).map { Complex(Double($0), -1) }
        let b = a.multiply(x)
        let solved = try ComplexLU(a).solve(b)
        // The exact solution is x by construction.
        for i in 0..<40 { XCTAssertEqual((solved[i] - x[i]).magnitude, 0, accuracy: 1e-12) }
        var buffer = b
        let lu = try ComplexLU(a)
        buffer.withUnsafeMutableBufferPointer { lu.solve(inPlace: $0) }
        for i in 0..<40 { XCTAssertEqual((buffer[i] - x[i]).magnitude, 0, accuracy: 1e-12) }
    }

    func testSingularMatrixThrows() {
        let a = try! ComplexMatrix(rows: 2, columns: 2, columnMajor: [.one, .one, .one, .one])
        XCTAssertThrowsError(try ComplexLU(a)) { error in
            guard case ComplexSolveError.singular = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try ComplexLU(ComplexMatrix(rows: 2, columns: 3)))
    }
}
