import Foundation
import XCTest
import WGMNumerics
@testable import Optomechanics

/// Sweeps, detuning extrema and the seeded defect generator.
final class SweepTests: XCTestCase {
    let model = OptomechanicalModel.paper

    func testSweepsAreIdenticalForAnyThreadCount() {
        let detunings = stride(from: -3.0, through: 3.0, by: 0.1).map { $0 }
        let scatterers = Scatterers.defectAndParticle(epsilon: 1, eta: 1, beta: 0.3)
        let reference = model.detuningSweep(scatterers: scatterers, detunings: detunings, threads: 1)
        for threads in [2, 3, 8] {
            XCTAssertEqual(model.detuningSweep(scatterers: scatterers, detunings: detunings, threads: threads), reference)
        }
        let betas = (0..<9).map { Double($0) * 0.2 }, ys = [0.5, 0.85, 1.2]
        let model = self.model
        let grid1 = OptomechanicalSweep.grid(xs: betas, ys: ys, threads: 1) { b, d in
            model.point(scatterers: .defectAndParticle(epsilon: 1, eta: 1, beta: b), detuningOverGamma: d)
        }
        let grid3 = OptomechanicalSweep.grid(xs: betas, ys: ys, threads: 3) { b, d in
            model.point(scatterers: .defectAndParticle(epsilon: 1, eta: 1, beta: b), detuningOverGamma: d)
        }
        XCTAssertEqual(grid1.values, grid3.values)
        XCTAssertEqual(grid1[4, 2].detuningOverGamma, 1.2)
        XCTAssertEqual(grid1[4, 2].backscatteringOverGamma,
                       model.coupling(.defectAndParticle(epsilon: 1, eta: 1, beta: 0.8)).magnitude)
    }

    func testExtremesOfTheIdealResonator() {
        let e = model.detuningExtremes(coupling: .none)
        // |G_r|/ω_m = √2 G0 (E/Γ)/ω_m / √(1 + δ²) decreases on the red side: sup at δ → 0⁺ (analytic).
        let g0 = model.scaled.couplingUnit
        XCTAssertEqual(e.couplingCW!.value, g0, accuracy: 1e-6 * g0)
        XCTAssertLessThan(e.couplingCW!.location, 1e-3)
        XCTAssertEqual(e.couplingCCW!.value, 0)                 // no backscattering: α_l = 0
        XCTAssertEqual(e.logNegativityCCW!.value, 0, accuracy: 1e-12)  // CCW mode in vacuum: ν₋ = ½
        XCTAssertEqual(e.logNegativityCW!.location, 0.84979, accuracy: 2e-4)   // SciPy, see PhysicsClaimsTests
        XCTAssertEqual(e.transmission.value, 0, accuracy: 1e-15)
    }

    func testMaximaIgnoreUnstablePoints() {
        // ε = η = Γ, β = 0: |J1| = 2Γ opens an unstable window on the red side; the maximum must
        // sit at a stable detuning.
        let c = model.coupling(.defectAndParticle(epsilon: 1, eta: 1, beta: 0))
        let e = model.detuningExtremes(coupling: c)
        let atMax = model.point(coupling: c, detuningOverGamma: e.logNegativityCW!.location)
        XCTAssertTrue(atMax.isStable)
        XCTAssertEqual(atMax.logNegativityCW!, e.logNegativityCW!.value, accuracy: 1e-12)
        XCTAssertTrue(model.isStable(coupling: c, detuningOverGamma: e.couplingCW!.location))
        let grid = stride(from: 0.05, through: 8.0, by: 0.05).map { model.point(coupling: c, detuningOverGamma: $0) }
        XCTAssertTrue(grid.contains { !$0.isStable })
        let gridBest = grid.compactMap(\.logNegativityCW).max()!
        XCTAssertGreaterThanOrEqual(e.logNegativityCW!.value, gridBest - 1e-12)
    }

    func testSplitMix64ReferenceOutputsAndDefectDraws() {
        // Reference outputs of SplitMix64 for seed 0 (Vigna's splitmix64.c).
        var rng = RandomDefects.SplitMix64(seed: 0)
        XCTAssertEqual(rng.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(rng.next(), 0x6E78_9E6A_A1B9_65F4)
        let a = RandomDefects.draw(count: 3), b = RandomDefects.draw(count: 3)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.count, 3)
        XCTAssertEqual(a.reduce(0) { $0 + $1.strength }, 2, accuracy: 1e-14)
        XCTAssertTrue(a.allSatisfy { $0.strength > 0 && $0.angle > 0 && $0.angle <= Double.pi / 2 })
        XCTAssertNotEqual(RandomDefects.draw(count: 3, seed: 1), a)
    }
}
