import XCTest
import WGMNumerics
@testable import PhotonBlockade

/// Reference steady states from Tests/oracles/spb_reference.py (SciPy sparse LU refined with
/// 40-digit mpmath residuals; shares no code with the Swift solver), cutoff 6.
private struct Reference {
    var setup: BlockadeSetup
    var nCW, nCCW, g2, g3, g4, a4a4, p10, p01: Double
}

private let tip = TipPosition(r: 0.35, phi: 0.27)
private let references: [(String, Reference)] = [
    ("ideal", Reference(setup: BlockadeSetup(configuration: .ideal), nCW: 0.17009881622240675, nCCW: 0,
                        g2: 0.008825476348126877, g3: 1.959403429146896e-05, g4: 1.9355323034115517e-08,
                        a4a4: 1.6203378942643224e-11, p10: 0.16984351156971694, p01: 0)),
    ("no tip", Reference(setup: BlockadeSetup(configuration: .noTip), nCW: 0.001500198167392373, nCCW: 0.016875647076916533,
                         g2: 1.2331068397241196, g3: 0.3671505561565883, g4: 0.04525914992020091,
                         a4a4: 2.2924555045146473e-13, p10: 0.0014898869285744876, p01: 0.016867537602778367)),
    ("tip", Reference(setup: BlockadeSetup(configuration: .tip(tip)), nCW: 0.12470684909083919, nCCW: 0.00222284264148012,
                      g2: 0.012003546945194314, g3: 3.632611186735133e-05, g4: 4.893122982361677e-08,
                      a4a4: 1.1834430304191652e-11, p10: 0.12451935187717879, p01: 0.0022219867264027175)),
    ("tip detuned", Reference(setup: BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.21)), detuningOverGamma1: 0.7, kerrOverGamma: 0.5),
                              nCW: 0.02700949927314904, nCCW: 0.03759569701090756, g2: 1.82748943910256,
                              g3: 2.2096090447336203, g4: 1.3465084769504378, a4a4: 7.165973924267786e-07,
                              p10: 0.024478770291378904, p01: 0.03557129974633936)),
]

final class SteadyStateTests: XCTestCase {
    func relative(_ a: Double, _ b: Double) -> Double { b == 0 ? abs(a) : abs(a - b) / abs(b) }

    func testMatchesHighPrecisionOracleIncludingTinyMoments() throws {
        let solver = try SteadyStateSolver(cutoff: 6)
        for (name, ref) in references {
            let s = try solver.solve(ref.setup.rates())
            let o = s.observables
            for (got, want, what) in [(o.nCW, ref.nCW, "N_cw"), (o.g2, ref.g2, "g2"), (o.g3, ref.g3, "g3"), (o.g4, ref.g4, "g4"),
                                      (s.factorialMoment(.clockwise, order: 4), ref.a4a4, "<a+4a4>"), (o.p10, ref.p10, "P10")] {
                XCTAssertLessThan(relative(got, want), 1e-9, "\(name) \(what): \(got) vs \(want)")
            }
            if ref.nCCW == 0 {
                XCTAssertLessThan(o.nCCW, 1e-25, "\(name): J = 0 must leave the CCW mode empty")
                XCTAssertLessThan(o.p01, 1e-25)
            } else {
                XCTAssertLessThan(relative(o.nCCW, ref.nCCW), 1e-9, name)
                XCTAssertLessThan(relative(o.p01, ref.p01), 1e-9, name)
            }
            XCTAssertLessThan(s.diagnostics.relativeResidual, 1e-13, name)
        }
    }

