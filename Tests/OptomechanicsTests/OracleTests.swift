import Foundation
import XCTest
import WGMNumerics
@testable import Optomechanics

/// Compares the model with Tests/oracles/om_oracle.py, an independent NumPy/SciPy implementation
/// (drift matrix built numerically from the complex Langevin equations, SciPy's
/// solve_continuous_lyapunov, NumPy eigenvalues). The script runs live (< 1 s).
final class OracleTests: XCTestCase {
    struct OraclePoint: Decodable {
        let defects: [[Double]]
        let eta: Double
        let beta: Double
        let detuning: Double
        let N_r: Double, N_l: Double, G_r: Double, G_l: Double, T: Double, J1: Double
        let stable: Bool
        let max_re_eig: Double
        let EN_r: Double?, EN_l: Double?
        let V: [[Double]]?
    }

    /// Runs `Tests/oracles/<script>` with `$WGMFIG_PYTHON` (set by `make test` to its private
    /// venv with NumPy and SciPy) or `python3`. A missing interpreter or module is a failure, never
    /// a skip: an oracle that does not run compares nothing.
    static func runPython(_ script: String, arguments: [String] = []) throws -> Data {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("oracles/\(script)").path
        let python = ProcessInfo.processInfo.environment["WGMFIG_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, path] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OracleFailure(description: "\(script) with \(python) exited \(process.terminationStatus): \(errText.suffix(400)) "
                                + "(run `make test`, which installs NumPy and SciPy into .venv-test, or set WGMFIG_PYTHON)")
        }
        return data
    }

    struct OracleFailure: Error, CustomStringConvertible { let description: String }

    static func runOracle(points: String? = nil) throws -> [OraclePoint] {
        guard let points else { return try JSONDecoder().decode([OraclePoint].self, from: runPython("om_oracle.py")) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("om-oracle-\(UUID().uuidString).json")
        try points.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try JSONDecoder().decode([OraclePoint].self, from: runPython("om_oracle.py", arguments: ["--points", file.path]))
    }

    /// Tests/oracles/om_optimum.py: SciPy's bounded minimiser on the oracle's E_N,r(Δ̃), the source
    /// of the optima quoted in PhysicsClaimsTests and SweepTests (0.84979Γ, 0.1597019; 1.57296Γ, 0.0833685).
    func testEntanglementOptimaMatchTheScipyMinimiser() throws {
        struct Optimum: Decodable { let detuning: Double; let EN_r: Double }
        let scipy = try JSONDecoder().decode([String: Optimum].self, from: Self.runPython("om_optimum.py"))
        let model = OptomechanicalModel.paper
        for (name, coupling) in [("ideal", BackscatteringCoupling.none), ("defect", model.coupling(Scatterers(defects: [Defect(strength: 1)])))] {
            let reference = try XCTUnwrap(scipy[name], name)
            let ours = try XCTUnwrap(model.maximumLogNegativityCW(coupling: coupling), name)
            XCTAssertEqual(ours.location, reference.detuning, accuracy: 2e-4, name)
            XCTAssertEqual(ours.value, reference.EN_r, accuracy: 1e-8, name)
        }
        XCTAssertEqual(try XCTUnwrap(scipy["ideal"]).detuning, 0.84979, accuracy: 5e-6, "the number quoted in the tests")
        XCTAssertEqual(try XCTUnwrap(scipy["ideal"]).EN_r, 0.1597019, accuracy: 5e-8, "the number quoted in the tests")
    }

    func scatterers(_ p: OraclePoint) -> Scatterers {
        Scatterers(defects: p.defects.map { Defect(strength: $0[0], angle: $0[1]) },
                   particle: Nanoparticle(strength: p.eta, angle: p.beta))
    }

    func testSteadyStateTransmissionAndStabilityMatchOracle() throws {
        let points = try Self.runOracle()
        XCTAssertGreaterThanOrEqual(points.count, 8)
        let model = OptomechanicalModel.paper
        for p in points {
            let ours = model.point(scatterers: scatterers(p), detuningOverGamma: p.detuning)
            let tag = "point \(p.defects) η=\(p.eta) β=\(p.beta) Δ̃=\(p.detuning)"
            XCTAssertEqual(ours.photonNumberCW, p.N_r, accuracy: 1e-11 * max(p.N_r, 1), tag)
            XCTAssertEqual(ours.photonNumberCCW, p.N_l, accuracy: 1e-11 * max(p.N_r, 1), tag)
            XCTAssertEqual(ours.couplingCWOverOmegaM, p.G_r, accuracy: 1e-12, tag)
            XCTAssertEqual(ours.couplingCCWOverOmegaM, p.G_l, accuracy: 1e-12, tag)
            XCTAssertEqual(ours.transmission, p.T, accuracy: 1e-12, tag)
            XCTAssertEqual(ours.backscatteringOverGamma, p.J1, accuracy: 1e-12, tag)
            XCTAssertEqual(ours.isStable, p.stable, "\(tag): max Re λ = \(p.max_re_eig)")
        }
    }

    func testLogNegativityAndCovarianceMatchScipy() throws {
        let points = try Self.runOracle()
        let model = OptomechanicalModel.paper
        var compared = 0
        for p in points where p.stable {
            let c = model.coupling(scatterers(p))
            let ours = model.point(coupling: c, detuningOverGamma: p.detuning)
            let tag = "point \(p.defects) η=\(p.eta) β=\(p.beta) Δ̃=\(p.detuning)"
            XCTAssertEqual(ours.logNegativityCW!, p.EN_r!, accuracy: 1e-8, tag)
            XCTAssertEqual(ours.logNegativityCCW!, p.EN_l!, accuracy: 1e-8, tag)
            let v = try Lyapunov.solveDirect(model.driftMatrix(coupling: c, detuningOverGamma: p.detuning), model.diffusionMatrix())
            let reference = RealMatrix(p.V!)
            XCTAssertLessThan((v - reference).frobeniusNorm / reference.frobeniusNorm, 1e-9, tag)
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, 6)
    }

    /// 150 random points across the paper's sweep ranges (ε ∈ [0, 2], η ∈ [0, 2.5], β ∈ [0, π/2],
    /// Δ̃ ∈ [−1, 8], one to three defects) against the oracle: stability and E_N.
    func testRandomPointsMatchOracle() throws {
        var state: UInt64 = 2025
        func unit() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1p-53
        }
        var specs: [String] = []
        var configurations: [(Scatterers, Double)] = []
        for k in 0..<150 {
            let defects = (0...(k % 3)).map { _ in Defect(strength: 2 * unit(), angle: Double.pi / 2 * unit()) }
            let particle = Nanoparticle(strength: 2.5 * unit(), angle: Double.pi / 2 * unit())
            let detuning = -1 + 9 * unit()
            configurations.append((Scatterers(defects: defects, particle: particle), detuning))
            let list = defects.map { "[\($0.strength), \($0.angle)]" }.joined(separator: ", ")
            specs.append("{\"defects\": [\(list)], \"eta\": \(particle.strength), \"beta\": \(particle.angle), \"detuning\": \(detuning)}")
        }
        let reference = try Self.runOracle(points: "[" + specs.joined(separator: ", ") + "]")
        XCTAssertEqual(reference.count, configurations.count)
        let model = OptomechanicalModel.paper
        var stable = 0, unstable = 0
        for ((scatterers, detuning), p) in zip(configurations, reference) {
            if abs(p.max_re_eig) < 1e-7 { continue }   // too close to the boundary to call
            let ours = model.point(scatterers: scatterers, detuningOverGamma: detuning)
            let tag = "\(scatterers) Δ̃=\(detuning) max Re λ=\(p.max_re_eig)"
            XCTAssertEqual(ours.isStable, p.stable, tag)
            XCTAssertEqual(ours.transmission, p.T, accuracy: 1e-12, tag)
            guard p.stable, ours.isStable else { unstable += 1; continue }
            stable += 1
            XCTAssertEqual(ours.logNegativityCW!, p.EN_r!, accuracy: 1e-8, tag)
            XCTAssertEqual(ours.logNegativityCCW!, p.EN_l!, accuracy: 1e-8, tag)
            if case .stable(let e) = ours.entanglement { XCTAssertLessThan(e.lyapunovResidual, 1e-10, tag) }
        }
        XCTAssertGreaterThan(stable, 40); XCTAssertGreaterThan(unstable, 10)
    }
}
