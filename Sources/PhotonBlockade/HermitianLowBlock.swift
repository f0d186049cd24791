import WGMNumerics

/// The exactly solved low levels of the `SectorPreconditioner` (elements first ..< end, a set
/// closed under |i⟩⟨j| ↔ |j⟩⟨i|) as a real linear system on Hermitian vectors.
///
/// A Hermitian x has one real unknown per diagonal element (u = x_ii) and two per pair
/// (u + iv = x_ij, so x_ji = u − iv). A Hermiticity-preserving L maps it to a Hermitian L·x, so
/// the real and imaginary parts of the representative rows (the real part alone on the diagonal)
/// are as many real equations as unknowns: a real LU of that order replaces the complex one of
/// the same order, a quarter of its arithmetic.
struct HermitianLowBlock {
    /// Representative elements, ascending, and the index of each one's first real unknown.
    let rows: [Int32]
    let firstUnknown: [Int32]
    /// True where the representative is a diagonal element (one unknown, one equation).
    let isDiagonal: [Bool]
    let lu: RealDenseLU

    /// Builds the real system of (L − s)·x = b restricted to elements first ..< end.
    init(_ l: SparseComplexMatrix, hermitian h: HermitianElements, first: Int, end: Int, shift: Double) throws {
        var rows: [Int32] = [], firstUnknown: [Int32] = [], diagonal: [Bool] = []
        var unknownOf = [Int](repeating: -1, count: end)
        var count = 0
        for e in first..<end where Int(h.mirror[e]) >= e {
            rows.append(Int32(e)); firstUnknown.append(Int32(count)); unknownOf[e] = count
            let isDiagonal = Int(h.mirror[e]) == e
            diagonal.append(isDiagonal)
            count += isDiagonal ? 1 : 2
        }
        var a = [Double](repeating: 0, count: count * count)   // column-major
        for (q, r) in rows.enumerated() {
            let i = Int(r), row = Int(firstUnknown[q])
            for k in Int(l.rowStart[i])..<Int(l.rowStart[i + 1]) {
                let j = Int(l.columnIndex[k])
                guard j >= first && j < end else { continue }
                var c = l.values[k]
                if j == i { c.re -= shift }
                Self.add(c, column: j, row: row, realOnly: diagonal[q], h, unknownOf, &a, count)
            }
        }
        self.rows = rows; self.firstUnknown = firstUnknown; isDiagonal = diagonal
        lu = try RealDenseLU(order: count, columnMajor: a)
    }

    /// Adds c·x_j to the real (and, unless `realOnly`, imaginary) equation of a row:
    /// with x_j = u ± iv, c·x_j = (a·u ∓ b·v) + i(b·u ± a·v).
    private static func add(_ c: Complex, column j: Int, row: Int, realOnly: Bool, _ h: HermitianElements,
                            _ unknownOf: [Int], _ a: inout [Double], _ n: Int) {
        let partner = Int(h.mirror[j])
        let representative = partner >= j ? j : partner
        let u = unknownOf[representative]
        a[u * n + row] += c.re
        if !realOnly { a[u * n + row + 1] += c.im }
        guard partner != j else { return }            // x_j real: no v
        let sign: Double = representative == j ? 1 : -1
        let v = u + 1
        a[v * n + row] -= sign * c.im
        if !realOnly { a[v * n + row + 1] += sign * c.re }
    }

    /// Solves the low block for the right side `b` (complex, Hermitian) into x, both indexed by
    /// element; `scratch` holds at least `lu.order` doubles.
    func solve(_ b: UnsafeMutablePointer<Complex>, into x: UnsafeMutablePointer<Complex>, mirror: UnsafePointer<Int32>,
               scratch: UnsafeMutableBufferPointer<Double>) {
        let y = UnsafeMutableBufferPointer(rebasing: scratch[0..<lu.order])
        for q in rows.indices {
            let e = Int(rows[q]), u = Int(firstUnknown[q])
            y[u] = b[e].re
            if !isDiagonal[q] { y[u + 1] = b[e].im }
        }
        lu.solve(inPlace: y)
        for q in rows.indices {
            let e = Int(rows[q]), u = Int(firstUnknown[q])
            if isDiagonal[q] {
                x[e] = Complex(y[u], 0)
            } else {
                x[e] = Complex(y[u], y[u + 1]); x[Int(mirror[e])] = Complex(y[u], -y[u + 1])
            }
        }
    }
}
