/// The 15 reduced equations of A V + V Aᵀ = −Q (Eq. 11, see `CovarianceKernel`) as fixed lists
/// of products, for the sparsity of A that the model fixes (`fillDriftMatrix`): the q row is
/// a₄₅ e_p and the optical rows have a zero p column; every other entry may be non-zero.
///
/// Coefficient (e, u) of reduced equation e = {i, j} and unknown u is then a fixed sum of Kronecker
/// terms A_ik and substitution terms −A_ik A_rl/a₄₅ (from V_pr = c_r − Σ_l A_rl V_ql/a₄₅), and the
/// right side is −Q_ij − Σ A_ik c_r. The lists are recorded once by running the entry-by-entry
/// assembly symbolically, so every sum keeps its order of additions and the reduced matrix is
/// bit-identical to the direct assembly for finite A. Index data only; the values come from A.
struct ReducedAssemblyPlan {
    /// matrix[entry] += factors[left] · factors[right], with the factor layout of `factorCount`.
    struct MatrixTerm { let entry: UInt8, left: UInt8, right: UInt8 }
    /// rhs[equation] −= A[coefficient] · c[constant], skipped when A[coefficient] = 0.
    struct RightSideTerm { let equation: UInt8, coefficient: UInt8, constant: UInt8 }

    typealias Kernel = CovarianceKernel
    /// Factors: A_k at k (36), 1 at `one`, −A_k/a₄₅ (as −A_k·(1/a₄₅)) at `scaled` + k (36).
    static let one = 36, scaled = 37, factorCount = 73

    /// The Kronecker and substitution terms of the reduced matrix, in the direct assembly's order.
    let matrixTerms: [MatrixTerm]
    /// The reduced matrix as sums: `sumEntries[s]` = Σ of its terms in `sumTerms` (consecutive, in
    /// the direct assembly's order), the sums ordered by their number of terms, `sumLengths`
    /// giving (terms per sum, number of such sums). Each entry is accumulated in a register, and
    /// equal-length sums run with the same loop trip count.
    let sumEntries: [UInt8]
    /// The terms of `sumEntries`, sum after sum.
    let sumTerms: [MatrixTerm]
    /// (terms per sum, number of sums) in the order of `sumEntries`.
    let sumLengths: [(terms: Int, sums: Int)]
    /// The substitution terms of the right side, in the direct assembly's order.
    let rightSideTerms: [RightSideTerm]
    /// Index i·6 + j of Q_ij for reduced equation {i, j} (p standing in the place of q).
    let diffusionIndex: [UInt8]

    /// The plan of this model's drift-matrix sparsity (built on first use).
    static let model = ReducedAssemblyPlan()

    /// True when A_rc can be non-zero: all but the q row (except A_qp) and the optical p column.
    static func mayBeNonZero(_ r: Int, _ c: Int) -> Bool {
        if r == Kernel.q { return c == Kernel.p }
        return c != Kernel.p || r == Kernel.p
    }

    init() {
        var matrix: [MatrixTerm] = [], rightSide: [RightSideTerm] = [], diffusion: [UInt8] = []
        for ei in 0..<5 {
            for ej in ei..<5 {
                let (i, j) = (Self.equationIndex(ei), Self.equationIndex(ej))
                let e = Kernel.reducedIndex(ei, ej)
                diffusion.append(UInt8(i * Kernel.n + j))
                // (A V)_ij = Σ_k A_ik V_kj and (V Aᵀ)_ij = Σ_k A_jk V_ik.
                for k in 0..<Kernel.n {
                    Self.record(e, i, k, k, j, &matrix, &rightSide)
                    Self.record(e, j, k, i, k, &matrix, &rightSide)
                }
            }
        }
        matrixTerms = matrix
        (sumEntries, sumTerms, sumLengths) = Self.sums(of: matrix)
        rightSideTerms = rightSide
        diffusionIndex = diffusion
    }

    /// Groups the terms by entry (keeping their order within an entry) and the entries by their
    /// number of terms.
    static func sums(of terms: [MatrixTerm]) -> ([UInt8], [MatrixTerm], [(terms: Int, sums: Int)]) {
        var byEntry: [UInt8: [MatrixTerm]] = [:]
        for t in terms { byEntry[t.entry, default: []].append(t) }
        let entries = byEntry.keys.sorted { (byEntry[$0]!.count, $0) < (byEntry[$1]!.count, $1) }
        var lengths: [(terms: Int, sums: Int)] = []
        for e in entries {
            let length = byEntry[e]!.count
            if let last = lengths.last, last.terms == length { lengths[lengths.count - 1].sums += 1 }
            else { lengths.append((length, 1)) }
        }
        return (entries, entries.flatMap { byEntry[$0]! }, lengths)
    }

    /// Row or column of A for reduced index 0...4 (4 stands for p).
    static func equationIndex(_ e: Int) -> Int { e < 4 ? e : Kernel.p }

    /// Records the terms of A_rc · V_st in equation e, substituting V_pr.
    static func record(_ e: Int, _ r: Int, _ c: Int, _ s: Int, _ t: Int,
                       _ matrix: inout [MatrixTerm], _ rightSide: inout [RightSideTerm]) {
        guard mayBeNonZero(r, c) else { return }
        let coefficient = r * Kernel.n + c, reduced = Kernel.reduced
        if s != Kernel.p && t != Kernel.p {
            matrix.append(MatrixTerm(entry: UInt8(e * reduced + Kernel.reducedIndex(s, t)),
                                     left: UInt8(coefficient), right: UInt8(one)))
            return
        }
        let m = s == Kernel.p ? t : s
        rightSide.append(RightSideTerm(equation: UInt8(e), coefficient: UInt8(coefficient), constant: UInt8(m)))
        guard m != Kernel.q else { return }
        for l in 0...Kernel.q where mayBeNonZero(m, l) {
            matrix.append(MatrixTerm(entry: UInt8(e * reduced + Kernel.reducedIndex(Kernel.q, l)),
                                     left: UInt8(scaled + coefficient), right: UInt8(m * Kernel.n + l)))
        }
    }
}
