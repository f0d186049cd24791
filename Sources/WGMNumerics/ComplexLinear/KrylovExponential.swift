import Foundation

/// The action of a matrix exponential, w(t) = e^{tA}·v, by Krylov projection with a posteriori
/// error control and adaptive time steps (Sidje, ACM TOMS 24, 130 (1998), "Expokit", algorithm
/// expv). The operator is given as a closure, so sparse and matrix-free operators both work.
public struct KrylovExponential: Sendable {
    /// Krylov subspace dimension per step.
    public var krylovDimension: Int
    /// Local error allowed per unit time, relative to ‖v‖.
    public var tolerance: Double
    /// Largest number of accepted steps before giving up.
    public var maxSteps: Int

    /// A propagator with the given subspace size and tolerance.
    public init(krylovDimension: Int = 30, tolerance: Double = 1e-12, maxSteps: Int = 100_000) {
        self.krylovDimension = krylovDimension; self.tolerance = tolerance; self.maxSteps = maxSteps
    }

    /// Calls `observe(k, w)` with w = e^{t_k A}·v for every time in `times` (any order; t ≥ 0),
    /// in increasing time. `normEstimate` is ‖A‖ (any consistent norm; used for the first step).
    public func propagate(order n: Int, vector v: [Complex], times: [Double], normEstimate: Double,
                          apply: ComplexLinearMap, observe: (Int, [Complex]) -> Void) throws {
        guard v.count == n else { throw ComplexSolveError.dimensionMismatch("vector of length \(v.count) for order \(n)") }
        guard times.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw ComplexSolveError.nonFinite("times must be finite and ≥ 0")
        }
        guard normEstimate.isFinite, v.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("Krylov input") }
        let order = times.indices.sorted { times[$0] < times[$1] }
        var next = 0
        while next < order.count && times[order[next]] == 0 { observe(order[next], v); next += 1 }
        if next == order.count { return }
        let v0norm = v.withUnsafeBufferPointer { ComplexKernels.norm2($0.baseAddress!, n) }
        if v0norm == 0 { while next < order.count { observe(order[next], v); next += 1 }; return }
        let anorm = Swift.max(normEstimate, Double.leastNormalMagnitude)
        var state = StepState(n: n, m: Swift.max(1, Swift.min(krylovDimension, n)), anorm: anorm, w: v)
        let tEnd = times[order.last!]
        let m = state.m
        let fact = pow(Double(m + 1) / M_E, Double(m + 1)) * (2 * Double.pi * Double(m + 1)).squareRoot()
        let absTol = tolerance * v0norm
        var tNew = (1 / anorm) * pow((fact * absTol) / (4 * v0norm * anorm), 1 / Double(m))
        tNew = roundStep(tNew)
        var tNow = 0.0, steps = 0
        while tNow < tEnd {
            steps += 1
            if steps > maxSteps { throw ComplexSolveError.notConverged(method: "Krylov exponential", iterations: steps, relativeResidual: .nan) }
            let arnoldi = state.arnoldi(apply: apply)
            // An invariant subspace (happy breakdown) makes the projection exact for any time.
            var tStep = arnoldi.breakdown ? tEnd - tNow : Swift.min(tEnd - tNow, tNew)
            var rejects = 0
            var accepted: (err: Double, xm: Double)
            while true {
                let (err, xm) = try state.localError(step: tStep, arnoldi: arnoldi)
                if err <= 1.2 * tStep * absTol || arnoldi.breakdown { accepted = (err, xm); break }
                rejects += 1
                if rejects > 20 { throw ComplexSolveError.notConverged(method: "Krylov exponential", iterations: steps, relativeResidual: err / v0norm) }
                tStep = roundStep(0.9 * tStep * pow(tStep * absTol / err, xm))
            }
            let stepEnd = tNow + tStep
            while next < order.count && times[order[next]] <= stepEnd * (1 + 1e-15) {
                let t = times[order[next]]
                observe(order[next], try state.combine(time: Swift.min(t - tNow, tStep), arnoldi: arnoldi))
                next += 1
            }
            state.w = try state.combine(time: tStep, arnoldi: arnoldi)
            state.beta = state.w.withUnsafeBufferPointer { ComplexKernels.norm2($0.baseAddress!, n) }
            tNow = stepEnd
            // Next step from the local error (Expokit); a zero estimate allows the whole remaining interval.
            tNew = accepted.err > 0 ? roundStep(0.9 * tStep * pow(tStep * absTol / accepted.err, accepted.xm)) : tEnd - tNow
            if state.beta == 0 { break }
        }
        while next < order.count { observe(order[next], state.w); next += 1 }
    }

    /// Rounds a step up to two significant digits (as Expokit does), keeping it positive.
    private func roundStep(_ t: Double) -> Double {
        guard t.isFinite, t > 0 else { return Double.leastNormalMagnitude }
        let s = pow(10, floor(log10(t)) - 1)
        return ceil(t / s) * s
    }
}

