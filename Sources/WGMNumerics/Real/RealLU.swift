/// LU factorisation with partial pivoting of small dense real systems, in place on caller-owned
/// row-major storage (no allocation: for hot loops). Both kernels are always inlined, so a call
/// with a constant order (such as the 15 × 15 reduced Lyapunov system) compiles to fixed-bound
/// loops; the operations and their order are the same for every order.
public enum RealLU {
    /// Factors the n × n row-major matrix `a` in place as P·A = L·U (L unit lower triangular,
    /// stored below the diagonal); `pivots[k]` is the row swapped with row k. Returns false when
    /// a pivot is zero or not finite (singular or invalid input).
    @inlinable @inline(__always)
    public static func factor(order n: Int, _ a: UnsafeMutablePointer<Double>,
                              pivots: UnsafeMutablePointer<Int>) -> Bool {
        for k in 0..<n {
            let p = pivotRow(order: n, a, column: k)
            pivots[k] = p
            let largest = abs(a[p &* n &+ k])
            guard largest > 0, largest.isFinite else { return false }
            if p != k { swapRows(order: n, a + k &* n, a + p &* n) }
            eliminateBelow(order: n, a, pivot: k)
        }
        return true
    }

    /// The row i ≥ k of the largest |a_ik| (the first such row on ties).
    @inlinable @inline(__always)
    static func pivotRow(order n: Int, _ a: UnsafePointer<Double>, column k: Int) -> Int {
        var p = k
        var largest = abs(a[k &* n &+ k])
        for i in (k &+ 1)..<n {
            let v = abs(a[i &* n &+ k])
            if v > largest { largest = v; p = i }
        }
        return p
    }

    /// Exchanges two rows of n entries.
    @inlinable @inline(__always)
    static func swapRows(order n: Int, _ r: UnsafeMutablePointer<Double>, _ s: UnsafeMutablePointer<Double>) {
        for j in 0..<n { let t = r[j]; r[j] = s[j]; s[j] = t }
    }

    /// One elimination step: row_i ← row_i − l_ik·row_k for i > k, with l_ik = a_ik/a_kk stored
    /// in place of a_ik (rows with l_ik = 0 are left as they are).
    @inlinable @inline(__always)
    static func eliminateBelow(order n: Int, _ a: UnsafeMutablePointer<Double>, pivot k: Int) {
        let pivotRow = a + k &* n
        let inverse = 1 / pivotRow[k]
        for i in (k &+ 1)..<n {
            let row = a + i &* n
            let l = row[k] * inverse
            row[k] = l
            if l != 0 { subtractMultiple(l, of: pivotRow, from: row, columns: (k &+ 1)..<n) }
        }
    }

    /// row_j ← row_j − l·pivotRow_j over `columns`, two columns at a time (each lane is the same
    /// scalar operation, so the result does not depend on the pairing).
    @inlinable @inline(__always)
    static func subtractMultiple(_ l: Double, of pivotRow: UnsafePointer<Double>, from row: UnsafeMutablePointer<Double>,
                                 columns: Range<Int>) {
        var j = columns.lowerBound
        let multiple = SIMD2<Double>(repeating: l)
        while j &+ 1 < columns.upperBound {
            let target = UnsafeMutableRawPointer(row + j), source = UnsafeRawPointer(pivotRow + j)
            let updated = target.loadUnaligned(as: SIMD2<Double>.self) - multiple * source.loadUnaligned(as: SIMD2<Double>.self)
            target.storeBytes(of: updated, as: SIMD2<Double>.self)
            j &+= 2
        }
        if j < columns.upperBound { row[j] -= l * pivotRow[j] }
    }

    /// Solves A·x = b in place in `b`, given the factors and pivots from `factor`.
    @inlinable @inline(__always)
    public static func solve(order n: Int, _ lu: UnsafePointer<Double>, pivots: UnsafePointer<Int>,
                             _ b: UnsafeMutablePointer<Double>) {
        for k in 0..<n {
            let p = pivots[k]
            if p != k { let t = b[k]; b[k] = b[p]; b[p] = t }
        }
        for i in 0..<n {
            var s = b[i]
            let row = lu + i &* n
            for j in 0..<i { s -= row[j] * b[j] }
            b[i] = s
        }
        var i = n &- 1
        while i >= 0 {
            var s = b[i]
            let row = lu + i &* n
            for j in (i &+ 1)..<n { s -= row[j] * b[j] }
            b[i] = s / row[i]
            i &-= 1
        }
    }
}
