import CLapack

/// The continuous Lyapunov equation A·X + X·Aᵀ = −Q (Q symmetric) for small dense real matrices.
///
/// Two exact methods: `solveDirect` writes the n(n+1)/2 independent entries of the symmetric X
/// as one linear system and solves it by LU with partial pivoting (allocation-free pointer
/// kernel, fastest for n ≲ 8), refined once when its residual asks for it; `solveBartelsStewart`
/// uses LAPACK's real Schur form (dgees) and triangular Sylvester solver (dtrsyl) for any n.
public enum Lyapunov {
    /// Number of independent unknowns n(n+1)/2 of a symmetric n × n solution.
    @inlinable public static func unknownCount(order n: Int) -> Int { n * (n + 1) / 2 }

    /// Doubles of workspace that the direct pointer kernel needs for order n.
    @inlinable public static func directWorkspaceCount(order n: Int) -> Int {
        let m = unknownCount(order: n)
        return m * m + m + n * n
    }

    /// Index of X_ij (any order of i, j) among the packed upper-triangular unknowns.
    @inlinable static func packedIndex(_ i: Int, _ j: Int, _ n: Int) -> Int {
        let (r, c) = i <= j ? (i, j) : (j, i)
        return r * n - r * (r - 1) / 2 + (c - r)
    }

    /// Solves A·X + X·Aᵀ = −Q for symmetric X by a direct LU solve of its n(n+1)/2 unknowns;
    /// all matrices n × n row-major; `workspace` holds `directWorkspaceCount(order:)` doubles and
    /// `pivots` `unknownCount(order:)` ints. One step of iterative refinement is taken when the
    /// relative residual exceeds `refineAbove`. Returns the relative residual
    /// ‖A·X + X·Aᵀ + Q‖_F / ‖Q‖_F, or nil when the Lyapunov operator is singular (some
    /// λ_i + λ_j = 0).
    @inlinable
    public static func solveDirect(order n: Int, a: UnsafePointer<Double>, q: UnsafePointer<Double>,
                                   x: UnsafeMutablePointer<Double>,
                                   workspace: UnsafeMutablePointer<Double>,
                                   pivots: UnsafeMutablePointer<Int>,
                                   refineAbove: Double = 1e-13) -> Double? {
        let m = unknownCount(order: n)
        let matrix = workspace, rhs = workspace + m * m, residual = rhs + m
        matrix.update(repeating: 0, count: m * m)
        for i in 0..<n {
            for j in i..<n {
                let row = matrix + packedIndex(i, j, n) * m
                for k in 0..<n {
                    row[packedIndex(k, j, n)] += a[i * n + k]
                    row[packedIndex(i, k, n)] += a[j * n + k]
                }
                rhs[packedIndex(i, j, n)] = -q[i * n + j]
            }
        }
        guard RealLU.factor(order: m, matrix, pivots: pivots) else { return nil }
        RealLU.solve(order: m, matrix, pivots: pivots, rhs)
        unpack(order: n, rhs, into: x)
        var relative = relativeResidual(order: n, a: a, x: x, q: q, residual: residual)
        if relative > refineAbove {
            // X ← X + δ with L·U·δ = −(A·X + X·Aᵀ + Q).
            for i in 0..<n { for j in i..<n { rhs[packedIndex(i, j, n)] = -residual[i * n + j] } }
            RealLU.solve(order: m, matrix, pivots: pivots, rhs)
            for i in 0..<n {
                for j in i..<n {
                    let d = rhs[packedIndex(i, j, n)]
                    x[i * n + j] += d
                    if i != j { x[j * n + i] += d }
                }
            }
            relative = relativeResidual(order: n, a: a, x: x, q: q, residual: residual)
        }
        return relative.isFinite ? relative : nil
    }

    /// Writes the symmetric X (row-major) from its packed upper-triangular unknowns.
    @inlinable
    static func unpack(order n: Int, _ packed: UnsafePointer<Double>, into x: UnsafeMutablePointer<Double>) {
        for i in 0..<n {
            for j in i..<n {
                let v = packed[packedIndex(i, j, n)]
                x[i * n + j] = v
                x[j * n + i] = v
            }
        }
    }

    /// ‖A·X + X·Aᵀ + Q‖_F / ‖Q‖_F for n × n row-major matrices; the residual matrix is left in
    /// `residual` (n × n doubles).
    @inlinable
    public static func relativeResidual(order n: Int, a: UnsafePointer<Double>, x: UnsafePointer<Double>,
                                        q: UnsafePointer<Double>,
                                        residual: UnsafeMutablePointer<Double>) -> Double {
        // A·X first, then R_ij = (AX)_ij + (AX)_ji + Q_ij since X·Aᵀ = (A·X)ᵀ for symmetric X.
        for i in 0..<n {
            for j in 0..<n {
                var s = 0.0
                for k in 0..<n { s += a[i * n + k] * x[k * n + j] }
                residual[i * n + j] = s
            }
        }
        return relativeResidual(order: n, product: residual, q: q)
    }

