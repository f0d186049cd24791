import Foundation
import PhotonBlockade

/// Steady states over many rate sets at one fixed Fock cutoff, with the truncation checked as the
/// data are made: at every `checkStride`-th point the state is solved again with one more Fock
/// state per mode and the plotted observables are compared. Failed solves become nil (NaN in the
/// tables) and are counted in a note; nothing is drawn from them.
struct CheckedSweep: Sendable {
    /// Fock states per mode.
    let cutoff: Int
    /// Solve again with cutoff + 1 at every `checkStride`-th point (and the last).
    let checkStride: Int
    /// Largest relative change (cutoff → cutoff + 1) accepted without a warning note.
    let tolerance: Double

    init(cutoff: Int, checkStride: Int, tolerance: Double = 1e-3) {
        self.cutoff = cutoff; self.checkStride = max(1, checkStride); self.tolerance = tolerance
    }

    /// What a sweep found: observables per point (nil: not converged) and the truncation check.
    struct Outcome: Sendable {
        /// Observables per point, nil where the solver failed.
        var observables: [BlockadeObservables?]
        /// Largest relative change of the watched observables from cutoff to cutoff + 1.
        var worstChange: Double
        /// Number of points solved twice.
        var checkedPoints: Int
        /// First failure message, if any point failed.
        var firstFailure: String?
        /// Number of failed points.
        var failures: Int { observables.filter { $0 == nil }.count }

        /// `f` at every point, NaN where the solve failed.
        func values(_ f: (BlockadeObservables) -> Double) -> [Double] { observables.map { $0.map(f) ?? .nan } }
    }

    /// Solves every rate set (nil rates count as failures) and checks the truncation on the
    /// observables `watched` returns (compared relative to their size, floored at `floor`).
    func run(_ context: ComputeContext, rates: [ModelRates?], floor: Double = 1e-300,
             watched: @escaping @Sendable (BlockadeObservables) -> [Double]) throws -> Outcome {
        let main = try SteadyStateSolver(cutoff: cutoff), finer = try SteadyStateSolver(cutoff: cutoff + 1)
        var checks = Array(stride(from: 0, to: rates.count, by: checkStride))
        if let last = rates.indices.last, checks.last != last { checks.append(last) }
        let count = rates.count, checkIndices = checks
        let solved: [Result<BlockadeObservables, Error>] = context.map(count + checkIndices.count) { i in
            let point = i < count ? i : checkIndices[i - count]
            let solver = i < count ? main : finer
            guard let r = rates[point] else { return .failure(FigureError.computation("spb", "invalid parameters")) }
            return Result { try solver.solve(r).observables }
        }
        var outcome = Outcome(observables: solved.prefix(count).map { try? $0.get() }, worstChange: 0,
                              checkedPoints: 0, firstFailure: nil)
        for case .failure(let e) in solved.prefix(count) { outcome.firstFailure = "\(e)"; break }
        for (k, point) in checkIndices.enumerated() {
            guard let a = outcome.observables[point], let b = try? solved[count + k].get() else { continue }
            outcome.checkedPoints += 1
            for (x, y) in zip(watched(a), watched(b)) {
                outcome.worstChange = max(outcome.worstChange, abs(x - y) / max(abs(y), floor))
            }
        }
        return outcome
    }

    /// Metadata ("cutoff", "cutoff_check") and notes (failures, a check above tolerance) for `outcome`.
    func report(_ outcome: Outcome, watchedNames: String) -> (metadata: [(key: String, value: String)], notes: [String]) {
        let check = String(format: "%.1e", outcome.worstChange)
        let metadata: [(key: String, value: String)] = [
            (key: "cutoff", value: "\(cutoff)"),
            (key: "cutoff_check", value: "\(watchedNames) change by at most \(check) (relative) from \(cutoff) to \(cutoff + 1) Fock states per mode at \(outcome.checkedPoints) sample points"),
        ]
        var notes: [String] = []
        if outcome.worstChange > tolerance {
            notes.append("Truncation: \(watchedNames) change by up to \(check) from \(cutoff) to \(cutoff + 1) Fock states per mode (more than \(tolerance)).")
        }
        if outcome.failures > 0 {
            notes.append("\(outcome.failures) of \(outcome.observables.count) points did not converge and are left empty (NaN): \(outcome.firstFailure ?? "")")
        }
        return (metadata, notes)
    }
}
