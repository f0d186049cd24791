import Foundation
import XCTest
import WGMNumerics
@testable import Optomechanics

/// The quantitative claims of PHYSICS.md for paper 000 (and of the paper itself).
final class PhysicsClaimsTests: XCTestCase {
    let model = OptomechanicalModel.paper
    let detunings = stride(from: -3.0, through: 3.0, by: 0.25).map { $0 }

    func assertSame(_ a: OptomechanicalPoint, _ b: OptomechanicalPoint, _ tag: String, tolerance: Double = 1e-9,
                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.isStable, b.isStable, tag, file: file, line: line)
        XCTAssertEqual(a.transmission, b.transmission, accuracy: tolerance, tag, file: file, line: line)
        XCTAssertEqual(a.photonNumberCW, b.photonNumberCW, accuracy: tolerance * b.photonNumberCW + 1e-3, tag, file: file, line: line)
        XCTAssertEqual(a.photonNumberCCW, b.photonNumberCCW, accuracy: tolerance * b.photonNumberCW + 1e-3, tag, file: file, line: line)
        XCTAssertEqual(a.couplingCWOverOmegaM, b.couplingCWOverOmegaM, accuracy: tolerance, tag, file: file, line: line)
        XCTAssertEqual(a.couplingCCWOverOmegaM, b.couplingCCWOverOmegaM, accuracy: tolerance, tag, file: file, line: line)
        if let x = a.logNegativityCW, let y = b.logNegativityCW {
            XCTAssertEqual(x, y, accuracy: tolerance, tag, file: file, line: line)
            XCTAssertEqual(a.logNegativityCCW!, b.logNegativityCCW!, accuracy: tolerance, tag, file: file, line: line)
        }
    }

    /// At β_Im = π/8 + nπ/4 with η = ε, J1 = ε(1 + e^{−iπ(1+2n)}) = 0, so every curve vs Δ̃ is the ideal one.
    func testImmunityAtBetaImReproducesIdealCurves() {
        for n in 0..<4 {
            let beta = Double.pi / 8 + Double(n) * Double.pi / 4
            let immune = Scatterers.defectAndParticle(epsilon: 1, eta: 1, beta: beta)
            XCTAssertLessThan(model.coupling(immune).magnitude, 1e-14)
            for d in detunings {
                assertSame(model.point(scatterers: immune, detuningOverGamma: d),
                           model.point(scatterers: .ideal, detuningOverGamma: d), "β_Im n=\(n), Δ̃=\(d)")
            }
        }
        // On the Δ axis the immune curve is the ideal one shifted by Δ_J = Re(ε + η) = 2Γ.
        XCTAssertEqual(Scatterers.defectAndParticle(epsilon: 1, eta: 1, beta: Double.pi / 8).detuningShift, 2)
        XCTAssertEqual(Scatterers(defects: [Defect(strength: 1)]).detuningShift, 1)
        XCTAssertEqual(Scatterers.ideal.detuningShift, 0)
    }

    /// Eigenfrequencies ω_{1,2} = ω_c − iΓ + ε + η ± √(ε² + η² + 2εη cos 2mβ) (Sec. II): the split
    /// modes sit at Δ̃ = ±√(J1J2) = ±|J1|; zero splitting at β_Im.
    func testEigenfrequencySplitting() {
        for beta in [0.0, 0.1, 0.3, Double.pi / 8, 1.0] {
            let c = model.coupling(.defectAndParticle(epsilon: 1, eta: 0.6, beta: beta))
            let expected = (1 + 0.36 + 2 * 0.6 * cos(8 * beta)).squareRoot()
            XCTAssertEqual(c.eigenfrequencyDetunings.upper, expected, accuracy: 1e-14)
            XCTAssertEqual(c.eigenfrequencyDetunings.lower, -expected, accuracy: 1e-14)
            XCTAssertEqual(c.magnitude, expected, accuracy: 1e-14)
            // J₊ = η sin 2mβ, J₋ = ε + η cos 2mβ (Eq. 9 definitions).
            XCTAssertEqual(c.jPlus, 0.6 * sin(8 * beta), accuracy: 1e-14)
            XCTAssertEqual(c.jMinus, 1 + 0.6 * cos(8 * beta), accuracy: 1e-14)
        }
        XCTAssertLessThan(model.coupling(.defectAndParticle(epsilon: 1, eta: 1, beta: Double.pi / 8)).halfSplitting, 1e-7)
    }

    /// Paper (Fig. 3b caption): the ideal E_N,r optimum sits at Δ̃ = 0.85Γ. SciPy's bounded
    /// minimiser on Tests/oracles/om_oracle.py (Tests/oracles/om_optimum.py, run live by
    /// OracleTests) gives 0.84979Γ and E_N,r = 0.1597019.
    func testIdealEntanglementOptimumNear085Gamma() {
        let best = model.maximumLogNegativityCW(coupling: .none)!
        XCTAssertEqual(best.location, 0.85, accuracy: 0.005)
        XCTAssertEqual(best.location, 0.84979, accuracy: 2e-4)
        XCTAssertEqual(best.value, 0.1597019, accuracy: 1e-6)
        // Defect only (ε = Γ): om_optimum.py gives Δ̃ = 1.57296Γ, E_N,r = 0.0833685.
        let defect = model.maximumLogNegativityCW(coupling: model.coupling(Scatterers(defects: [Defect(strength: 1)])))!
        XCTAssertEqual(defect.location, 1.57296, accuracy: 2e-4)
        XCTAssertEqual(defect.value, 0.0833685, accuracy: 1e-6)
    }

    /// Ideal resonator: T = |1 − 2κex/(Γ + iΔ̃)|² = δ²/(1 + δ²) for κex = Γ/2 (analytic); T(0) = 0
    /// (critical coupling).
    func testIdealTransmissionIsAnalytic() {
        for d in detunings + [0, 7.9] {
            XCTAssertEqual(model.transmission(coupling: .none, detuningOverGamma: d), d * d / (1 + d * d), accuracy: 1e-15)
        }
        let minimum = model.minimumTransmission(coupling: .none)
        XCTAssertEqual(minimum.value, 0, accuracy: 1e-15)
        XCTAssertEqual(minimum.location, 0, accuracy: 1e-6)
        // Single defect ε: the denominator (1 + iδ)² + ε² vanishes nowhere on the real axis and the
        // dips sit at δ = ±√(ε² − …); at δ = 0, T = |1 − 1/(1 + ε²)|² = (ε²/(1 + ε²))² (analytic).
        let eps = 1.0
        XCTAssertEqual(model.transmission(coupling: model.coupling(Scatterers(defects: [Defect(strength: eps)])), detuningOverGamma: 0),
                       pow(eps * eps / (1 + eps * eps), 2), accuracy: 1e-15)
    }

    /// Revival (max E_N,r above the defect-only value) exactly where |J1| < ε, hence only for
    /// η < 2ε since |J1| ≥ |η − ε|.
    func testRevivalExactlyWhereBackscatteringIsReduced() {
        let eps = 1.0
        let defectMax = model.maximumLogNegativityCW(coupling: model.coupling(Scatterers(defects: [Defect(strength: eps)])))!.value
        var revived = 0
        for eta in [0.25, 0.5, 1.0, 1.5, 1.9, 2.2, 3.0] {
            var revivedHere = 0
            for k in 0...24 {
                let beta = Double.pi / 2 * Double(k) / 24
                let c = model.coupling(.defectAndParticle(epsilon: eps, eta: eta, beta: beta))
                if abs(c.magnitude - eps) < 0.02 { continue }   // too close to the border to call
                let best = model.maximumLogNegativityCW(coupling: c)?.value ?? 0
                XCTAssertEqual(best > defectMax + 1e-9, c.magnitude < eps, "η=\(eta) β=\(beta) |J1|=\(c.magnitude)")
                if best > defectMax + 1e-9 { revivedHere += 1 }
            }
            if eta >= 2 * eps { XCTAssertEqual(revivedHere, 0, "η = \(eta) ≥ 2ε must never revive") }
            revived += revivedHere
        }
        XCTAssertGreaterThan(revived, 20)
    }

    /// Several defects: the particle η = ε′ at β = β′ + π/8 cancels them (J1 = J2 = 0) and the
    /// ideal curves return (Sec. III, Fig. 5).
    func testMultiDefectCompensationRestoresIdealCurves() {
        for count in [2, 3, 5] {
            let defects = RandomDefects.draw(count: count, totalStrength: 2, seed: RandomDefects.figureSeed &+ UInt64(count))
            XCTAssertEqual(defects.reduce(0) { $0 + $1.strength }, 2, accuracy: 1e-14)
            let plain = Scatterers(defects: defects)
            let particle = plain.compensatingParticle(azimuthalNumber: 4)
            let compensated = Scatterers(defects: defects, particle: particle)
            let c = model.coupling(compensated)
            XCTAssertLessThan(c.j1.magnitude, 1e-14); XCTAssertLessThan(c.j2.magnitude, 1e-14)
            // ε′ = |Σ ε_j e^{i2mβ_j}| ≤ Σ ε_j = 2.
            XCTAssertLessThanOrEqual(particle.strength, 2 + 1e-15)
            for d in stride(from: 0.1, through: 3.0, by: 0.3) {
                assertSame(model.point(scatterers: compensated, detuningOverGamma: d),
                           model.point(scatterers: .ideal, detuningOverGamma: d), "N=\(count) Δ̃=\(d)")
            }
            XCTAssertEqual(compensated.detuningShift, 2 + particle.strength, accuracy: 1e-14)
        }
    }

    /// |J1| = 2Γ (ε = η = Γ, β = 0) at Δ̃ = Γ is unstable (PHYSICS.md; SciPy oracle: max Re λ =
    /// +0.0337 ω_m); its E_N is not a number.
    func testUnstablePointIsReportedAsUnstable() {
        let p = model.point(scatterers: .defectAndParticle(epsilon: 1, eta: 1, beta: 0), detuningOverGamma: 1)
        XCTAssertEqual(p.backscatteringOverGamma, 2, accuracy: 1e-14)
        XCTAssertFalse(p.isStable)
        XCTAssertEqual(p.entanglement, .unstable)
        XCTAssertNil(p.logNegativityCW); XCTAssertNil(p.logNegativityCCW)
        XCTAssertFalse(model.isStable(coupling: model.coupling(.defectAndParticle(epsilon: 1, eta: 1, beta: 0)), detuningOverGamma: 1))
        // The whole blue side is unstable for the paper's parameters (oracle eigenvalues).
        XCTAssertFalse(model.point(coupling: .none, detuningOverGamma: -0.5).isStable)
    }
}