    /// ‖R‖_F / ‖Q‖_F of R = P + Pᵀ + Q, where P = A·X is given in `product` (n × n row-major,
    /// overwritten by R): the residual of A·X + X·Aᵀ = −Q for symmetric X, with A·X computed by
    /// the caller (for example over a known sparsity of A). Always inlined (fixed bounds for a
    /// constant order).
    @inlinable @inline(__always)
    public static func relativeResidual(order n: Int, product residual: UnsafeMutablePointer<Double>,
                                        q: UnsafePointer<Double>) -> Double {
        var norm = 0.0, qNorm = 0.0
        for i in 0..<n {
            for j in i..<n {
                let r = residual[i * n + j] + residual[j * n + i] + q[i * n + j]
                let weight = i == j ? 1.0 : 2.0
                norm += weight * r * r
                qNorm += weight * q[i * n + j] * q[i * n + j]
                residual[i * n + j] = r
                residual[j * n + i] = r
            }
        }
        return norm.squareRoot() / max(qNorm.squareRoot(), Double.leastNormalMagnitude)
    }

    /// Solves A·X + X·Aᵀ = −Q (Q symmetric) by the direct method; throws when the operator is
    /// singular or the shapes do not fit.
    public static func solveDirect(_ a: RealMatrix, _ q: RealMatrix) throws -> RealMatrix {
        let n = try checkShapes(a, q)
        let av = a.rowMajorElements, qv = q.rowMajorElements
        var x = [Double](repeating: 0, count: n * n)
        var work = [Double](repeating: 0, count: directWorkspaceCount(order: n))
        var pivots = [Int](repeating: 0, count: unknownCount(order: n))
        let residual = av.withUnsafeBufferPointer { ap in
            qv.withUnsafeBufferPointer { qp in
                x.withUnsafeMutableBufferPointer { xp in
                    work.withUnsafeMutableBufferPointer { wp in
                        pivots.withUnsafeMutableBufferPointer { pp in
                            solveDirect(order: n, a: ap.baseAddress!, q: qp.baseAddress!, x: xp.baseAddress!,
                                        workspace: wp.baseAddress!, pivots: pp.baseAddress!)
                        }
                    }
                }
            }
        }
        guard residual != nil else { throw LinearAlgebraError.singular("Lyapunov operator (λ_i + λ_j = 0 for some eigenvalues of A)") }
        return RealMatrix(rows: n, columns: n, rowMajor: x)
    }

    /// Solves A·X + X·Aᵀ = −Q by Bartels–Stewart: A = U·S·Uᵀ (LAPACK dgees), then
    /// S·Y + Y·Sᵀ = −Uᵀ·Q·U (dtrsyl) and X = U·Y·Uᵀ.
    public static func solveBartelsStewart(_ a: RealMatrix, _ q: RealMatrix) throws -> RealMatrix {
        let n = try checkShapes(a, q)
        if n == 0 { return a }
        var s = a.elements
        var u = [Double](repeating: 0, count: n * n)
        var wr = [Double](repeating: 0, count: n), wi = wr
        var sdim: Int32 = 0
        let ln = Int32(n)
        let info = LAPACKE_dgees(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "N")), nil,
                                 ln, &s, ln, &sdim, &wr, &wi, &u, ln)
        guard info == 0 else { throw LinearAlgebraError.lapack(routine: "dgees", info: Int(info)) }
        let uMatrix = RealMatrix(rows: n, columns: n, elements: u)
        var c = (-1) * (uMatrix.transposed * q * uMatrix)
        let sLeft = s, sRight = s
        var scale = 1.0
        let syl = LAPACKE_dtrsyl(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: "T")), 1,
                                 ln, ln, sLeft, ln, sRight, ln, &c.elements, ln, &scale)
        guard syl >= 0 else { throw LinearAlgebraError.lapack(routine: "dtrsyl", info: Int(syl)) }
        guard syl == 0 else { throw LinearAlgebraError.singular("Lyapunov operator (dtrsyl: λ_i + λ_j ≈ 0)") }
        let x = (1 / scale) * (uMatrix * c * uMatrix.transposed)
        return 0.5 * (x + x.transposed)
    }

    /// ‖A·X + X·Aᵀ + Q‖_F / ‖Q‖_F.
    public static func relativeResidual(_ a: RealMatrix, _ x: RealMatrix, _ q: RealMatrix) -> Double {
        let r = a * x + x * a.transposed + q
        return r.frobeniusNorm / max(q.frobeniusNorm, Double.leastNormalMagnitude)
    }

    private static func checkShapes(_ a: RealMatrix, _ q: RealMatrix) throws -> Int {
        guard a.rows == a.columns, q.rows == a.rows, q.columns == a.rows else {
            throw LinearAlgebraError.dimensionMismatch("Lyapunov equation with A \(a.rows)×\(a.columns) and Q \(q.rows)×\(q.columns)")
        }
        guard a.isFinite, q.isFinite else { throw LinearAlgebraError.nonFinite("Lyapunov equation coefficients") }
        return a.rows
    }
}
