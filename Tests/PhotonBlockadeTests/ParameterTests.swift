import XCTest
import WGMNumerics
@testable import PhotonBlockade

final class ParameterTests: XCTestCase {
    func testDerivedRatesMatchIndependentComputation() {
        let p = ResonatorParameters.paper
        // Expected values: Tests/oracles/spb_reference.py (same CODATA constants, computed in Python).
        XCTAssertEqual(p.gamma0, 0.1215259075683131, accuracy: 1e-15)
        XCTAssertEqual(p.gamma1, 0.2430518151366262, accuracy: 1e-15)
        XCTAssertEqual(p.kerr, 1.5830975867291874, accuracy: 1e-13)
        XCTAssertEqual(p.drive, 0.06158740638301727, accuracy: 1e-15)
        XCTAssertEqual(p.opticalWavenumber, 5.675135116162207, accuracy: 1e-13)
        // PHYSICS.md: γ0 ≈ 0.1215, χ ≈ 1.583, ξ ≈ 0.0616, k_opt ≈ 5.675 µm⁻¹.
        XCTAssertEqual(p.gamma0, 0.1215, accuracy: 5e-5)
        XCTAssertEqual(p.kerr, 1.583, accuracy: 5e-4)
        XCTAssertEqual(p.drive, 0.0616, accuracy: 5e-5)
    }

    func testTipCouplingAndLoss() throws {
        let kOpt = ResonatorParameters.paper.opticalWavenumber
        let j = TipParameters.paper.coupling(at: TipPosition(r: 0.35, phi: 0.27), opticalWavenumber: kOpt)
        // Tests/oracles/spb_reference.py: J_tip(0.35, 0.27) and γ_tip(0.35).
        XCTAssertEqual(j.re, -0.41682235569424764, accuracy: 1e-14)
        XCTAssertEqual(j.im, 0.0006336227705551986, accuracy: 1e-14)
        XCTAssertEqual(TipParameters.paper.loss(at: 0.35), 0.05412513660761214, accuracy: 1e-15)
        // Tip case rates: J = J0 + J_tip, γ = γ1 + γ_tip, χ/γ ≈ 5.3 (PHYSICS.md).
        let r = try BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27))).rates()
        XCTAssertEqual(r.coupling.re, 0.020670911551679494, accuracy: 1e-14)
        XCTAssertEqual(r.gamma, 0.2430518151366262 + 0.05412513660761214, accuracy: 1e-14)
        XCTAssertEqual(r.kerr / r.gamma, 5.3, accuracy: 0.05)
    }

    func testZeroCouplingPositionOfThePaper() throws {
        let p = ResonatorParameters.paper
        let j0 = 1.8 * p.gamma1
        let l0 = try TipParameters.paper.zeroCouplingPosition(j0: j0, opticalWavenumber: p.opticalWavenumber, branch: 0)
        let l1 = try TipParameters.paper.zeroCouplingPosition(j0: j0, opticalWavenumber: p.opticalWavenumber, branch: 1)
        // Paper (text after Eq. 6): r ≈ 0.35 µm, φ ≈ 0.27 and 0.82 µm (0.825 by the formula, PHYSICS.md).
        XCTAssertEqual(l0.r, 0.35, accuracy: 0.005)
        XCTAssertEqual(l0.phi, 0.27, accuracy: 0.005)
        XCTAssertEqual(l1.phi, 0.825, accuracy: 0.001)
        XCTAssertEqual(l0.r, l1.r)
        // There J0 + J_tip vanishes (definition).
        for pos in [l0, l1] {
            let r = try BlockadeSetup(configuration: .tip(pos)).rates()
            XCTAssertLessThan(r.coupling.magnitude, 1e-13)
        }
    }

    func testBadInputIsRejectedWithANamedValue() {
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "" } catch { return "\(error)" }
        }
        XCTAssertTrue(message { _ = try BlockadeSetup(configuration: .tip(TipPosition(r: -0.1, phi: 0.2))).rates() }.contains("r"))
        XCTAssertTrue(message { _ = try BlockadeSetup(configuration: .tip(TipPosition(r: .nan, phi: 0.2))).rates() }.contains("nan"))
        XCTAssertTrue(message { _ = try BlockadeSetup(configuration: .ideal, driveScale: 0).rates() }.contains("drive scale"))
        XCTAssertTrue(message { _ = try BlockadeSetup(configuration: .noTip, kerrOverGamma: -1).rates() }.contains("chi/gamma"))
        var weak = ResonatorParameters.paper; weak.inputPower = -1
        XCTAssertTrue(message { _ = try BlockadeSetup(configuration: .ideal, resonator: weak).rates() }.contains("input power"))
        XCTAssertTrue(message { _ = try SteadyStateSolver(cutoff: 1) }.contains("cutoff 1"))
        XCTAssertTrue(message { _ = try TipParameters.paper.zeroCouplingPosition(j0: 0, opticalWavenumber: 5) }.contains("J0"))
        XCTAssertThrowsError(try TruncatedSolver(truncation: .automatic(tolerance: 0, maximumCutoff: 8)))
        XCTAssertThrowsError(try ModelRates(detuning: 0, coupling: .zero, gamma: 0, kerr: 1, drive: 1).validate())
    }
}
