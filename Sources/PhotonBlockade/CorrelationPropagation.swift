import Foundation
import WGMNumerics

/// The pieces of the g2(τ) propagation of one steady state: the Liouvillian, ρ_ss, the traceless
/// part δ = a1ρ_ss a1† − n1ρ_ss of the regression-theorem initial state, and the observable.
struct CorrelationProblem {
    let structure: LiouvillianStructure
    let rates: ModelRates
    let liouvillian: SparseComplexMatrix
    let stationary: [Complex]
    let initial: [Complex]
    let traceless: [Complex]
    let photonNumber: Double
    /// Diagonal element indices and photon numbers m of a1†a1 there.
    let diagonal: [(element: Int, photons: Double)]

    init(structure: LiouvillianStructure, state: BlockadeSteadyState) {
        let space = structure.space
        self.structure = structure
        rates = state.rates
        liouvillian = structure.liouvillian(state.rates)
        var rho = [Complex](repeating: .zero, count: space.elementCount)
        for i in 0..<space.dimension { for j in 0..<space.dimension { rho[space.element(i, j)] = state.density[i, j] } }
        stationary = rho
        initial = SteadyStateSolver.annihilated(space, state.density)
        photonNumber = state.photonNumber(.clockwise)
        let n1 = photonNumber
        traceless = zip(initial, rho).map { $0 - n1 * $1 }
        diagonal = (0..<space.dimension).map { (space.element($0, $0), Double(space.photons($0).m)) }
    }

    var order: Int { structure.space.elementCount }

    /// Removes the stationary component: w ← w − Tr(w)·ρ_ss (keeps the space traceless).
    func deflate(_ w: inout [Complex]) {
        var trace = Complex.zero
        for (e, _) in diagonal { trace += w[e] }
        for i in 0..<w.count { w[i] -= trace * stationary[i] }
    }

    /// The row u with uᵀx = Tr[a1†a1 x].
    var observable: [Complex] {
        var u = [Complex](repeating: .zero, count: order)
        for (e, m) in diagonal { u[e] = Complex(m) }
        return u
    }

    /// g2 on the delays from a shift-and-invert Krylov space (see
    /// `SteadyStateSolver.secondOrderCorrelation`); throws when it does not converge.
    func shiftInvert(delays: [Double], tolerance: Double, exactLevels: Int) throws -> [Double] {
        let n = order, l = liouvillian
        let shift = 4 * rates.gamma
        // σ(0) = a1 ρ_ss a1† and ρ_ss are Hermitian, and L, (L − s)⁻¹ and the deflation keep every
        // vector of the space Hermitian: each shifted solve runs on the Hermitian part of its right
        // side (the space's complex orthogonalisation leaves anti-Hermitian rounding in it) with
        // products on half the elements, real GMRES coefficients and the mirrored preconditioner,
        // as the steady-state solve does.
        let hermitian = structure.hermitian
        let pre = try SectorPreconditioner(structure: structure, matrix: l, rates: rates,
                                           exactLevels: exactLevels, shift: shift, hermitianInput: true)
        let apply: ComplexLinearMap = { x, y in l.multiply(x, into: y) }
        let shifted: ComplexLinearMap = { x, y in
            hermitian.multiply(l, x, into: y)
            for i in 0..<n { y[i] -= shift * x[i] }
        }
        let solve: ([Complex]) throws -> [Complex] = { b in
            var h = b
            hermitian.makeHermitian(&h)
            return try GMRES.solve(order: n, rightHandSide: h, relativeTolerance: 1e-11, restart: 30,
                                   maxIterations: 300, scalars: .real, apply: shifted, precondition: pre.apply).solution
        }
        // Basis and images: 2·m vectors of n complex numbers, kept under 1 GiB.
        let capacity = min(160, max(8, (1 << 30) / (32 * n)))
        var space = try ShiftInvertKrylovSpace(start: traceless, capacity: capacity, apply: apply)
        let sorted = delays.indices.sorted { delays[$0] < delays[$1] }
        let times = sorted.map { delays[$0] }
        let u = observable, n1 = photonNumber
        let cutoff = Double(structure.space.cutoff)
        let settleNorm = 1e-14 * n1 * n1 / ((cutoff - 1) * cutoff)
        // Relaxation is slower than γ/2 at most by the drive; step at most 2/γ between times.
        let maxStep = 2 / rates.gamma
        func curve() throws -> [Double] {
            let reduced = ReducedPropagator(generator: space.rayleighQuotient,
                                            start: [Complex(space.startNorm)] + [Complex](repeating: .zero, count: space.dimension - 1),
                                            row: space.functional(u))
            let (values, _) = try reduced.observe(sortedTimes: times, maxStep: maxStep) { $0 <= settleNorm }
            return values.map { 1 + $0.re / (n1 * n1) }
        }
        var previous: [Double]?, agreements = 0
        try space.extend(by: 9, solve: solve, deflate: deflate, apply: apply)
        while true {
            let now = try curve()
            if let p = previous {
                let change = zip(now, p).reduce(0.0) { max($0, abs($1.0 - $1.1) / max(abs($1.0), 1e-6)) }
                agreements = change <= tolerance ? agreements + 1 : 0
            }
            if agreements >= 2 || space.isInvariant {
                var out = [Double](repeating: .nan, count: delays.count)
                for (k, i) in sorted.enumerated() { out[i] = now[k] }
                return out
            }
            guard space.dimension < capacity else {
                throw PhotonBlockadeError.numerical("g2(tau): shift-invert space did not converge in \(capacity) vectors")
            }
            previous = now
            try space.extend(by: 5, solve: solve, deflate: deflate, apply: apply)
        }
    }

    /// g2 on the delays by Krylov time stepping of σ(0) itself, with local error control
    /// (`tolerance` per µs relative to ‖σ(0)‖): the fallback, whose cost grows with ‖L‖·τ.
    func timeStepping(delays: [Double], tolerance: Double) throws -> [Double] {
        let l = liouvillian, space = structure.space, n1 = photonNumber
        let longest = delays.max() ?? 0
        guard longest * l.oneNorm <= 1e7 else {
            throw PhotonBlockadeError.numerical("g2(tau): time stepping to tau = \(longest) us would take more than 1e7/‖L‖ steps")
        }
        var out = [Double](repeating: .nan, count: delays.count)
        let apply: ComplexLinearMap = { x, y in l.multiply(x, into: y) }
        do {
            try KrylovExponential(krylovDimension: 30, tolerance: tolerance)
                .propagate(order: space.elementCount, vector: initial, times: delays, normEstimate: l.oneNorm, apply: apply) { k, w in
                    out[k] = SteadyStateSolver.cwNumber(space, w) / (n1 * n1)
                }
        } catch { throw PhotonBlockadeError.numerical("g2(tau) propagation: \(error)") }
        return out
    }
}
