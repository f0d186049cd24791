/// A linear map on complex vectors, applied as `output = map(input)` on raw buffers.
public typealias ComplexLinearMap = (UnsafeBufferPointer<Complex>, UnsafeMutableBufferPointer<Complex>) -> Void

/// Restarted GMRES with right preconditioning (Saad & Schultz 1986; modified Gram–Schmidt,
/// Givens rotations). Solves A·x = b for an operator given as a closure. The vectors M⁻¹·v_k
/// are kept, as in flexible GMRES, when they take at most 32 MiB, so that the update of x needs
/// no further application of M⁻¹.
public enum GMRES {
    /// What a GMRES run returns.
    public struct Result: Sendable {
        /// The approximate solution.
        public var solution: [Complex]
        /// Matrix–vector products used (one per Arnoldi step).
        public var iterations: Int
        /// The final ‖b − A·x‖ / ‖b‖: recomputed explicitly at the end, or with `verifyResidual`
        /// false the Arnoldi estimate that met the tolerance.
        public var relativeResidual: Double
    }

    /// The numbers GMRES combines its Krylov vectors with.
    public enum Scalars: Sendable {
        /// Complex coefficients: GMRES on ℂⁿ with ⟨u, v⟩ = Σ conj(u_i)·v_i.
        case complex
        /// Real coefficients: GMRES on ℂⁿ seen as ℝ²ⁿ, with ⟨u, v⟩ = Re Σ conj(u_i)·v_i. Correct for
        /// every A (a complex-linear map is real-linear), at half the cost of each orthogonalisation
        /// step; it converges as fast as `.complex` when the solution lies in the real span of the
        /// Krylov vectors, e.g. a Hermiticity-preserving map (a Liouvillian) acting on vectors of
        /// Hermitian operators, where the complex Arnoldi coefficients are real anyway.
        case real
    }

    /// Solves A·x = b to ‖b − A·x‖ ≤ relativeTolerance·‖b‖. `precondition` applies M⁻¹ ≈ A⁻¹
    /// (right preconditioning: the residual of the original system is what is minimised).
    /// With `verifyResidual` (the default) the residual is recomputed as b − A·x before GMRES
    /// stops; without it GMRES stops when the Arnoldi estimate of the residual meets the
    /// tolerance (one product less, for callers that compute the true residual themselves, e.g.
    /// iterative refinement) and recomputes it only to restart.
    /// Throws `.notConverged` when `maxIterations` Arnoldi steps do not reach the tolerance.
    public static func solve(
        order n: Int, rightHandSide b: [Complex], initialGuess: [Complex]? = nil,
        relativeTolerance: Double, restart: Int = 60, maxIterations: Int = 600, scalars: Scalars = .complex,
        verifyResidual: Bool = true,
        apply: ComplexLinearMap, precondition: ComplexLinearMap? = nil
    ) throws -> Result {
        guard b.count == n, initialGuess.map({ $0.count == n }) ?? true else {
            throw ComplexSolveError.dimensionMismatch("GMRES vectors must have length \(n)")
        }
        guard b.allSatisfy(\.isFinite) else { throw ComplexSolveError.nonFinite("GMRES right-hand side") }
        var x = initialGuess ?? [Complex](repeating: .zero, count: n)
        let bnorm = b.withUnsafeBufferPointer { ComplexKernels.norm2($0.baseAddress!, n) }
        if bnorm == 0 { return Result(solution: [Complex](repeating: .zero, count: n), iterations: 0, relativeResidual: 0) }
        let m = Swift.max(1, Swift.min(restart, n))
        let work = Workspace(n: n, m: m, preconditioner: precondition != nil)
        var total = 0
        // Without an initial guess x = 0 and r = b exactly: no product needed.
        var rel: Double
        if initialGuess == nil {
            for i in 0..<n { work.r[i] = b[i] }
            rel = 1
        } else {
            rel = residual(n: n, b: b, x: x, apply: apply, into: work.r) / bnorm
        }
        while rel > relativeTolerance {
            if total >= maxIterations {
                throw ComplexSolveError.notConverged(method: "GMRES", iterations: total, relativeResidual: rel)
            }
            let (steps, estimate) = cycle(n: n, m: Swift.min(m, maxIterations - total), target: relativeTolerance * bnorm,
                                          real: scalars == .real, work: work, x: &x, apply: apply, precondition: precondition)
            total += steps
            if !verifyResidual && steps > 0 && estimate <= relativeTolerance * bnorm {
                rel = estimate / bnorm
                break
            }
            rel = residual(n: n, b: b, x: x, apply: apply, into: work.r) / bnorm
            guard rel.isFinite else { throw ComplexSolveError.nonFinite("GMRES iterate") }
            if steps == 0 { break }
        }
        if rel > relativeTolerance {
            throw ComplexSolveError.notConverged(method: "GMRES", iterations: total, relativeResidual: rel)
        }
        return Result(solution: x, iterations: total, relativeResidual: rel)
    }

