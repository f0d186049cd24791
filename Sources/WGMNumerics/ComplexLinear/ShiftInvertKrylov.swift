import Foundation

/// An orthonormal basis of the shift-and-invert Krylov space
/// 𝒦_m = span{v, (A − s)⁻¹v, …, (A − s)^{−(m−1)}v} together with the Rayleigh quotient
/// H_m = V_m† A V_m, for approximating e^{tA}v ≈ V_m e^{t H_m} V_m† v (van den Eshof & Hochbruck,
/// SIAM J. Sci. Comput. 27, 1438 (2006); Rayleigh–Ritz form, which tolerates inexact inner solves).
///
/// Shift-and-invert favours the eigenvalues of A nearest the real shift s > 0, i.e. the slowly
/// decaying part of a dissipative generator, so an observable dominated by slow modes converges in
/// a space of a few tens of vectors whatever ‖A‖ is. The space is grown step by step (`extend`),
/// keeping A·v_j for each vector so that H_m grows by one row and column per step.
public struct ShiftInvertKrylovSpace {
    /// Length of the vectors.
    public let order: Int
    /// Vectors in the basis, m.
    public private(set) var dimension = 0
    /// True when the last solve added no new direction (the space is invariant under A).
    public private(set) var isInvariant = false
    /// The norm of the start vector.
    public let startNorm: Double
    private var basis: [Complex] = []   // column j at j·order
    private var image: [Complex] = []   // A·v_j at j·order
    private var projected: [Complex] = [] // H row-major with stride `capacity`
    private let capacity: Int

    /// Starts the space at v (v ≠ 0); `capacity` is the largest dimension it may reach.
    public init(start v: [Complex], capacity: Int, apply: ComplexLinearMap) throws {
        order = v.count
        guard order > 0, capacity > 0 else { throw ComplexSolveError.dimensionMismatch("empty Krylov space") }
        guard v.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("Krylov start vector") }
        self.capacity = Swift.min(capacity, order)
        let n = order
        let beta = v.withUnsafeBufferPointer { ComplexKernels.norm2($0.baseAddress!, n) }
        startNorm = beta
        guard beta > 0 else { throw ComplexSolveError.nonFinite("zero Krylov start vector") }
        basis.reserveCapacity(order * self.capacity); image.reserveCapacity(order * self.capacity)
        projected = [Complex](repeating: .zero, count: self.capacity * self.capacity)
        append(v.map { (1 / beta) * $0 }, apply: apply)
    }

    /// Adds up to `count` vectors: w = deflate((A − s)⁻¹ v_last), orthogonalised twice (CGS2).
    /// `solve(b)` returns (A − s)⁻¹b; `deflate` may remove a known invariant component.
    public mutating func extend(by count: Int, solve: ([Complex]) throws -> [Complex],
                                deflate: (inout [Complex]) -> Void, apply: ComplexLinearMap) throws {
        for _ in 0..<count where dimension < capacity && !isInvariant {
            var w = try solve(Array(basis[((dimension - 1) * order)..<(dimension * order)]))
            guard w.count == order, w.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("shift-invert solve") }
            deflate(&w)
            let before = norm(w)
            for _ in 0..<2 { orthogonalise(&w) }
            let after = norm(w)
            if !(after > 1e-12 * before) { isInvariant = true; return }
            append(w.map { (1 / after) * $0 }, apply: apply)
        }
    }

    /// H_m = V_m† A V_m.
    public var rayleighQuotient: ComplexMatrix {
        ComplexMatrix(rows: dimension, columns: dimension) { i, j in projected[i * capacity + j] }
    }

    /// uᵀ V_m (no conjugation): the row that turns reduced coordinates into uᵀx.
    public func functional(_ u: [Complex]) -> [Complex] {
        precondition(u.count == order)
        return (0..<dimension).map { j in
            var s = Complex.zero
            for i in 0..<order { s += u[i] * basis[j * order + i] }
            return s
        }
    }

    private func norm(_ w: [Complex]) -> Double { w.withUnsafeBufferPointer { ComplexKernels.norm2($0.baseAddress!, order) } }

    private func orthogonalise(_ w: inout [Complex]) {
        basis.withUnsafeBufferPointer { pv in
            w.withUnsafeMutableBufferPointer { pw in
                for j in 0..<dimension {
                    let h = ComplexKernels.dotc(pv.baseAddress! + j * order, pw.baseAddress!, order)
                    ComplexKernels.axpy(-h, pv.baseAddress! + j * order, pw.baseAddress!, order)
                }
            }
        }
    }

    /// Appends a unit vector orthogonal to the basis, its image, and the new row and column of H.
    private mutating func append(_ v: [Complex], apply: ComplexLinearMap) {
        var av = [Complex](repeating: .zero, count: order)
        v.withUnsafeBufferPointer { x in av.withUnsafeMutableBufferPointer { y in apply(x, y) } }
        basis.append(contentsOf: v); image.append(contentsOf: av)
        let k = dimension
        dimension += 1
        basis.withUnsafeBufferPointer { pv in
            image.withUnsafeBufferPointer { pa in
                for j in 0...k {
                    // H[j, k] = v_j† A v_k, H[k, j] = v_k† A v_j.
                    projected[j * capacity + k] = ComplexKernels.dotc(pv.baseAddress! + j * order, pa.baseAddress! + k * order, order)
                    projected[k * capacity + j] = ComplexKernels.dotc(pv.baseAddress! + k * order, pa.baseAddress! + j * order, order)
                }
            }
        }
    }
}