/// The Krylov basis of one step and the state carried between steps.
private struct StepState {
    let n: Int, m: Int
    let anorm: Double
    var w: [Complex]
    var beta: Double
    init(n: Int, m: Int, anorm: Double, w: [Complex]) {
        self.n = n; self.m = m; self.anorm = anorm; self.w = w
        beta = w.withUnsafeBufferPointer { ComplexKernels.norm2($0.baseAddress!, n) }
    }

    struct Arnoldi {
        var basis: [Complex]          // n × (m + 1)
        var hessenberg: ComplexMatrix // (m + 2) × (m + 2), augmented as in Expokit
        var size: Int                 // Krylov dimension actually built
        var breakdown: Bool
        var avnorm: Double
    }

    func arnoldi(apply: ComplexLinearMap) -> Arnoldi {
        var V = [Complex](repeating: .zero, count: n * (m + 1))
        var H = ComplexMatrix(rows: m + 2, columns: m + 2)
        var size = m, breakdown = false, avnorm = 0.0
        V.withUnsafeMutableBufferPointer { pv in
            let base = pv.baseAddress!
            for i in 0..<n { base[i] = w[i] / beta }
            for j in 0..<m {
                let p = UnsafeMutableBufferPointer(start: base + (j + 1) * n, count: n)
                apply(UnsafeBufferPointer(start: base + j * n, count: n), p)
                for i in 0...j {
                    let h = ComplexKernels.dotc(base + i * n, p.baseAddress!, n)
                    H[i, j] = h
                    ComplexKernels.axpy(-h, base + i * n, p.baseAddress!, n)
                }
                let s = ComplexKernels.norm2(p.baseAddress!, n)
                if s <= 1e-14 * anorm {
                    size = j + 1; breakdown = true; return
                }
                H[j + 1, j] = Complex(s)
                let inv = 1 / s
                for i in 0..<n { p[i] = inv * p[i] }
            }
            // ‖A v_{m+1}‖ for the error estimate.
            var tmp = [Complex](repeating: .zero, count: n)
            tmp.withUnsafeMutableBufferPointer { t in
                apply(UnsafeBufferPointer(start: base + m * n, count: n), t)
                avnorm = ComplexKernels.norm2(t.baseAddress!, n)
            }
        }
        if !breakdown { H[m + 1, m] = .one }
        return Arnoldi(basis: V, hessenberg: H, size: size, breakdown: breakdown, avnorm: avnorm)
    }

    /// Exponential of t·H̄ on the part of the augmented Hessenberg that exists.
    func expH(time t: Double, arnoldi a: Arnoldi) throws -> ComplexMatrix {
        let mx = a.breakdown ? a.size : m + 2
        let sub = ComplexMatrix(rows: mx, columns: mx) { i, j in t * a.hessenberg[i, j] }
        return try sub.exponential()
    }

    /// Expokit's local error estimate for a step of length t, and the exponent for step control.
    func localError(step t: Double, arnoldi a: Arnoldi) throws -> (Double, Double) {
        if a.breakdown { return (0, 1 / Double(m)) }
        let f = try expH(time: t, arnoldi: a)
        let p1 = f[m, 0].magnitude * beta
        let p2 = f[m + 1, 0].magnitude * beta * a.avnorm
        if p1 > 10 * p2 { return (p2, 1 / Double(m)) }
        if p1 > p2 { return (p1 * p2 / (p1 - p2), 1 / Double(m)) }
        return (p1, 1 / Double(Swift.max(1, m - 1)))
    }

    /// β·V·e^{tH̄}e₁, including Expokit's corrected term v_{m+1}.
    func combine(time t: Double, arnoldi a: Arnoldi) throws -> [Complex] {
        let f = try expH(time: t, arnoldi: a)
        let cols = a.breakdown ? a.size : m + 1
        var out = [Complex](repeating: .zero, count: n)
        a.basis.withUnsafeBufferPointer { pv in
            out.withUnsafeMutableBufferPointer { po in
                for j in 0..<cols { ComplexKernels.axpy(beta * f[j, 0], pv.baseAddress! + j * n, po.baseAddress!, n) }
            }
        }
        return out
    }
}
