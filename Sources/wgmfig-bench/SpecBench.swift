import Figures
import Foundation

/// A YAML spec's sweep beside the built-in panel it reproduces, per grid point, one thread each:
/// om-3b (E_N,r over β and ε/Γ with η = ε at Δ̃ = 0.85Γ) is a hand-written loop that precomputes
/// nothing per axis; the spec below runs the same points through `SweepEngine` (target: within 10 %).
enum SpecBench {
    static let yaml = """
        model: om
        inputs: {eta_over_eps: 1, Delta_tilde_over_Gamma: 0.85}
        sweep:
          - {input: beta_rad, range: [0, pi/2], count: {final: 201, draft: 33}}
          - {input: eps_over_Gamma, range: [0, 2], count: {final: 201, draft: 33}}
        outputs: [EN_r]
        """

    static func run() {
        do {
            guard case .panel(let spec) = try SpecFile.parse(yaml, file: "bench.yaml", defaultID: "om-3b-yaml").entry else { return }
            let builtIn = try Catalog.panel("om-3b")
            // Alternated, best of 5 each: the two see the same machine load.
            var ours = (micros: Double.infinity, points: 0, csv: ""), theirs = ours
            for _ in 0..<5 {
                let a = try perPoint(spec), b = try perPoint(builtIn)
                if a.micros < ours.micros { ours = a }
                if b.micros < theirs.micros { theirs = b }
            }
            let same = ours.csv == theirs.csv ? "same CSV" : "CSV DIFFERS"
            print(String(format: "spec: YAML sweep %.2f µs/point vs built-in om-3b %.2f µs/point (%d points, 1 thread, best of 5 alternated): %.2f× the built-in's cost, %@",
                         ours.micros, theirs.micros, ours.points, ours.micros / theirs.micros, same))
        } catch { print("spec: FAILED (\(error))") }
    }

    /// Wall time per point of a cold computation at final quality on one thread.
    static func perPoint(_ spec: FigureSpec) throws -> (micros: Double, points: Int, csv: String) {
        var best = Double.infinity, csv = "", points = 0
        for _ in 0..<1 {
            let provider = DataProvider(cache: FigureCache(directory: FileManager.default.temporaryDirectory
                .appendingPathComponent("wgmfig-bench-spec-\(UUID().uuidString)")), readCache: false, threads: 1)
            let start = Date()
            let data = try provider.data(for: spec, quality: .final)
            best = min(best, Date().timeIntervalSince(start))
            let table = try data.data.table()
            points = table.rowCount
            csv = CSV.text(table)
        }
        return (best / Double(points) * 1e6, points, csv)
    }
}
