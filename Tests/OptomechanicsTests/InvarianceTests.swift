import Foundation
import XCTest
import WGMNumerics
@testable import Optomechanics

/// Symmetries of the derived model and the accuracy of its covariance.
final class InvarianceTests: XCTestCase {
    let model = OptomechanicalModel.paper

    func outputs(_ p: OptomechanicalPoint) -> [Double] {
        [p.transmission, p.photonNumberCW / 1e9, p.photonNumberCCW / 1e9, p.couplingCWOverOmegaM,
         p.couplingCCWOverOmegaM, p.logNegativityCW ?? -1, p.logNegativityCCW ?? -1]
    }

    func assertClose(_ a: [Double], _ b: [Double], _ tag: String, file: StaticString = #filePath, line: UInt = #line) {
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-9, tag, file: file, line: line) }
    }

    /// β → −β maps J1 ↔ J2 = J1*; with the derived drift matrix nothing observable changes
    /// (the printed Eq. 9 breaks this).
    func testMirrorAngleGivesSameOutputs() {
        for beta in [0.05, 0.2, 0.3, 0.5, 1.0] {
            for d in [0.3, 0.85, 1.7, 3.0] {
                let plus = model.point(scatterers: .defectAndParticle(epsilon: 1, eta: 1, beta: beta), detuningOverGamma: d)
                let minus = model.point(scatterers: .defectAndParticle(epsilon: 1, eta: 1, beta: -beta), detuningOverGamma: d)
                assertClose(outputs(plus), outputs(minus), "β=±\(beta) Δ̃=\(d)")
            }
        }
    }

    /// Every output depends on the scatterers only through |J1| (the phase of J1 is a gauge of
    /// the CCW mode): a defect + particle and a single defect of strength |J1| at any angle agree.
    func testOutputsDependOnMagnitudeOfJ1Only() {
        for (eta, beta) in [(1.0, 0.3), (0.5, 0.1), (1.5, 0.25), (0.7, 1.2)] {
            let pair = Scatterers.defectAndParticle(epsilon: 1, eta: eta, beta: beta)
            let magnitude = model.coupling(pair).magnitude
            for angle in [0.0, 0.37, 2.0] {
                let single = Scatterers(defects: [Defect(strength: magnitude, angle: angle)])
                for d in [0.2, 0.85, 1.6, 2.9] {
                    assertClose(outputs(model.point(scatterers: pair, detuningOverGamma: d)),
                                outputs(model.point(scatterers: single, detuningOverGamma: d)),
                                "η=\(eta) β=\(beta) vs defect \(magnitude)@\(angle), Δ̃=\(d)")
                }
            }
        }
    }

    /// The covariance solves Eq. 11 to a relative residual < 1e-10 everywhere it exists, and
    /// agrees with LAPACK Bartels–Stewart (dgees + dtrsyl).
    func testCovarianceResidualAndBartelsStewartAgreement() throws {
        var worst = 0.0, stable = 0
        for k in 0...16 {
            let beta = Double.pi / 2 * Double(k) / 16
            let c = model.coupling(.defectAndParticle(epsilon: 1, eta: 1, beta: beta))
            for d in stride(from: 0.05, through: 8.0, by: 0.35) {
                let p = model.point(coupling: c, detuningOverGamma: d)
                guard case .stable(let e) = p.entanglement else { continue }
                stable += 1
                worst = max(worst, e.lyapunovResidual)
                if k % 4 == 0 {
                    let a = model.driftMatrix(coupling: c, detuningOverGamma: d), q = model.diffusionMatrix()
                    let reference = try Lyapunov.solveBartelsStewart(a, q)
                    let ours = model.covariance(coupling: c, detuningOverGamma: d)!
                    XCTAssertLessThan((ours - reference).frobeniusNorm / reference.frobeniusNorm, 1e-8, "β=\(beta) Δ̃=\(d)")
                    XCTAssertLessThan(Lyapunov.relativeResidual(a, ours, q), 1e-10)
                }
            }
        }
        XCTAssertGreaterThan(stable, 300)
        XCTAssertLessThan(worst, 1e-10)
    }

    /// Stability (V positive definite, by Lyapunov's theorem) agrees with the LAPACK eigenvalues
    /// of A and with Routh–Hurwitz, across the unstable windows of the paper's sweeps.
    func testStabilityAgreesWithEigenvaluesAndRouthHurwitz() throws {
        var unstable = 0, stable = 0
        for k in 0...40 {
            let beta = Double.pi / 4 * Double(k) / 40
            for eta in [1.0, 1.5] {
                let c = model.coupling(.defectAndParticle(epsilon: 1, eta: eta, beta: beta))
                for d in stride(from: -2.0, through: 6.0, by: 0.2) {
                    let a = model.driftMatrix(coupling: c, detuningOverGamma: d)
                    let maxReal = try a.eigenvalues().map(\.re).max()!
                    if abs(maxReal) < 1e-7 { continue }
                    let expected = maxReal < 0
                    XCTAssertEqual(model.point(coupling: c, detuningOverGamma: d).isStable, expected, "β=\(beta) η=\(eta) Δ̃=\(d) max Re λ=\(maxReal)")
                    XCTAssertEqual(model.isStable(coupling: c, detuningOverGamma: d), expected, "Routh–Hurwitz β=\(beta) Δ̃=\(d)")
                    if expected { stable += 1 } else { unstable += 1 }
                }
            }
        }
        XCTAssertGreaterThan(unstable, 200); XCTAssertGreaterThan(stable, 200)
    }
}