    /// Scratch storage of GMRES(m), allocated once per solve.
    final class Workspace {
        let n: Int, m: Int
        let basis: UnsafeMutablePointer<Complex>        // n × (m + 1), column j at j·n
        let hessenberg: UnsafeMutablePointer<Complex>   // (m + 1) × m, column-major
        let cosines: UnsafeMutablePointer<Double>
        let sines: UnsafeMutablePointer<Complex>
        let g: UnsafeMutablePointer<Complex>
        let r: UnsafeMutablePointer<Complex>
        let z: UnsafeMutablePointer<Complex>
        let u: UnsafeMutablePointer<Complex>
        /// M⁻¹·v_k for each basis vector (n × m, column k at k·n), or nil: x is then updated with one
        /// more application of M⁻¹ at the end of each cycle.
        let preconditioned: UnsafeMutablePointer<Complex>?
        /// Largest storage for the preconditioned vectors, in bytes.
        static let preconditionedStorageLimit = 32 << 20

        init(n: Int, m: Int, preconditioner: Bool) {
            self.n = n; self.m = m
            let keep = preconditioner && n * m * MemoryLayout<Complex>.stride <= Self.preconditionedStorageLimit
            preconditioned = keep ? UnsafeMutablePointer<Complex>.allocate(capacity: n * m) : nil   // written before read
            func alloc<T>(_ count: Int, _ zero: T) -> UnsafeMutablePointer<T> {
                let p = UnsafeMutablePointer<T>.allocate(capacity: count); p.initialize(repeating: zero, count: count); return p
            }
            basis = UnsafeMutablePointer<Complex>.allocate(capacity: n * (m + 1))   // written before read
            hessenberg = alloc((m + 1) * m, Complex.zero)
            cosines = alloc(m, 0.0); sines = alloc(m, Complex.zero); g = alloc(m + 1, Complex.zero)
            r = alloc(n, Complex.zero); z = alloc(n, Complex.zero); u = alloc(n, Complex.zero)
        }
        deinit {
            basis.deallocate(); hessenberg.deallocate(); cosines.deallocate(); sines.deallocate()
            g.deallocate(); r.deallocate(); z.deallocate(); u.deallocate()
            preconditioned?.deallocate()
        }
    }

    /// r = b − A·x; returns ‖r‖.
    static func residual(n: Int, b: [Complex], x: [Complex], apply: ComplexLinearMap, into r: UnsafeMutablePointer<Complex>) -> Double {
        x.withUnsafeBufferPointer { px in apply(px, UnsafeMutableBufferPointer(start: r, count: n)) }
        for i in 0..<n { r[i] = b[i] - r[i] }
        return ComplexKernels.norm2(r, n)
    }

