import WGMNumerics

/// The steady-state covariance, A V + V Aᵀ = −D (Eq. 11), solved directly and exactly for the
/// structure of this model: the q row of A is q̇ = a₄₅·p alone, so the six equations {q, j}
/// give V_qp and V_pr explicitly in terms of the V_ql:
///   V_qp = −D_qq/(2a₄₅),  V_pr = −(D_qr + A_rp V_qp + Σ_{l≤q} A_rl V_ql)/a₄₅  (r ≠ q).
/// Substituting them leaves 15 unknowns (V_ij, i, j ≤ q) in the 15 equations {i, j} ⊂
/// {X_r, Y_r, X_l, Y_l, p}, solved by LU with partial pivoting; the result is checked against the
/// full 6 × 6 residual and refined once with the same factors when needed. Row-major, order 6.
enum CovarianceKernel {
    static let n = 6, q = 4, p = 5, reduced = 15
    /// Doubles of workspace: reduced matrix 225, right side 15, residual 36, constants 6, plan
    /// factors 73.
    static let workspaceCount = 225 + 15 + 36 + 6 + ReducedAssemblyPlan.factorCount

    /// Packed index of V_ij (i, j ≤ q) among the 15 reduced unknowns; also the index of
    /// equation {i, j} with p standing in the place of q.
    @inline(__always) static func reducedIndex(_ i: Int, _ j: Int) -> Int {
        let (r, c) = i <= j ? (i, j) : (j, i)
        return r * 5 - r * (r - 1) / 2 + (c - r)
    }

    /// The constants of the substitution, c_q = V_qp = −Q_qq/(2a₄₅) and
    /// c_r = −(Q_qr + A_rp V_qp)/a₄₅ (r ≠ q), into `constants` (6 doubles).
    @inline(__always)
    static func fillConstants(a: UnsafePointer<Double>, q qm: UnsafePointer<Double>, into constants: UnsafeMutablePointer<Double>) {
        let a45 = a[q * n + p], vqp = -qm[q * n + q] / (2 * a45)
        for r in 0..<n { constants[r] = r == q ? vqp : -(qm[q * n + r] + a[r * n + p] * vqp) / a45 }
    }

    /// The factors of the plan's matrix terms: A_k, 1 and −A_k·(1/a₄₅) (`ReducedAssemblyPlan`).
    @inline(__always)
    static func fillFactors(a: UnsafePointer<Double>, into factors: UnsafeMutablePointer<Double>) {
        let inverse = 1 / a[q * n + p]
        for k in 0..<n * n { factors[k] = a[k] }
        factors[ReducedAssemblyPlan.one] = 1
        for k in 0..<n * n { factors[ReducedAssemblyPlan.scaled + k] = -(a[k] * inverse) }
    }

    /// Writes the 15 × 15 coefficients of the reduced equations of A·V + V·Aᵀ = −Q from the
    /// factors (`fillFactors`): each entry is the plan's fixed sum of Kronecker and substitution terms.
    @inline(__always)
    static func assembleMatrix(_ plan: ReducedAssemblyPlan, factors: UnsafePointer<Double>,
                               matrix: UnsafeMutablePointer<Double>) {
        matrix.update(repeating: 0, count: reduced * reduced)
        plan.sumEntries.withUnsafeBufferPointer { entries in
            plan.sumTerms.withUnsafeBufferPointer { terms in
                var term = 0, sum = 0
                for (length, count) in plan.sumLengths {
                    for _ in 0..<count {
                        var entry = 0.0
                        for _ in 0..<length {
                            entry += factors[Int(terms[term].left)] * factors[Int(terms[term].right)]
                            term &+= 1
                        }
                        matrix[Int(entries[sum])] = entry
                        sum &+= 1
                    }
                }
            }
        }
    }

    /// Writes the right side −Q_ij − Σ A_ik c_r of the 15 reduced equations, with the constants
    /// c_r of this Q (`fillConstants`).
    @inline(__always)
    static func assembleRightSide(_ plan: ReducedAssemblyPlan, a: UnsafePointer<Double>, q qm: UnsafePointer<Double>,
                                  constants: UnsafePointer<Double>, rhs: UnsafeMutablePointer<Double>) {
        plan.diffusionIndex.withUnsafeBufferPointer { index in
            for e in 0..<reduced { rhs[e] = -qm[Int(index[e])] }
        }
        plan.rightSideTerms.withUnsafeBufferPointer { terms in
            for t in terms {
                let coefficient = a[Int(t.coefficient)]
                if coefficient != 0 { rhs[Int(t.equation)] -= coefficient * constants[Int(t.constant)] }
            }
        }
    }