    func testPaperQuotedNumbers() throws {
        let solver = try SteadyStateSolver(cutoff: 6)
        let ideal = try solver.solve(BlockadeSetup(configuration: .ideal).rates()).observables
        let withTip = try solver.solve(BlockadeSetup(configuration: .tip(tip)).rates()).observables
        // Paper, Fig. 1b text: ideal g2(0) ~ 0.009; with the tip g2 ~ 0.012, g3 ~ 3.6e-5, g4 ~ 4.8e-8.
        XCTAssertEqual(ideal.g2, 0.009, accuracy: 0.0005)
        XCTAssertEqual(withTip.g2, 0.012, accuracy: 0.0005)
        XCTAssertEqual(withTip.g3, 3.6e-5, accuracy: 0.1e-5)
        XCTAssertEqual(withTip.g4, 4.8e-8, accuracy: 0.15e-8)
        // Paper, Eq. 8 text: R = 99.7 % at (0.35, 0.27).
        XCTAssertEqual(BlockadeEfficiency.ratio(deviceG2: withTip.g2, idealG2: ideal.g2), 0.997, accuracy: 0.0005)
        // Paper, Fig. 4b: without the tip R falls to 0 near J0/γ1 = 1.8 (the no-tip g2 exceeds 1).
        let noTip = try solver.solve(BlockadeSetup(configuration: .noTip).rates()).observables
        XCTAssertEqual(BlockadeEfficiency.ratio(deviceG2: noTip.g2, idealG2: ideal.g2), 0)
    }

    func testDensityMatrixIsAPhysicalState() throws {
        let solver = try SteadyStateSolver(cutoff: 6)
        for (name, ref) in references {
            let rho = try solver.solve(ref.setup.rates()).density
            var trace = Complex.zero
            for i in 0..<rho.rows { trace += rho[i, i] }
            XCTAssertEqual(trace.re, 1, accuracy: 1e-14, name); XCTAssertEqual(trace.im, 0, accuracy: 1e-14, name)
            XCTAssertEqual((rho - rho.adjoint).maxAbs, 0, accuracy: 1e-15, name)
            // Positive semidefinite: eigenvalues by LAPACK zheev ≥ −1e-12.
            let eigenvalues = try rho.hermitianEigenvalues()
            XCTAssertGreaterThanOrEqual(eigenvalues.min()!, -1e-12, name)
        }
    }

    func testLinearCavityGivesCoherentState() throws {
        // χ = 0: the steady state is a coherent state |α1, α2⟩ with (iΔ + γ/2)α1 + iJα2 = −iξ,
        // (iΔ + γ/2)α2 + iJ*α1 = 0 (linear Heisenberg–Langevin equations), so g2(τ) = 1.
        let setup = BlockadeSetup(configuration: .tip(TipPosition(r: 0.3, phi: 0.4)), detuningOverGamma1: 0.4, kerrOverGamma: 0)
        let r = try setup.rates()
        let a = Complex(r.gamma / 2, r.detuning), j = r.coupling
        let det = a * a + j * j.conjugate
        let alpha1 = Complex(0, -r.drive) * a / det, alpha2 = Complex(0, -r.drive) * Complex(0, -1) * j.conjugate / det
        let solver = try SteadyStateSolver(cutoff: 9)
        let s = try solver.solve(r)
        XCTAssertLessThan(relative(s.photonNumber(.clockwise), alpha1.normSquared), 1e-9)
        XCTAssertLessThan(relative(s.photonNumber(.counterClockwise), alpha2.normSquared), 1e-9)
        XCTAssertEqual(s.correlation(order: 2), 1, accuracy: 1e-8)
        XCTAssertEqual(s.correlation(order: 3), 1, accuracy: 1e-7)
        for g in try solver.secondOrderCorrelation(s, delays: [0.5, 3, 20]) { XCTAssertEqual(g, 1, accuracy: 1e-8) }
    }

