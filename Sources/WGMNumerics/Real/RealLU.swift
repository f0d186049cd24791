/// LU factorisation with partial pivoting of small dense real systems, in place on caller-owned
/// row-major storage (no allocation: for hot loops).
public enum RealLU {
    /// Factors the n × n row-major matrix `a` in place as P·A = L·U (L unit lower triangular,
    /// stored below the diagonal); `pivots[k]` is the row swapped with row k. Returns false when
    /// a pivot is zero or not finite (singular or invalid input).
    @inlinable
    public static func factor(order n: Int, _ a: UnsafeMutablePointer<Double>,
                              pivots: UnsafeMutablePointer<Int>) -> Bool {
        for k in 0..<n {
            var p = k
            var largest = abs(a[k * n + k])
            var i = k + 1
            while i < n {
                let v = abs(a[i * n + k])
                if v > largest { largest = v; p = i }
                i += 1
            }
            pivots[k] = p
            guard largest > 0, largest.isFinite else { return false }
            if p != k {
                for j in 0..<n { let t = a[k * n + j]; a[k * n + j] = a[p * n + j]; a[p * n + j] = t }
            }
            let inverse = 1 / a[k * n + k]
            let pivotRow = a + k * n
            i = k + 1
            while i < n {
                let row = a + i * n
                let l = row[k] * inverse
                row[k] = l
                if l != 0 {
                    var j = k + 1
                    while j < n { row[j] -= l * pivotRow[j]; j += 1 }
                }
                i += 1
            }
        }
        return true
    }

    /// Solves A·x = b in place in `b`, given the factors and pivots from `factor`.
    @inlinable
    public static func solve(order n: Int, _ lu: UnsafePointer<Double>, pivots: UnsafePointer<Int>,
                             _ b: UnsafeMutablePointer<Double>) {
        for k in 0..<n {
            let p = pivots[k]
            if p != k { let t = b[k]; b[k] = b[p]; b[p] = t }
        }
        for i in 0..<n {
            var s = b[i]
            let row = lu + i * n
            for j in 0..<i { s -= row[j] * b[j] }
            b[i] = s
        }
        var i = n - 1
        while i >= 0 {
            var s = b[i]
            let row = lu + i * n
            var j = i + 1
            while j < n { s -= row[j] * b[j]; j += 1 }
            b[i] = s / row[i]
            i -= 1
        }
    }
}