    /// Writes the full symmetric V from the 15 reduced unknowns and the constants of the
    /// substitution (or adds it, for refinement): V_pr = c_r − Σ_l A_rl V_ql/a₄₅ (r ≠ q), V_qp = c_q.
    @inline(__always)
    static func reconstruct(a: UnsafePointer<Double>, constants: UnsafePointer<Double>, reducedSolution x: UnsafePointer<Double>,
                            into v: UnsafeMutablePointer<Double>, adding: Bool) {
        let a45 = a[q * n + p]
        @inline(__always) func put(_ i: Int, _ j: Int, _ value: Double) {
            if adding { v[i * n + j] += value; if i != j { v[j * n + i] += value } }
            else { v[i * n + j] = value; v[j * n + i] = value }
        }
        for i in 0...q { for j in i...q { put(i, j, x[reducedIndex(i, j)]) } }
        for r in 0..<n {
            var value = constants[r]
            if r != q { for l in 0...q { value -= a[r * n + l] * x[reducedIndex(q, l)] / a45 } }
            put(r, p, value)
        }
    }

    /// A·V into `product` over the entries of A that may be non-zero (`ReducedAssemblyPlan`): row q
    /// is a₄₅ V_p·, the optical rows skip column p. The skipped products are exact zeros, so for
    /// finite V this equals the dense product bit for bit.
    @inline(__always)
    static func driftProduct(a: UnsafePointer<Double>, v: UnsafePointer<Double>, into product: UnsafeMutablePointer<Double>) {
        for i in 0..<n {
            let columns = i == q ? p..<n : 0..<(i == p ? n : p)
            for j in 0..<n {
                var s = 0.0
                for k in columns { s += a[i * n + k] * v[k * n + j] }
                product[i * n + j] = s
            }
        }
    }

    /// ‖A V + V Aᵀ + Q‖_F/‖Q‖_F, leaving the residual matrix in `residual` (36 doubles).
    @inline(__always)
    static func relativeResidual(a: UnsafePointer<Double>, v: UnsafePointer<Double>, q qm: UnsafePointer<Double>,
                                 residual: UnsafeMutablePointer<Double>) -> Double {
        driftProduct(a: a, v: v, into: residual)
        return Lyapunov.relativeResidual(order: n, product: residual, q: qm)
    }

    /// Solves A·V + V·Aᵀ = −Q (both 6 × 6 row-major, A with the sparsity of `ReducedAssemblyPlan`
    /// and a₄₅ ≠ 0) into `v`. Returns ‖A V + V Aᵀ + Q‖_F/‖Q‖_F, or nil when the operator is
    /// singular (λ_i + λ_j = 0).
    static func solve(a: UnsafePointer<Double>, q qm: UnsafePointer<Double>, v: UnsafeMutablePointer<Double>,
                      workspace w: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>,
                      refineAbove: Double = 1e-13) -> Double? {
        let matrix = w, rhs = w + 225, residual = w + 240, constants = w + 276, factors = w + 282
        let plan = ReducedAssemblyPlan.model
        fillConstants(a: a, q: qm, into: constants)
        fillFactors(a: a, into: factors)
        assembleMatrix(plan, factors: factors, matrix: matrix)
        assembleRightSide(plan, a: a, q: qm, constants: constants, rhs: rhs)
        guard RealLU.factor(order: reduced, matrix, pivots: pivots) else { return nil }
        RealLU.solve(order: reduced, matrix, pivots: pivots, rhs)
        reconstruct(a: a, constants: constants, reducedSolution: rhs, into: v, adding: false)
        var relative = relativeResidual(a: a, v: v, q: qm, residual: residual)
        if relative > refineAbove && relative.isFinite {
            // δV solves the same equation with Q replaced by the residual R.
            fillConstants(a: a, q: residual, into: constants)
            assembleRightSide(plan, a: a, q: residual, constants: constants, rhs: rhs)
            RealLU.solve(order: reduced, matrix, pivots: pivots, rhs)
            reconstruct(a: a, constants: constants, reducedSolution: rhs, into: v, adding: true)
            relative = relativeResidual(a: a, v: v, q: qm, residual: residual)
        }
        return relative.isFinite ? relative : nil
    }
}
