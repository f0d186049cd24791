import XCTest
@testable import WGMNumerics

final class ComplexSparseTests: XCTestCase {
    func testTripletsSumDuplicatesAndMultiplyLikeDense() throws {
        let s = try SparseComplexMatrix(rows: 3, columns: 3, triplets: [
            (0, 0, Complex(1)), (2, 1, Complex(0, 2)), (0, 0, Complex(0, 1)), (1, 2, Complex(-3)), (2, 2, .zero),
        ])
        XCTAssertEqual(s.storedCount, 4)            // duplicates merged, explicit zero kept
        XCTAssertEqual(s.dense()[0, 0], Complex(1, 1))
        let x = [Complex(1), Complex(2, -1), Complex(0, 1)]
        // By hand: row0 = (1+i)·1; row1 = −3·i; row2 = 2i·(2 − i) + 0 = 2 + 4i.
        XCTAssertEqual(s.multiply(x), [Complex(1, 1), Complex(0, -3), Complex(2, 4)])
        XCTAssertEqual(s.multiply(x), s.dense().multiply(x))
        XCTAssertEqual(s.oneNorm, 3, accuracy: 1e-15)   // column 2: |−3| + 0
        XCTAssertEqual(s.absoluteMultiply(x)[2], 2 * 5.0.squareRoot(), accuracy: 1e-15)
        XCTAssertThrowsError(try SparseComplexMatrix(rows: 2, columns: 2, triplets: [(2, 0, .one)]))
    }
}
