import Foundation
import XCTest
import Numerics
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

    static func runOracle() throws -> [OraclePoint] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("oracles/om_oracle.py").path
        let python = ProcessInfo.processInfo.environment["WGMFIG_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw XCTSkip("cannot start \(python) for the om oracle: \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if errText.contains("ModuleNotFoundError") || errText.contains("No such file") {
                throw XCTSkip("om oracle needs python3 with numpy and scipy: \(errText)")
            }
            XCTFail("om oracle failed: \(errText)")
            return []
        }
        return try JSONDecoder().decode([OraclePoint].self, from: data)
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
}
