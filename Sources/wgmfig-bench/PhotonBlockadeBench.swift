import Foundation
import CLapack
import WGMNumerics
import PhotonBlockade

/// Steady states of the photon-blockade model (tip at (0.35, 0.27) µm) at 4–12 Fock states per
/// mode, side by side with QuTiP 5's `steadystate` (its default, method "direct") on the same
/// Hamiltonian stored as QuTiP users build it (sparse CSR) and, up to cutoff 8, as dense arrays
/// (Tests/oracles/spb_qutip_bench.py); every result judged against that script's 40-digit
/// reference solve.
enum PhotonBlockadeBench {
    static let cutoffs = [4, 5, 6, 8, 10, 12]
    /// Dense QuTiP solves cost O(cutoff^12): beyond 8 they take minutes each.
    static let denseUpTo = 8

    static func run() {
        openblas_set_num_threads(1)   // single core: no BLAS threads inside LAPACK calls
        for cutoff in cutoffs {
            do { print(try line(cutoff: cutoff)) } catch { print("spb steadystate cutoff \(cutoff): failed: \(error)") }
        }
        do { try sweep() } catch { print("spb sweep: failed: \(error)") }
    }

    static func line(cutoff: Int) throws -> String {
        let rates = try BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27))).rates()
        let solver = try SteadyStateSolver(cutoff: cutoff)
        let state = try solver.solve(rates)
        let (perSolve, count) = BenchClock.mean(seconds: 1) { _ = try? solver.solve(rates) }
        var text = "spb steadystate (tip r=0.35 phi=0.27, cutoff \(cutoff), L \(cutoff * cutoff * cutoff * cutoff)^2, 1 core): "
            + "wgmfig \(ms(perSolve)) (\(count) solves, \(state.diagnostics.iterations) GMRES its)"
        let storages = cutoff <= denseUpTo ? "csr,dense" : "csr"
        let arguments = PythonBaseline.rateArguments(cutoff: cutoff, rates)
            + ["--seconds", "1", "--min-solves", cutoff >= 10 ? "1" : "3", "--storage", storages]
        switch PythonBaseline.json("spb_qutip_bench.py", arguments) {
        case .failure(let why):
            return text + " | QuTiP baseline FAILED: \(why)"
        case .success(let b):
            guard let refG2 = b["ref_g2"] as? Double, let refG4 = b["ref_g4"] as? Double else {
                return text + " | reference FAILED: no ref_g2/ref_g4 in the script's output"
            }
            let g2 = state.correlation(order: 2), g4 = state.correlation(order: 4)
            text += " rel. err g2 \(sci(rel(g2, refG2))) g4 \(sci(rel(g4, refG4)))"
            let version = b["qutip_version"] as? String ?? "?"
            let runs = b["qutip"] as? [String: Any] ?? [:]
            for storage in storages.split(separator: ",").map(String.init) {
                let name = storage == "csr" ? "default (direct, sparse CSR)" : "direct, dense Qobj"
                guard let r = runs[storage] as? [String: Any], let t = r["seconds_per_solve"] as? Double,
                      let qg2 = r["g2"] as? Double, let qg4 = r["g4"] as? Double else {
                    let why = (runs[storage] as? [String: Any])?["error"] as? String ?? b["error"] as? String ?? "no result"
                    text += " | QuTiP \(storage) FAILED: \(why)"
                    continue
                }
                text += " | QuTiP \(version) \(name) \(ms(t)) rel. err g2 \(sci(rel(qg2, refG2))) g4 \(sci(rel(qg4, refG4)))"
                    + " ratio \(String(format: "%.0f", t / perSolve))x"
            }
            return text
        }
    }

    /// The Fig. 4a kernel: R over a (φ, r) grid at cutoff 6 on all threads (ideal reference solved once).
    static func sweep() throws {
        let cutoff = 6
        let setups = (0..<800).map { i in
            BlockadeSetup(configuration: .tip(TipPosition(r: 0.8 * Double(i / 40) / 19, phi: Double(i % 40) / 39)))
        }
        let solver = try TruncatedSolver(truncation: .fixed(cutoff))
        let threads = Parallel.defaultThreadCount
        var r: [Double] = []
        let s = BenchClock.seconds(ContinuousClock().measure {
            r = (try? BlockadeSweep.efficiency(setups, solver: solver, threads: threads)) ?? []
        })
        print("spb sweep R(phi, r) 40x20 grid, cutoff \(cutoff), \(threads) threads: \(String(format: "%.3g", s)) s "
              + "(\(String(format: "%.3g", s / 801 * 1e3)) ms per steady state, max R \(String(format: "%.3g", r.max() ?? .nan)))")
    }

    /// |a − b| / |b|; nil when the reference is exactly zero (g4 at cutoff 4: no four-photon states).
    static func rel(_ a: Double, _ b: Double) -> Double? { b == 0 ? nil : abs(a - b) / abs(b) }
    static func ms(_ s: Double) -> String { String(format: s < 1 ? "%.3g ms" : "%.3g s", s < 1 ? s * 1e3 : s) }
    static func sci(_ x: Double?) -> String { x.map { String(format: "%.1e", $0) } ?? "n/a" }
}