    func testWeakDriveLimitApproachesEquationSeven() throws {
        // Eqs. 5–7 are the ξ → 0 limit of the master equation; at 1/100 of the drive they must agree within 1 %.
        let solver = try SteadyStateSolver(cutoff: 5)
        for setup in [BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.21)), kerrOverGamma: 0.5, driveScale: 0.01),
                      BlockadeSetup(configuration: .tip(tip), driveScale: 0.01),
                      BlockadeSetup(configuration: .noTip, detuningOverGamma1: -1, driveScale: 0.01)] {
            let r = try setup.rates()
            let s = try solver.solve(r).observables
            let w = WeakDriveApproximation(r)
            XCTAssertLessThan(relative(s.g2, w.g2), 0.01, "\(setup.configuration): \(s.g2) vs \(w.g2)")
            XCTAssertLessThan(relative(s.p10, w.p10), 0.01)
            XCTAssertLessThan(relative(s.p01, w.p01), 0.01)
        }
        // Paper, after Eq. 7: with J = 0 and Δ = 0, g2 ≈ 1/(1 + 4(χ/γ)²).
        let ideal = try BlockadeSetup(configuration: .ideal).rates()
        let x = ideal.kerr / ideal.gamma
        XCTAssertEqual(WeakDriveApproximation(ideal).g2, 1 / (1 + 4 * x * x), accuracy: 1e-15)
    }

    func testConvergenceWithCutoffAndAutomaticTruncation() throws {
        let rates = try BlockadeSetup(configuration: .tip(tip)).rates()
        var g4: [Double] = []
        for n in 5...8 { g4.append(try SteadyStateSolver(cutoff: n).solve(rates).correlation(order: 4)) }
        // Successive differences shrink (truncation error decreases with the cutoff).
        let d = zip(g4, g4.dropFirst()).map { abs($0 - $1) / $1 }
        XCTAssertLessThan(d[1], d[0]); XCTAssertLessThan(d[2], d[1])
        let auto = try TruncatedSolver(truncation: .automatic).solve(rates)
        XCTAssertGreaterThanOrEqual(auto.cutoff, 6)            // g4 needs a cutoff above 5 (PHYSICS.md)
        let fine = try SteadyStateSolver(cutoff: 10).solve(rates)   // an independent, much larger truncation
        for k in 2...4 { XCTAssertLessThan(relative(auto.correlation(order: k), fine.correlation(order: k)), 1e-3) }
        XCTAssertThrowsError(try TruncatedSolver(truncation: .automatic(tolerance: 1e-3, maximumCutoff: 6))
            .solve(BlockadeSetup(configuration: .ideal, kerrOverGamma: 0.05, driveScale: 6).rates()))
    }

    func testSweepIsDeterministicForAnyThreadCount() throws {
        let setups = (0..<10).map { BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.1 * Double($0)))) }
        let solver = try TruncatedSolver(truncation: .fixed(5))
        let one = try BlockadeSweep.observables(setups, solver: solver, threads: 1)
        for t in [2, 3] { XCTAssertEqual(try BlockadeSweep.observables(setups, solver: solver, threads: t), one) }
        let r = try BlockadeSweep.efficiency(setups, solver: solver, threads: 2)
        XCTAssertEqual(r.count, setups.count)
        XCTAssertTrue(r.allSatisfy { $0 >= 0 && $0 <= 1.01 })
        XCTAssertThrowsError(try BlockadeSweep.observables([BlockadeSetup(configuration: .ideal, driveScale: -1)], solver: solver))
    }

    func testEfficiencyWithTipAtItsZeroCouplingPosition() throws {
        // Fig. 4b: with the tip at its J = 0 position the efficiency stays near 1 for every J0,
        // without it R drops to 0 by J0/γ1 = 1.8 (paper text).
        let p = ResonatorParameters.paper
        let solver = try TruncatedSolver(truncation: .fixed(6))
        var setups: [BlockadeSetup] = []
        for x in [0.5, 1.0, 2.5] {
            let pos = try TipParameters.paper.zeroCouplingPosition(j0: x * p.gamma1, opticalWavenumber: p.opticalWavenumber)
            XCTAssertEqual(try BlockadeSetup.tipAtZeroCoupling(j0OverGamma1: x), BlockadeSetup(configuration: .tip(pos), j0OverGamma1: x))
            setups.append(BlockadeSetup(configuration: .tip(pos), j0OverGamma1: x))
            setups.append(BlockadeSetup(configuration: .noTip, j0OverGamma1: x))
        }
        let r = try BlockadeSweep.efficiency(setups, solver: solver)
        for k in stride(from: 0, to: r.count, by: 2) { XCTAssertGreaterThan(r[k], 0.95, "with tip #\(k / 2)") }
        XCTAssertEqual(r[5], 0, "no tip at J0/γ1 = 2.5")
        XCTAssertGreaterThan(r[1], r[3])          // without tip R decreases with J0
    }
}