    /// One GMRES(m) cycle starting from the residual in `work.r`; updates x, returns the steps
    /// taken and the Arnoldi estimate of the new residual norm.
    static func cycle(n: Int, m: Int, target: Double, real: Bool, work: Workspace, x: inout [Complex],
                      apply: ComplexLinearMap, precondition: ComplexLinearMap?) -> (steps: Int, estimate: Double) {
        let beta = ComplexKernels.norm2(work.r, n)
        if beta == 0 { return (0, 0) }
        let ldh = work.m + 1
        let V = work.basis, H = work.hessenberg, g = work.g
        for i in 0...m { g[i] = .zero }
        g[0] = Complex(beta)
        for i in 0..<n { V[i] = work.r[i] / beta }
        var k = 0
        while k < m {
            let vk = UnsafeBufferPointer(start: V + k * n, count: n)
            let w = UnsafeMutableBufferPointer(start: V + (k + 1) * n, count: n)
            if let precondition {
                let zk = work.preconditioned.map { $0 + k * n } ?? work.z
                precondition(vk, UnsafeMutableBufferPointer(start: zk, count: n))
                apply(UnsafeBufferPointer(start: zk, count: n), w)
            } else {
                apply(vk, w)
            }
            // Modified Gram–Schmidt against v_0 … v_k.
            for j in 0...k {
                if real {
                    let h = ComplexKernels.realDot(V + j * n, w.baseAddress!, n)
                    H[j + k * ldh] = Complex(h)
                    ComplexKernels.realAxpy(-h, V + j * n, w.baseAddress!, n)
                } else {
                    let h = ComplexKernels.dotc(V + j * n, w.baseAddress!, n)
                    H[j + k * ldh] = h
                    ComplexKernels.axpy(-h, V + j * n, w.baseAddress!, n)
                }
            }
            let hnext = ComplexKernels.norm2(w.baseAddress!, n)
            if hnext > 0 { let inv = 1 / hnext; for i in 0..<n { w[i] = inv * w[i] } }
            // Previous rotations, then a new one that zeroes h_{k+1,k}.
            for i in 0..<k {
                let c = work.cosines[i], s = work.sines[i]
                let a = H[i + k * ldh], bb = H[(i + 1) + k * ldh]
                H[i + k * ldh] = c * a + s * bb
                H[(i + 1) + k * ldh] = c * bb - s.conjugate * a
            }
            let a = H[k + k * ldh]
            let rho = (a.normSquared + hnext * hnext).squareRoot()
            let c: Double, s: Complex
            if a.magnitude == 0 { c = 0; s = .one } else { c = a.magnitude / rho; s = (a / a.magnitude) * (hnext / rho) }
            work.cosines[k] = c; work.sines[k] = s
            H[k + k * ldh] = c * a + s * Complex(hnext)
            H[(k + 1) + k * ldh] = .zero
            g[k + 1] = -(s.conjugate * g[k])
            g[k] = c * g[k]
            k += 1
            if g[k].magnitude <= target || hnext == 0 { break }
        }
        // Back substitution for y, then x += M⁻¹ (V y) = Σ y_j M⁻¹ v_j.
        var y = [Complex](repeating: .zero, count: k)
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = g[i]
            for j in (i + 1)..<k { s -= H[i + j * ldh] * y[j] }
            let d = H[i + i * ldh]
            y[i] = (d.re == 0 && d.im == 0) ? .zero : s / d
        }
        let u = work.u
        for i in 0..<n { u[i] = .zero }
        let vectors = work.preconditioned ?? V
        for j in 0..<k {
            if real { ComplexKernels.realAxpy(y[j].re, vectors + j * n, u, n) } else { ComplexKernels.axpy(y[j], vectors + j * n, u, n) }
        }
        if let precondition, work.preconditioned == nil {
            precondition(UnsafeBufferPointer(start: u, count: n), UnsafeMutableBufferPointer(start: work.z, count: n))
            for i in 0..<n { x[i] += work.z[i] }
        } else {
            for i in 0..<n { x[i] += u[i] }
        }
        return (k, g[k].magnitude)
    }
}
