import Foundation
import WGMNumerics
import Optomechanics

/// How much of the stable red side Δ̃ ∈ (0, 8Γ] is unstable for a coupling, on the grid the
/// detuning search uses.
struct RedSideStability: Sendable, Equatable {
    /// Unstable points of the search grid.
    let unstable: Int
    /// Points of the search grid.
    let total: Int
    /// True when some red-side point is unstable (the maximum is then over the stable part).
    var hasWindow: Bool { unstable > 0 }
}

/// The extrema over detuning of one scatterer configuration with its red-side stability.
struct DetuningOptimum: Sendable, Equatable {
    /// max E_N,r, E_N,l, |G_r|, |G_l| over the stable red side; min T over all Δ̃.
    let extremes: DetuningExtremes
    /// The red side's stability.
    let stability: RedSideStability
}

/// The computations the om panels share: detuning lines at Δ̃ = Δ + Δ_J, optimisations shared
/// among points with the same |J1|, red-side stability, and the computed notes.
enum OMSweeps {
    /// The detuning search of PHYSICS.md (max over Δ̃ ∈ (0, 8Γ], min T over [−8Γ, 8Γ]).
    static let search = DetuningSearch()

    /// The points of each scatterer configuration at Δ̃ = Δ + Δ_J for every Δ/Γ in `deltas`
    /// (Δ_J = Re(Σ ε_j + η) of that configuration), in one parallel sweep.
    static func detuningLines(_ model: OptomechanicalModel, _ configurations: [Scatterers], deltas: [Double],
                              context: ComputeContext) -> [[OptomechanicalPoint]] {
        let couplings = configurations.map { model.coupling($0) }
        let shifts = configurations.map(\.detuningShift)
        let n = deltas.count
        let flat = context.map(configurations.count * n) { k in
            model.point(coupling: couplings[k / n], detuningOverGamma: deltas[k % n] + shifts[k / n])
        }
        return (0..<configurations.count).map { Array(flat[$0 * n..<($0 + 1) * n]) }
    }

    /// The key under which couplings share one evaluation: |J1|/Γ rounded to 1e-12.
    static func magnitudeKey(_ coupling: BackscatteringCoupling) -> Int64 {
        Int64((coupling.magnitude * 1e12).rounded())
    }

    /// f(coupling) for every coupling, evaluated once per distinct |J1| (to 1e-12 Γ) with the
    /// first coupling of that |J1| standing in for the others: every output of the model depends
    /// on the scatterers only through |J1| (PHYSICS.md; OptomechanicsTests.InvarianceTests), so
    /// this is exact up to a 1e-12 change of |J1|. Also returns the number of evaluations.
    static func sharedByMagnitude<T: Sendable>(_ couplings: [BackscatteringCoupling], context: ComputeContext,
                                               _ f: @escaping @Sendable (BackscatteringCoupling) -> T) -> (values: [T], evaluations: Int) {
        var index: [Int64: Int] = [:], representatives: [BackscatteringCoupling] = []
        let slots = couplings.map { c -> Int in
            let key = magnitudeKey(c)
            if let i = index[key] { return i }
            index[key] = representatives.count
            representatives.append(c)
            return representatives.count - 1
        }
        let reps = representatives
        let distinct = context.map(reps.count) { f(reps[$0]) }
        return (slots.map { distinct[$0] }, reps.count)
    }

    /// Unstable points of the red-side search grid (Routh–Hurwitz on each).
    static func redSideStability(_ model: OptomechanicalModel, _ coupling: BackscatteringCoupling) -> RedSideStability {
        let grid = Minimize.uniformGrid(lower: 0, upper: search.redSideUpper, count: search.redSideGridCount, openLower: true)
        let unstable = grid.filter { !model.isStable(coupling: coupling, detuningOverGamma: $0) }.count
        return RedSideStability(unstable: unstable, total: grid.count)
    }

    /// All extrema over detuning with the red side's stability.
    static func optimum(_ model: OptomechanicalModel, _ coupling: BackscatteringCoupling) -> DetuningOptimum {
        DetuningOptimum(extremes: model.detuningExtremes(coupling: coupling, search: search),
                        stability: redSideStability(model, coupling))
    }

    /// "412 of 40401 grid points are dynamically unstable and masked." (nil when none are).
    static func maskedNote(_ values: [Double], what: String = "grid points", consequence: String = "are dynamically unstable and masked") -> String? {
        let masked = values.filter(\.isNaN).count
        guard masked > 0 else { return nil }
        return "\(masked) of \(values.count) \(what) \(consequence)."
    }

    /// "N of M grid points have an unstable window on the red side …" (nil when none have).
    static func windowNote(_ stability: [RedSideStability], what: String) -> String? {
        let windows = stability.filter(\.hasWindow).count
        guard windows > 0 else { return nil }
        let full = stability.filter { $0.unstable == $0.total }.count
        var text = "\(windows) of \(stability.count) \(what) have a dynamically unstable window on the red side "
            + "Δ̃ ∈ (0, 8Γ]; the maximum there is over the stable part only"
        if full > 0 { text += " (\(full) have no stable red-side point: no value, masked)" }
        return text + "."
    }

    /// "The optimisation ran once per distinct |J1| (K evaluations for N points)".
    static func sharingNote(evaluations: Int, points: Int) -> String {
        "Every output depends on the scatterers only through |J1| (PHYSICS.md): the detuning optimisation ran "
            + "once per distinct |J1| value (\(evaluations) optimisations for \(points) points)."
    }
}
