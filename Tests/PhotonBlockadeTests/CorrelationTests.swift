import XCTest
import WGMNumerics
@testable import PhotonBlockade

final class CorrelationTests: XCTestCase {
    /// Fixed-step classical RK4 for dσ/dt = L·σ; returns Tr[a1†a1 σ(t)] at the requested steps.
    func rk4(_ l: SparseComplexMatrix, _ start: [Complex], step h: Double, stops: [Int], space: TwoModeFockSpace) -> [Double] {
        var y = start, out: [Double] = []
        var k1 = y, k2 = y, k3 = y, k4 = y, tmp = y
        var done = 0
        for target in stops {
            while done < target {
                k1 = l.multiply(y)
                for i in y.indices { tmp[i] = y[i] + (h / 2) * k1[i] }
                k2 = l.multiply(tmp)
                for i in y.indices { tmp[i] = y[i] + (h / 2) * k2[i] }
                k3 = l.multiply(tmp)
                for i in y.indices { tmp[i] = y[i] + h * k3[i] }
                k4 = l.multiply(tmp)
                for i in y.indices { y[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) }
                done += 1
            }
            out.append(SteadyStateSolver.cwNumber(space, y))
        }
        return out
    }

    func testKrylovAgreesWithFineRungeKuttaIntegration() throws {
        let solver = try SteadyStateSolver(cutoff: 4)
        let gamma1 = ResonatorParameters.paper.gamma1
        for setup in [BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27))), BlockadeSetup(configuration: .noTip)] {
            let rates = try setup.rates()
            let state = try solver.solve(rates)
            let taus = [0.5, 2.0, 6.0].map { $0 / gamma1 }
            let krylov = try solver.secondOrderCorrelation(state, delays: taus)
            let l = solver.liouvillian(rates)
            let n1 = state.photonNumber(.clockwise)
            let sigma = SteadyStateSolver.annihilated(solver.structure.space, state.density)
            // Reference: RK4 at two step sizes (the finer must agree with the coarser to 1e-9,
            // showing the integration itself is converged), then Krylov against the finer to 1e-6.
            let h = 2e-3 / gamma1
            let stops = taus.map { Int(($0 / h).rounded()) }
            XCTAssertTrue(zip(stops, taus).allSatisfy { abs(Double($0) * h - $1) < 1e-9 })
            let coarse = rk4(l, sigma, step: h, stops: stops, space: solver.structure.space).map { $0 / (n1 * n1) }
            let fine = rk4(l, sigma, step: h / 2, stops: stops.map { 2 * $0 }, space: solver.structure.space).map { $0 / (n1 * n1) }
            for k in taus.indices {
                XCTAssertEqual(coarse[k] / fine[k], 1, accuracy: 1e-9, "RK4 not converged")
                XCTAssertEqual(krylov[k] / fine[k], 1, accuracy: 1e-6, "\(setup.configuration) τγ1 = \(taus[k] * gamma1)")
            }
        }
    }

    func testMatchesDenseExponentialOracleAndLimits() throws {
        let solver = try SteadyStateSolver(cutoff: 4)
        let gamma1 = ResonatorParameters.paper.gamma1
        let state = try solver.solve(BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27))).rates())
        let delays = [0, 0.5, 2, 6, 80].map { $0 / gamma1 }
        let g = try solver.secondOrderCorrelation(state, delays: delays)
        let tight = try solver.secondOrderCorrelation(state, delays: delays, tolerance: 1e-10)
        // Tests/oracles/spb_reference.py: dense expm of the cutoff-4 Liouvillian (SciPy), τγ1 = 0, 0.5, 2, 6.
        let oracle = [0.012003545468824152, 0.10605788716322027, 0.6446248967276905, 0.9997889116074814]
        for k in 0..<4 {
            XCTAssertEqual(g[k] / oracle[k], 1, accuracy: 5e-7, "default tolerance, τγ1 index \(k)")
            XCTAssertEqual(tight[k] / oracle[k], 1, accuracy: 1e-8, "tolerance 1e-10, τγ1 index \(k)")
        }
        XCTAssertEqual(g[0], state.correlation(order: 2), accuracy: 1e-15)     // τ = 0 is g2(0)
        XCTAssertEqual(g[4], 1, accuracy: 1e-9)                               // g2(τ → ∞) → 1
        XCTAssertThrowsError(try solver.secondOrderCorrelation(state, delays: [-1]))
    }

    /// The shift-and-invert curve (the default path) against Krylov time stepping of σ(0) with
    /// tight error control, on a 201-point τ grid for every device and off resonance.
    func testShiftInvertAgreesWithTimeSteppingOnWholeCurves() throws {
        let solver = try SteadyStateSolver(cutoff: 4)
        let gamma1 = ResonatorParameters.paper.gamma1
        let taus = (0...200).map { Double($0) * 0.05 / gamma1 }
        let configurations: [(BlockadeSetup, String)] = [
            (BlockadeSetup(configuration: .ideal), "ideal"),
            (BlockadeSetup(configuration: .noTip), "no tip"),
            (BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27))), "tip"),
            (BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27)), detuningOverGamma1: 2), "tip, Δ = 2γ1"),
        ]
        for (setup, name) in configurations {
            let state = try solver.solve(try setup.rates())
            let problem = CorrelationProblem(structure: solver.structure, state: state)
            let fast = try problem.shiftInvert(delays: taus, tolerance: 1e-7, exactLevels: solver.exactLevels)
            let stepped = try problem.timeStepping(delays: taus, tolerance: 1e-13)
            let worst = zip(fast, stepped).map { abs($0 / $1 - 1) }.max()!
            XCTAssertLessThan(worst, 5e-7, name)
            XCTAssertEqual(fast[0], state.correlation(order: 2), accuracy: 1e-14 * max(1, fast[0]), name)
        }
    }

    /// Far beyond the slowest relaxation time g2 is the stationary value 1 (Tr σ(0) = n1), with no
    /// drift: the bound of the long-time limit is 1e-14.
    func testLongDelaysReachTheStationaryValueWithoutDrift() throws {
        let solver = try SteadyStateSolver(cutoff: 6)
        let state = try solver.solve(try BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27))).rates())
        let g = try solver.secondOrderCorrelation(state, delays: [1e12, 1e16, 1e300])
        for v in g { XCTAssertEqual(v, 1, accuracy: 1e-13) }
        XCTAssertThrowsError(try solver.secondOrderCorrelation(state, delays: [.infinity]))
        XCTAssertThrowsError(try solver.secondOrderCorrelation(state, delays: [.nan]))
    }
}