/// The reduced linear system y' = H y, y(0) = y₀, observed through a row c: f(t) = c·y(t).
public struct ReducedPropagator {
    /// The reduced generator (m × m).
    public let generator: ComplexMatrix
    /// Initial coordinates.
    public let start: [Complex]
    /// Observation row.
    public let row: [Complex]

    /// A reduced system.
    public init(generator: ComplexMatrix, start: [Complex], row: [Complex]) {
        self.generator = generator; self.start = start; self.row = row
    }

    /// f(t_k) for times sorted ascending (t ≥ 0), stepping between them with e^{HΔt} (Δt at most
    /// `maxStep`). Gaps that agree to `gapTolerance` (relative) share one exponential, so a grid
    /// uniform up to rounding costs one matrix exponential, not one per time: y is then known at a
    /// time within `gapTolerance`·Δt of t_k (the shift is not accumulated: every gap is measured
    /// from the time y is known at), i.e. |f(t_k) − f_reported| ≤ gapTolerance·Δt·max|f′|. Once
    /// `isSettled(‖y(t)‖)` holds, the rest is reported as zero and the time at which it held is
    /// returned. Throws when more than `maxSteps` steps of `maxStep` would be needed before settling.
    public func observe(sortedTimes times: [Double], maxStep: Double, maxSteps: Int = 100_000,
                        gapTolerance: Double = 1e-10,
                        isSettled: (Double) -> Bool) throws -> (values: [Complex], settledAt: Double?) {
        var y = start, now = 0.0
        var cache: [(gap: Double, map: ComplexMatrix)] = []
        var out: [Complex] = []
        out.reserveCapacity(times.count)
        var settled: Double?
        var steps = 0
        /// Advances y by (about) `gap`; returns the gap actually stepped.
        func advance(_ gap: Double) throws -> Double {
            let step: (gap: Double, map: ComplexMatrix)
            if let hit = cache.first(where: { abs($0.gap - gap) <= gapTolerance * $0.gap }) {
                step = hit
            } else {
                step = (gap, try (gap * generator).exponential())
                if cache.count == 4 { cache.removeFirst() }
                cache.append(step)
            }
            y = step.map.multiply(y)
            guard y.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("reduced propagation") }
            return step.gap
        }
        for t in times {
            while settled == nil && t - now > maxStep {
                steps += 1
                if steps > maxSteps {
                    throw ComplexSolveError.notConverged(method: "reduced propagation (not settling)", iterations: steps, relativeResidual: .nan)
                }
                now += try advance(maxStep)
                if isSettled(norm(y)) { settled = now }
            }
            if settled != nil { out.append(.zero); continue }
            if t > now { now += try advance(t - now) }
            out.append(zip(row, y).reduce(Complex.zero) { $0 + $1.0 * $1.1 })
            if isSettled(norm(y)) { settled = now }
        }
        return (out, settled)
    }

    private func norm(_ y: [Complex]) -> Double { y.reduce(0.0) { $0 + $1.normSquared }.squareRoot() }
}
