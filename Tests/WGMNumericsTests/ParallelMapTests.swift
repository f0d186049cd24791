import XCTest
@testable import WGMNumerics

final class ParallelMapTests: XCTestCase {
    func testResultIsInIndexOrderForAnyThreadCount() {
        let f: @Sendable (Int) -> Double = { i in sin(Double(i)) * Double(i) }
        let serial = (0..<1000).map(f)
        for t in [1, 2, 3, 7] {
            XCTAssertEqual(Parallel.map(count: 1000, threads: t, f), serial, "threads = \(t)")
        }
        XCTAssertEqual(Parallel.map(count: 0, { $0 }), [])
    }

    func testComplexArithmeticMatchesHandValues() {
        let a = Complex(1, 2), b = Complex(3, -1)
        XCTAssertEqual(a * b, Complex(5, 5))                   // (1+2i)(3−i) = 5 + 5i
        let q = a / b                                          // (1+2i)/(3−i) = (1+7i)/10
        XCTAssertEqual(q.re, 0.1, accuracy: 1e-15); XCTAssertEqual(q.im, 0.7, accuracy: 1e-15)
        let r = Complex(-4, 0).squareRoot                      // √(−4) = 2i
        XCTAssertEqual(r.re, 0, accuracy: 1e-15); XCTAssertEqual(r.im, 2, accuracy: 1e-15)
    }
}

final class ProcessMemoryTests: XCTestCase {
    /// glibc accepts both settings (mallopt returns 1); a rejected value would be a silent no-op.
    func testGlibcAcceptsTheMallocSettings() {
        #if canImport(Glibc)
        XCTAssertTrue(ProcessMemory.retainFreedBlocks())
        #else
        XCTAssertFalse(ProcessMemory.retainFreedBlocks(), "without glibc the call is documented to do nothing")
        #endif
    }
}
