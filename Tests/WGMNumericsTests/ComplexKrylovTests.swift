import XCTest
@testable import WGMNumerics

final class ComplexKrylovTests: XCTestCase {
    func testMatchesDenseExponentialAtSeveralTimes() throws {
        let n = 80
        // A dissipative, non-normal test generator: −(1 + i·j/10) on the diagonal, couplings above/below.
        let a = ComplexMatrix(rows: n, columns: n) { i, j in
            if i == j { return Complex(-1 - 0.05 * Double(i % 7), Double(j) / 10) }
            if j == i + 1 { return Complex(0.7, 0.2) }
            if i == j + 1 { return Complex(-0.3, 0.5) }
            return .zero
        }
        let v = (0..<n).map { Complex(1 / Double($0 + 1), 0.1) }
        let apply: ComplexLinearMap = { x, y in
            for i in 0..<n {
                var s = a[i, i] * x[i]
                if i + 1 < n { s += a[i, i + 1] * x[i + 1] }
                if i > 0 { s += a[i, i - 1] * x[i - 1] }
                y[i] = s
            }
        }
        let times = [3.0, 0.0, 0.5, 7.25]
        var got = [[Complex]](repeating: [], count: times.count)
        try KrylovExponential(krylovDimension: 20, tolerance: 1e-12)
            .propagate(order: n, vector: v, times: times, normEstimate: a.oneNorm, apply: apply) { k, w in got[k] = w }
        let vnorm = v.reduce(0) { $0 + $1.normSquared }.squareRoot()
        for (k, t) in times.enumerated() {
            let exact = try (t * a).exponential().multiply(v)     // the reference: dense Padé exponential
            let err = zip(exact, got[k]).reduce(0) { $0 + ($1.0 - $1.1).normSquared }.squareRoot()
            XCTAssertLessThan(err / vnorm, 1e-10, "t = \(t)")
        }
    }
}
