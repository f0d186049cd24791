import Foundation
import CLapack
import WGMNumerics
import PhotonBlockade

/// g2(τ) curves of 201 delays (τγ1 ∈ [0, 10], tip at (0.35, 0.27) µm, Δ = 0), steady state
/// included, at 5–12 Fock states per mode: ours beside QuTiP 5's `coherence_function_g2` with its
/// default integrator and with `vern7` (the fastest accurate one measured), all three judged
/// against the same reference (sparse LU + `expm_multiply`, Tests/oracles/spb_g2_bench.py).
enum CorrelationBench {
    static let cutoffs = [5, 6, 8, 10, 12]
    static let points = 201

    static func run() {
        openblas_set_num_threads(1)
        for cutoff in cutoffs {
            do { print(try line(cutoff: cutoff)) } catch { print("spb g2(τ) cutoff \(cutoff): failed: \(error)") }
        }
    }

    static func line(cutoff: Int) throws -> String {
        let gamma1 = try BlockadeSetup(configuration: .ideal).rates().gamma
        let rates = try BlockadeSetup(configuration: .tip(TipPosition(r: 0.35, phi: 0.27))).rates()
        let tauMax = 10 / gamma1
        let delays = (0..<points).map { tauMax * Double($0) / Double(points - 1) }
        let solver = try SteadyStateSolver(cutoff: cutoff)
        var curve: [Double] = []
        let seconds = try BenchClock.best(of: cutoff <= 8 ? 5 : 2) {
            curve = try solver.secondOrderCorrelation(try solver.solve(rates), delays: delays)
        }
        var text = "spb g2(τ) \(points) delays, cutoff \(cutoff) (L \(cutoff * cutoff * cutoff * cutoff)^2, 1 core): wgmfig \(ms(seconds))"
        let arguments = PythonBaseline.rateArguments(cutoff: cutoff, rates) + ["--tau-max", "\(tauMax)", "--points", "\(points)"]
        switch PythonBaseline.json("spb_g2_bench.py", arguments) {
        case .failure(let why):
            return text + " | QuTiP baseline FAILED: \(why)"
        case .success(let json):
            guard let reference = json["reference"] as? [Double], reference.count == points else {
                return text + " | reference FAILED: no curve in the script's output"
            }
            let error = zip(curve, reference).map { abs($0 - $1) / abs($1) }.max() ?? .nan
            text += " rel. err \(sci(error))"
            let version = json["qutip_version"] as? String ?? "?"
            let methods = json["qutip"] as? [String: Any] ?? [:]
            for name in ["default", "vern7"] {
                guard let m = methods[name] as? [String: Any], let t = m["seconds"] as? Double,
                      let e = m["max_rel_error"] as? Double else {
                    text += " | QuTiP \(name) FAILED: \((methods[name] as? [String: Any])?["error"] as? String ?? json["error"] as? String ?? "no result")"
                    continue
                }
                text += " | QuTiP \(version) \(name) \(ms(t)) rel. err \(sci(e)) ratio \(String(format: "%.0f", t / seconds))x"
            }
            return text
        }
    }

    static func ms(_ s: Double) -> String { String(format: s < 1 ? "%.1f ms" : "%.2f s", s < 1 ? s * 1e3 : s) }
    static func sci(_ x: Double) -> String { String(format: "%.1e", x) }
}
