import Foundation
import CLapack
import Numerics
import PhotonBlockade

/// Steady states per second of the photon-blockade model (tip case, 6 Fock states per mode,
/// Liouvillian 1296 × 1296), side by side with QuTiP 5's `steadystate` on the same Hamiltonian
/// (Tests/oracles/spb_qutip_bench.py, run with $WGMFIG_BENCH_PYTHON), and the accuracy of both
/// against a 40-digit reference solve computed by that script.
enum PhotonBlockadeBench {
    static let cutoff = 6

    static func run() {
        do {
            openblas_set_num_threads(1)   // single core: no BLAS threads inside LAPACK calls
            let rates = try BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27))).rates()
            let solver = try SteadyStateSolver(cutoff: cutoff)
            let state = try solver.solve(rates)
            let (perSolve, count) = time(seconds: 2) { _ = try? solver.solve(rates) }
            let ours = "wgmfig \(format(perSolve * 1e3)) ms/solve (\(Int(1 / perSolve))/s, \(count) solves, \(state.diagnostics.iterations) GMRES its)"
            let baseline = qutipBaseline(rates)
            let g2 = state.correlation(order: 2), g4 = state.correlation(order: 4)
            var line = "spb steadystate (tip r=0.35 phi=0.27, cutoff \(cutoff), L \(cutoff * cutoff * cutoff * cutoff)^2, 1 core): \(ours)"
            switch baseline {
            case .failure(let why):
                line += " | QuTiP baseline skipped: \(why)"
            case .success(let b):
                if let refG2 = b["ref_g2"] as? Double, let refG4 = b["ref_g4"] as? Double {
                    line += " | wgmfig rel. err g2 \(sci(rel(g2, refG2))) g4 \(sci(rel(g4, refG4)))"
                    if let t = b["seconds_per_solve"] as? Double, let qg2 = b["g2"] as? Double, let qg4 = b["g4"] as? Double {
                        let version = b["qutip_version"] as? String ?? "?"
                        line += " | QuTiP \(version) steadystate \(format(t * 1e3)) ms/solve (\(format(1 / t))/s)"
                        line += " rel. err g2 \(sci(rel(qg2, refG2))) g4 \(sci(rel(qg4, refG4)))"
                        line += " | ratio \(format(t / perSolve))x"
                    } else {
                        line += " | QuTiP baseline skipped: \(b["error"] as? String ?? "no timing in the script's output")"
                    }
                }
            }
            print(line)
            try sweep()
        } catch {
            print("spb steadystate: failed: \(error)")
        }
    }

    /// The Fig. 4a kernel: R over a (φ, r) grid at cutoff 6 on all threads (ideal reference solved once).
    static func sweep() throws {
        let setups = (0..<800).map { i in
            BlockadeSetup(configuration: .tip(TipPosition(r: 0.8 * Double(i / 40) / 19, phi: Double(i % 40) / 39)))
        }
        let solver = try TruncatedSolver(truncation: .fixed(cutoff))
        let threads = Parallel.defaultThreadCount
        let clock = ContinuousClock()
        var r: [Double] = []
        let t = clock.measure { r = (try? BlockadeSweep.efficiency(setups, solver: solver, threads: threads)) ?? [] }
        let s = Double(t.components.seconds) + Double(t.components.attoseconds) * 1e-18
        print("spb sweep R(phi, r) 40x20 grid, cutoff \(cutoff), \(threads) threads: \(format(s)) s (\(format(s / 801 * 1e3)) ms per steady state, max R \(format(r.max() ?? .nan)))")
    }

    /// Mean seconds per call of `body`, repeated for at least `seconds`.
    static func time(seconds: Double, _ body: () -> Void) -> (Double, Int) {
        body()
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        while true {
            body(); count += 1
            let elapsed = clock.now - start
            let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if s >= seconds && count >= 10 { return (s / Double(count), count) }
        }
    }

    /// Runs the Python baseline; its JSON output, or why it could not run.
    static func qutipBaseline(_ r: ModelRates) -> Result<[String: Any], BenchSkip> {
        guard let python = ProcessInfo.processInfo.environment["WGMFIG_BENCH_PYTHON"], !python.isEmpty else {
            return .failure(BenchSkip("WGMFIG_BENCH_PYTHON is not set (run `make bench`)"))
        }
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return .failure(BenchSkip("python '\(python)' not found"))
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/oracles/spb_qutip_bench.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, "--cutoff", "\(cutoff)", "--delta", "\(r.detuning)", "--jre", "\(r.coupling.re)",
                             "--jim", "\(r.coupling.im)", "--gamma", "\(r.gamma)", "--chi", "\(r.kerr)", "--xi", "\(r.drive)",
                             "--seconds", "3"]
        var env = ProcessInfo.processInfo.environment
        env["OPENBLAS_NUM_THREADS"] = "1"; env["OMP_NUM_THREADS"] = "1"; env["MKL_NUM_THREADS"] = "1"
        env["PYTHONWARNINGS"] = "ignore"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out; process.standardError = err
        do { try process.run() } catch { return .failure(BenchSkip("cannot run \(python): \(error)")) }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return .failure(BenchSkip("baseline script failed (exit \(process.terminationStatus))"))
        }
        return .success(json)
    }

    struct BenchSkip: Error { let why: String; init(_ w: String) { why = w } }

    static func rel(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }
    static func format(_ x: Double) -> String { String(format: x >= 100 ? "%.0f" : "%.3g", x) }
    static func sci(_ x: Double) -> String { String(format: "%.1e", x) }
}

extension PhotonBlockadeBench.BenchSkip: CustomStringConvertible { var description: String { why } }
