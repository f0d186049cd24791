/// Rate-independent lookup tables for `SectorPreconditioner`, flattened so that its inner
/// loops touch only contiguous memory.
struct SectorTables: Sendable {
    /// One entry per block (K, K'), in order of decreasing level ℓ = K + K'.
    struct Block: Sendable {
        var level: Int
        var offset: Int
        var rows: Int, columns: Int
        /// Offsets of the sectors' hopping eigenvectors in `hopping`.
        var hopRows: Int, hopColumns: Int
        /// Offset of the mirror block (K', K), which holds this block's conjugate transpose in a
        /// Hermitian element vector.
        var mirrorOffset: Int
        /// K > K': in a Hermitian vector this block is the conjugate transpose of (K', K).
        var isBelowDiagonal: Bool { offset > mirrorOffset }
    }
    let blocks: [Block]
    /// All sectors' real hopping eigenvectors, row-major s×s each.
    let hopping: [Double]
    /// For each element |i⟩⟨j| of a block (K, K'): the element of block (K+1, K'+1) that the
    /// mode-1 (mode-2) jump a ρ a† brings into it, or 0 (the vacuum, always zero) if truncated,
    /// and the weight √((m_i+1)(m_j+1)) (resp. √((n_i+1)(n_j+1))), 0 if truncated.
    let jumpSource1: [Int32], jumpSource2: [Int32]
    let jumpWeight1: [Double], jumpWeight2: [Double]
    /// n_i − n_j (CCW photons of ket minus bra) for each element: the phase change by arg J.
    let ccwDifference: [Int32]

    init(space s: TwoModeFockSpace, hoppingVectors: [[Double]]) {
        var hopOffset: [Int] = [], flat: [Double] = []
        for v in hoppingVectors { hopOffset.append(flat.count); flat += v }
        hopping = flat
        var list: [Block] = []
        for level in stride(from: s.maxLevel, through: 0, by: -1) {
            for k in max(0, level - s.sectorCount + 1)...min(level, s.sectorCount - 1) {
                let kb = level - k
                list.append(Block(level: level, offset: s.blockOffset[k * s.sectorCount + kb], rows: s.size(k),
                                  columns: s.size(kb), hopRows: hopOffset[k], hopColumns: hopOffset[kb],
                                  mirrorOffset: s.blockOffset[kb * s.sectorCount + k]))
            }
        }
        blocks = list
        let n = s.elementCount
        var src1 = [Int32](repeating: 0, count: n), src2 = src1, dn = src1
        var w1 = [Double](repeating: 0, count: n), w2 = w1
        for i in 0..<s.dimension {
            let (mi, ni) = s.photons(i)
            for j in 0..<s.dimension {
                let (mj, nj) = s.photons(j)
                let e = s.element(i, j)
                dn[e] = Int32(ni - nj)
                if mi + 1 < s.cutoff && mj + 1 < s.cutoff {
                    src1[e] = Int32(s.element((mi + 1) * s.cutoff + ni, (mj + 1) * s.cutoff + nj))
                    w1[e] = Double((mi + 1) * (mj + 1)).squareRoot()
                }
                if ni + 1 < s.cutoff && nj + 1 < s.cutoff {
                    src2[e] = Int32(s.element(mi * s.cutoff + ni + 1, mj * s.cutoff + nj + 1))
                    w2[e] = Double((ni + 1) * (nj + 1)).squareRoot()
                }
            }
        }
        jumpSource1 = src1; jumpSource2 = src2; jumpWeight1 = w1; jumpWeight2 = w2; ccwDifference = dn
    }
}
