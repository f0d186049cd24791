/// Positive definiteness of small symmetric matrices by Cholesky factorisation, on caller-owned
/// row-major storage (no allocation).
public enum RealCholesky {
    /// True when the symmetric n × n matrix `a` is positive definite: the Cholesky factorisation
    /// A = L·Lᵀ exists with positive, finite pivots. `workspace` holds n² doubles (L). Always
    /// inlined, so a constant order gives fixed-bound loops.
    @inlinable @inline(__always)
    public static func isPositiveDefinite(order n: Int, _ a: UnsafePointer<Double>,
                                          workspace l: UnsafeMutablePointer<Double>) -> Bool {
        for j in 0..<n {
            var d = a[j * n + j]
            for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
            guard d > 0, d.isFinite else { return false }
            let root = d.squareRoot()
            l[j * n + j] = root
            var i = j + 1
            while i < n {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = s / root
                i += 1
            }
        }
        return true
    }

    /// True when the symmetric matrix is positive definite.
    public static func isPositiveDefinite(_ a: RealMatrix) -> Bool {
        precondition(a.rows == a.columns, "positive definiteness of a non-square matrix")
        let values = a.rowMajorElements
        var l = [Double](repeating: 0, count: values.count)
        return values.withUnsafeBufferPointer { ap in
            l.withUnsafeMutableBufferPointer { isPositiveDefinite(order: a.rows, ap.baseAddress!, workspace: $0.baseAddress!) }
        }
    }
}
