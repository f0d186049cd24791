import XCTest
import Numerics
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
        let g = try solver.secondOrderCorrelation(state, delays: [0, 0.5, 2, 6, 80].map { $0 / gamma1 })
        // Tests/oracles/spb_reference.py: dense expm of the cutoff-4 Liouvillian (SciPy), τγ1 = 0, 0.5, 2, 6.
        let oracle = [0.01200354548512455, 0.10605788716322027, 0.6446248967276905, 0.9997889116074814]
        for k in 0..<4 { XCTAssertEqual(g[k] / oracle[k], 1, accuracy: 1e-8, "τγ1 index \(k)") }
        XCTAssertEqual(g[0], state.correlation(order: 2), accuracy: 1e-15)     // τ = 0 is g2(0)
        XCTAssertEqual(g[4], 1, accuracy: 1e-9)                               // g2(τ → ∞) → 1
        XCTAssertThrowsError(try solver.secondOrderCorrelation(state, delays: [-1]))
    }
}
