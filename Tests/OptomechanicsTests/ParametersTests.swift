import Foundation
import XCTest
@testable import Optomechanics

/// Derived parameters against hand evaluation of the SI formulas (constants written out here)
/// and the values quoted in PHYSICS.md; validation of bad input.
final class ParametersTests: XCTestCase {
    func testDerivedQuantitiesMatchHandFormulas() {
        let p = OptomechanicalParameters.paper
        let hbar = 6.626_070_15e-34 / (2 * Double.pi)   // CODATA (exact h)
        let kB = 1.380_649e-23                          // CODATA (exact)
        let g0 = (1.22e15 / 1.1e-3) * (hbar / (10e-12 * 6.3e7)).squareRoot()
        let nm = 1 / (exp(hbar * 6.3e7 / (kB * 0.2)) - 1)
        let ain = (30e-3 / (hbar * 1.22e15)).squareRoot()
        XCTAssertEqual(p.singlePhotonCoupling, g0, accuracy: 1e-12 * g0)
        XCTAssertEqual(p.thermalPhononNumber, nm, accuracy: 1e-10 * nm)
        XCTAssertEqual(p.inputAmplitude, ain, accuracy: 1e-12 * ain)
        XCTAssertEqual(p.drive, (2 * 0.3 * 6.3e7).squareRoot() * ain, accuracy: 1e-12 * p.drive)
        // PHYSICS.md: G0 ≈ 453.8, n_m ≈ 415.1, a_in ≈ 4.829e8, E ≈ 2.969e12.
        XCTAssertEqual(p.singlePhotonCoupling, 453.8, accuracy: 0.05)
        XCTAssertEqual(p.thermalPhononNumber, 415.1, accuracy: 0.05)
        XCTAssertEqual(p.inputAmplitude, 4.829e8, accuracy: 0.0005e8)
        XCTAssertEqual(p.drive, 2.969e12, accuracy: 0.0005e12)
        XCTAssertEqual(p.totalDecay, 0.6 * 6.3e7, accuracy: 1e-6)       // Γ = κ0 + κex = 0.6 ωm
        XCTAssertEqual(p.immuneAngle, Double.pi / 8, accuracy: 1e-15)   // β_Im = π/8 for m = 4
    }

    func testNonPhysicalParametersAreRejectedWithTheirName() {
        func rejected(_ change: (inout OptomechanicalParameters) -> Void, mentioning word: String) {
            var p = OptomechanicalParameters.paper
            change(&p)
            XCTAssertThrowsError(try OptomechanicalModel(parameters: p)) { error in
                XCTAssertTrue("\(error)".contains(word), "\(error)")
            }
        }
        rejected({ $0.mass = -1 }, mentioning: "mass")
        rejected({ $0.temperature = 0 }, mentioning: "temperature")
        rejected({ $0.mechanicalDamping = .nan }, mentioning: "damping")
        rejected({ $0.intrinsicDecay = -0.1 }, mentioning: "κ0")
        rejected({ $0.externalDecay = .infinity }, mentioning: "κex")
        rejected({ $0.azimuthalNumber = 0 }, mentioning: "azimuthal")
        rejected({ $0.power = -1e-3 }, mentioning: "power")
        XCTAssertNoThrow(try OptomechanicalModel(parameters: .paper))
    }

    func testBadScatterersAreRejected() {
        XCTAssertThrowsError(try Scatterers.defectAndParticle(epsilon: -1, eta: 1, beta: 0).validated())
        XCTAssertThrowsError(try Scatterers.defectAndParticle(epsilon: 1, eta: .nan, beta: 0).validated())
        XCTAssertThrowsError(try Scatterers.defectAndParticle(epsilon: 1, eta: 1, beta: .infinity).validated())
        XCTAssertNoThrow(try Scatterers.defectAndParticle(epsilon: 0, eta: 2, beta: -3).validated())
    }
}
