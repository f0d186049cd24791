import XCTest
@testable import WGMNumerics

/// Real dense linear algebra: every expected value is a hand computation or an independent
/// method (LAPACK eigenvalues vs Routh–Hurwitz, Bartels–Stewart vs direct Lyapunov solve).
final class RealLinearAlgebraTests: XCTestCase {
    /// A small deterministic generator for random test matrices (LCG, Knuth MMIX constants).
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1p-53 * 2 - 1
        }
    }

    func randomMatrix(_ n: Int, _ rng: inout LCG, shift: Double = 0) -> RealMatrix {
        var m = RealMatrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { m[i, j] = rng.next() } }
        for i in 0..<n { m[i, i] += shift }
        return m
    }

    func testProductTransposeAndNorm() {
        let a = RealMatrix([[1, 2], [3, 4]]), b = RealMatrix([[0, 1], [1, 0]])
        XCTAssertEqual(a * b, RealMatrix([[2, 1], [4, 3]]))          // columns swapped, by hand
        XCTAssertEqual(a.transposed, RealMatrix([[1, 3], [2, 4]]))
        XCTAssertEqual(a.frobeniusNorm, 30.0.squareRoot(), accuracy: 1e-15)  // √(1+4+9+16)
        XCTAssertEqual(RealMatrix(rows: 2, columns: 2, rowMajor: a.rowMajorElements), a)
    }

    func testEigenvaluesOfHandMatrices() throws {
        // [[0, 1], [−2, −3]]: λ² + 3λ + 2 = 0 → −1, −2.
        let e = try RealMatrix([[0, 1], [-2, -3]]).eigenvalues().map(\.re).sorted()
        XCTAssertEqual(e[0], -2, accuracy: 1e-14); XCTAssertEqual(e[1], -1, accuracy: 1e-14)
        // Rotation generator [[0, −1], [1, 0]]: ±i.
        let r = try RealMatrix([[0, -1], [1, 0]]).eigenvalues()
        XCTAssertEqual(r.map(\.im).sorted(), [-1, 1])
        XCTAssertThrowsError(try RealMatrix([[.nan]]).eigenvalues())
    }

    func testLUSolvesHandSystem() {
        // 2x + y = 3, x + 3y = 5 → x = 4/5, y = 7/5 (Cramer's rule).
        var a: [Double] = [2, 1, 1, 3], b: [Double] = [3, 5], pivots = [0, 0]
        let ok = a.withUnsafeMutableBufferPointer { ap in
            pivots.withUnsafeMutableBufferPointer { pp in
                b.withUnsafeMutableBufferPointer { bp -> Bool in
                    guard RealLU.factor(order: 2, ap.baseAddress!, pivots: pp.baseAddress!) else { return false }
                    RealLU.solve(order: 2, ap.baseAddress!, pivots: pp.baseAddress!, bp.baseAddress!)
                    return true
                }
            }
        }
        XCTAssertTrue(ok)
        XCTAssertEqual(b[0], 0.8, accuracy: 1e-15); XCTAssertEqual(b[1], 1.4, accuracy: 1e-15)
        var singular: [Double] = [1, 2, 2, 4]
        let singularOK = singular.withUnsafeMutableBufferPointer { ap in
            pivots.withUnsafeMutableBufferPointer { RealLU.factor(order: 2, ap.baseAddress!, pivots: $0.baseAddress!) }
        }
        XCTAssertFalse(singularOK)
    }

    func testCholeskyPositiveDefiniteness() {
        XCTAssertTrue(RealCholesky.isPositiveDefinite(RealMatrix([[2, 1], [1, 2]])))    // eigenvalues 1, 3
        XCTAssertFalse(RealCholesky.isPositiveDefinite(RealMatrix([[1, 2], [2, 1]])))   // eigenvalues −1, 3
        XCTAssertFalse(RealCholesky.isPositiveDefinite(RealMatrix([[1, 0], [0, 0]])))   // semidefinite
    }

    func testCharacteristicPolynomialByHand() {
        // diag(−1, −2, −3): (λ+1)(λ+2)(λ+3) = λ³ + 6λ² + 11λ + 6.
        XCTAssertEqual(RouthHurwitz.characteristicPolynomial(.diagonal([-1, -2, -3])), [1, 6, 11, 6])
        XCTAssertTrue(RouthHurwitz.isHurwitz(.diagonal([-1, -2, -3])))
        XCTAssertFalse(RouthHurwitz.isHurwitz(.diagonal([-1, 0.1, -3])))
        XCTAssertFalse(RouthHurwitz.isHurwitz(RealMatrix([[0, -1], [1, 0]])))           // ±i: marginal
    }

    func testRouthHurwitzAgreesWithEigenvalues() throws {
        var rng = LCG(state: 7)
        var stableCount = 0, decided = 0
        for trial in 0..<400 {
            let n = 2 + trial % 6
            let a = randomMatrix(n, &rng, shift: -0.9 * rng.next().magnitude - 0.3)
            let maxReal = try a.eigenvalues().map(\.re).max()!
            if abs(maxReal) < 1e-9 { continue }   // too close to the boundary to call
            decided += 1
            XCTAssertEqual(RouthHurwitz.isHurwitz(a), maxReal < 0, "trial \(trial): max Re λ = \(maxReal)")
            if maxReal < 0 { stableCount += 1 }
        }
        XCTAssertGreaterThan(stableCount, 40); XCTAssertLessThan(stableCount, decided - 40)
    }

    func testScalarLyapunovByHand() throws {
        // a x + x a = −q → x = −q/(2a): a = −2, q = 3 → x = 0.75.
        let x = try Lyapunov.solveDirect(RealMatrix([[-2]]), RealMatrix([[3]]))
        XCTAssertEqual(x[0, 0], 0.75, accuracy: 1e-15)
        let y = try Lyapunov.solveBartelsStewart(RealMatrix([[-2]]), RealMatrix([[3]]))
        XCTAssertEqual(y[0, 0], 0.75, accuracy: 1e-15)
    }

    func testDampedOscillatorLyapunovByHand() throws {
        // ẋ = p, ṗ = −x − γp with noise D = diag(0, 2γ(n+½)·…): for D = diag(0, d) the stationary
        // covariance is diag(d/(2γ), d/(2γ)) (equipartition), off-diagonal 0.
        let gamma = 0.01, d = 8.3
        let a = RealMatrix([[0, 1], [-1, -gamma]]), q = RealMatrix.diagonal([0, d])
        for x in [try Lyapunov.solveDirect(a, q), try Lyapunov.solveBartelsStewart(a, q)] {
            XCTAssertEqual(x[0, 0], d / (2 * gamma), accuracy: 1e-9 * d / gamma)
            XCTAssertEqual(x[1, 1], d / (2 * gamma), accuracy: 1e-9 * d / gamma)
            XCTAssertEqual(x[0, 1], 0, accuracy: 1e-9 * d / gamma)
        }
    }

    func testDirectAndBartelsStewartAgreeOnRandomStableMatrices() throws {
        var rng = LCG(state: 42)
        for trial in 0..<60 {
            let n = 1 + trial % 7
            var a = randomMatrix(n, &rng)
            // Make A stable: shift by more than its largest real eigenvalue.
            let maxReal = try a.eigenvalues().map(\.re).max()!
            for i in 0..<n { a[i, i] -= maxReal + 0.2 }
            let b = randomMatrix(n, &rng)
            let q = b * b.transposed
            let direct = try Lyapunov.solveDirect(a, q), schur = try Lyapunov.solveBartelsStewart(a, q)
            XCTAssertLessThan(Lyapunov.relativeResidual(a, direct, q), 1e-12, "trial \(trial)")
            XCTAssertLessThan(Lyapunov.relativeResidual(a, schur, q), 1e-12, "trial \(trial)")
            XCTAssertLessThan((direct - schur).frobeniusNorm / direct.frobeniusNorm, 1e-10, "trial \(trial)")
            XCTAssertTrue(RealCholesky.isPositiveDefinite(direct + 1e-9 * RealMatrix.identity(n)))
        }
    }

    func testSingularLyapunovOperatorThrows() {
        // A = diag(1, −1): λ1 + λ2 = 0, the operator is singular.
        XCTAssertThrowsError(try Lyapunov.solveDirect(.diagonal([1, -1]), .identity(2)))
        XCTAssertThrowsError(try Lyapunov.solveDirect(.identity(2), .identity(3)))
    }
}

