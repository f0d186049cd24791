import XCTest
@testable import WGMNumerics

final class ComplexGMRESTests: XCTestCase {
    func testMatchesDirectSolveWithAndWithoutPreconditioner() throws {
        let n = 120
        let a = ComplexLUTests.testMatrix(n)
        let b = (0..<n).map { Complex(cos(Double($0)), 1) }
        let exact = try ComplexLU(a).solve(b)           // the independent reference: dense LU
        let apply: ComplexLinearMap = { x, y in
            for i in 0..<n { var s = Complex.zero; for j in 0..<n { s += a[i, j] * x[j] }; y[i] = s }
        }
        let jacobi: ComplexLinearMap = { x, y in for i in 0..<n { y[i] = x[i] / a[i, i] } }
        let plain = try GMRES.solve(order: n, rightHandSide: b, relativeTolerance: 1e-12, apply: apply)
        let pre = try GMRES.solve(order: n, rightHandSide: b, relativeTolerance: 1e-12, apply: apply, precondition: jacobi)
        for r in [plain, pre] {
            XCTAssertLessThanOrEqual(r.relativeResidual, 1e-12)
            for i in 0..<n { XCTAssertEqual((r.solution[i] - exact[i]).magnitude, 0, accuracy: 1e-10) }
        }
        // Restarts must still converge.
        let restarted = try GMRES.solve(order: n, rightHandSide: b, relativeTolerance: 1e-12, restart: 5, apply: apply)
        XCTAssertLessThanOrEqual(restarted.relativeResidual, 1e-12)
    }

    func testReportsNonConvergence() {
        let n = 50
        let apply: ComplexLinearMap = { x, y in for i in 0..<n { y[i] = Complex(Double(i + 1)) * x[(i + 1) % n] } }
        XCTAssertThrowsError(try GMRES.solve(order: n, rightHandSide: [Complex](repeating: .one, count: n),
                                             relativeTolerance: 1e-14, restart: 3, maxIterations: 6, apply: apply)) { e in
            guard case ComplexSolveError.notConverged = e else { return XCTFail("\(e)") }
        }
    }

    /// Real coefficients (ℂⁿ as ℝ²ⁿ) solve a general complex system too, to the same residual and
    /// the dense LU's solution; without `verifyResidual` the returned residual is the Arnoldi
    /// estimate, and the true residual b − A·x is within a small factor of it.
    func testRealScalarsSolveAGeneralComplexSystem() throws {
        let n = 120
        let a = ComplexLUTests.testMatrix(n)
        let b = (0..<n).map { Complex(cos(Double($0)), sin(0.3 * Double($0))) }
        let exact = try ComplexLU(a).solve(b)           // the independent reference: dense LU
        let apply: ComplexLinearMap = { x, y in
            for i in 0..<n { var s = Complex.zero; for j in 0..<n { s += a[i, j] * x[j] }; y[i] = s }
        }
        let jacobi: ComplexLinearMap = { x, y in for i in 0..<n { y[i] = x[i] / a[i, i] } }
        for verify in [true, false] {
            let r = try GMRES.solve(order: n, rightHandSide: b, relativeTolerance: 1e-12, scalars: .real,
                                    verifyResidual: verify, apply: apply, precondition: jacobi)
            XCTAssertLessThanOrEqual(r.relativeResidual, 1e-12)
            var ax = [Complex](repeating: .zero, count: n)
            r.solution.withUnsafeBufferPointer { p in ax.withUnsafeMutableBufferPointer { apply(p, $0) } }
            let trueResidual = zip(b, ax).map { ($0 - $1).normSquared }.reduce(0, +).squareRoot()
                / b.map(\.normSquared).reduce(0, +).squareRoot()
            XCTAssertLessThanOrEqual(trueResidual, 1e-11, "verifyResidual \(verify)")
            for i in 0..<n { XCTAssertEqual((r.solution[i] - exact[i]).magnitude, 0, accuracy: 1e-10) }
        }
    }
}
