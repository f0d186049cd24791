/// Stability of a real square matrix from its characteristic polynomial by the Routh–Hurwitz
/// criterion: every eigenvalue has a negative real part iff the first column of the Routh array
/// is positive. Pointer kernels work on row-major storage without allocating.
public enum RouthHurwitz {
    /// Doubles of workspace that `characteristicPolynomial` needs for order n.
    @inlinable public static func polynomialWorkspaceCount(order n: Int) -> Int { 2 * n * n }

    /// Doubles of workspace that `isHurwitz(coefficients:)` needs for degree n.
    @inlinable public static func routhWorkspaceCount(degree n: Int) -> Int { (n + 1) * (n / 2 + 1) }

    /// Writes c_0 = 1, c_1, …, c_n of det(λI − A) = Σ c_k λ^{n−k} (Faddeev–LeVerrier) into
    /// `coefficients` (n + 1 values); `a` is n × n row-major.
    @inlinable
    public static func characteristicPolynomial(order n: Int, _ a: UnsafePointer<Double>,
                                                coefficients c: UnsafeMutablePointer<Double>,
                                                workspace w: UnsafeMutablePointer<Double>) {
        // M_k = A·M_{k−1} + c_{k−1}·I with M_0 = 0, c_k = −tr(A·M_k)/k.
        let m = w, product = w + n * n
        m.update(repeating: 0, count: n * n)
        c[0] = 1
        if n == 0 { return }
        for k in 1...n {
            for i in 0..<n { m[i * n + i] += c[k - 1] }
            // product = A · M
            for i in 0..<n {
                for j in 0..<n {
                    var s = 0.0
                    for l in 0..<n { s += a[i * n + l] * m[l * n + j] }
                    product[i * n + j] = s
                }
            }
            var trace = 0.0
            for i in 0..<n { trace += product[i * n + i] }
            c[k] = -trace / Double(k)
            m.update(from: product, count: n * n)
        }
    }

    /// True when every root of Σ c_k λ^{n−k} (c_0 > 0) has a negative real part: all entries of
    /// the first column of the Routh array are positive. A zero entry counts as not stable.
    @inlinable
    public static func isHurwitz(coefficients c: UnsafePointer<Double>, degree n: Int,
                                 workspace w: UnsafeMutablePointer<Double>) -> Bool {
        for k in 0...n { guard c[k] > 0, c[k].isFinite else { return false } }
        if n <= 2 { return true }   // positive coefficients suffice up to degree 2
        let width = n / 2 + 1
        w.update(repeating: 0, count: (n + 1) * width)
        for j in 0..<width {
            if 2 * j <= n { w[j] = c[2 * j] }
            if 2 * j + 1 <= n { w[width + j] = c[2 * j + 1] }
        }
        for r in 2...n {
            let above = w + (r - 1) * width, twoAbove = w + (r - 2) * width, row = w + r * width
            let lead = above[0]
            for j in 0..<(width - 1) {
                row[j] = (lead * twoAbove[j + 1] - twoAbove[0] * above[j + 1]) / lead
            }
            guard row[0] > 0, row[0].isFinite else { return false }
        }
        return true
    }

    /// The characteristic polynomial coefficients [1, c_1, …, c_n] of a square matrix.
    public static func characteristicPolynomial(_ a: RealMatrix) -> [Double] {
        precondition(a.rows == a.columns, "characteristic polynomial of a non-square matrix")
        let n = a.rows
        var c = [Double](repeating: 0, count: n + 1)
        var w = [Double](repeating: 0, count: polynomialWorkspaceCount(order: n))
        let rowMajor = a.rowMajorElements
        rowMajor.withUnsafeBufferPointer { ap in
            c.withUnsafeMutableBufferPointer { cp in
                w.withUnsafeMutableBufferPointer { wp in
                    characteristicPolynomial(order: n, ap.baseAddress!, coefficients: cp.baseAddress!,
                                             workspace: wp.baseAddress!)
                }
            }
        }
        return c
    }

    /// True when every eigenvalue of the square matrix has a negative real part (Routh–Hurwitz).
    public static func isHurwitz(_ a: RealMatrix) -> Bool {
        guard a.isFinite else { return false }
        let c = characteristicPolynomial(a)
        var w = [Double](repeating: 0, count: routhWorkspaceCount(degree: a.rows))
        return c.withUnsafeBufferPointer { cp in
            w.withUnsafeMutableBufferPointer { isHurwitz(coefficients: cp.baseAddress!, degree: a.rows, workspace: $0.baseAddress!) }
        }
    }
}