final class RealDenseLUTests: XCTestCase {
    /// A = diagonally dominant with a known solution x; LAPACK's factors must give it back, and a
    /// zero pivot and a NaN entry must be refused.
    func testSolvesAKnownSystemAndRefusesSingularOrNonFiniteMatrices() throws {
        let n = 69
        var a = [Double](repeating: 0, count: n * n)   // column-major
        for j in 0..<n { for i in 0..<n { a[j * n + i] = i == j ? 20 + Double(i % 5) : sin(Double(3 * i + 7 * j)) } }
        let x = (0..<n).map { cos(Double($0)) - 0.5 }
        var b = [Double](repeating: 0, count: n)
        for i in 0..<n { for j in 0..<n { b[i] += a[j * n + i] * x[j] } }
        let lu = try RealDenseLU(order: n, columnMajor: a)
        b.withUnsafeMutableBufferPointer { lu.solve(inPlace: $0) }
        for i in 0..<n { XCTAssertEqual(b[i], x[i], accuracy: 1e-13) }
        XCTAssertThrowsError(try RealDenseLU(order: 2, columnMajor: [1, 2, 2, 4]))
        XCTAssertThrowsError(try RealDenseLU(order: 2, columnMajor: [1, .nan, 0, 1]))
        XCTAssertThrowsError(try RealDenseLU(order: 3, columnMajor: [1, 0, 0, 1]))
    }
}
