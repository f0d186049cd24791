import Foundation
import WGMNumerics

/// An approximate inverse of the Liouvillian (vacuum element fixed) for GMRES, or of the
/// shifted Liouvillian L − s (s > 0, all elements) for the shift-and-invert propagation of g2(τ).
///
/// Above level `exactLevels` it inverts the undriven Liouvillian L0 exactly: L0 keeps each block
/// ρ_{K,K'} except for the jump term, which feeds block (K+1, K'+1) into (K, K'), so L0 is block
/// triangular and is inverted from the top level down. Inside a block, L0 is diagonal in the
/// eigenbasis of the sector Hamiltonian, which is known in closed form: the Kerr and detuning
/// terms are constant in a sector (χK(K−1) + ΔK), and the hopping term is |J| times a fixed real
/// matrix after a phase change by arg J. The lowest levels (where most of the weight and the
/// strongest drive couplings are) are solved exactly, drive included, by a small dense LU,
/// using the already known higher levels. The result is block upper triangular: one pass each.
///
/// With `hermitianInput` (the steady-state solve, whose vectors all represent Hermitian operators,
/// see `HermitianElements`) each block (K, K') with K > K' is not solved but copied as the
/// conjugate transpose of block (K', K): the map is the same on Hermitian vectors, at about half
/// the cost.
final class SectorPreconditioner {
    let structure: LiouvillianStructure
    let matrix: SparseComplexMatrix
    /// First element index above the exactly solved levels.
    let lowEnd: Int
    /// The low levels' factors: complex (any input) or, for Hermitian input, the real system of
    /// `HermitianLowBlock` (a quarter of the arithmetic).
    enum LowLevels { case complex(ComplexLU), hermitian(HermitianLowBlock) }
    let low: LowLevels
    /// The real shift s (0: the steady-state problem, vacuum element fixed).
    let shift: Double
    /// Every input is Hermitian: blocks below the diagonal are mirrored, not solved.
    let hermitianInput: Bool
    /// First element the preconditioner solves for (1 when the vacuum is fixed, else 0).
    var firstElement: Int { shift == 0 ? 1 : 0 }
    /// γ·jump weights, 1/D_{K,K'}[α, β] and the phase change e^{i·arg J·(n_i − n_j)}, per element.
    let weight1: [Double], weight2: [Double]
    let inverseDiagonal: [Complex]
    let elementPhase: [Complex]

    init(structure: LiouvillianStructure, matrix: SparseComplexMatrix, rates: ModelRates, exactLevels: Int = 3,
         shift: Double = 0, hermitianInput: Bool = false) throws {
        self.structure = structure; self.matrix = matrix; self.shift = shift; self.hermitianInput = hermitianInput
        let s = structure.space, t = structure.tables
        let top = min(max(exactLevels, 0), s.maxLevel)
        lowEnd = s.levelStart[top + 1]
        do {
            low = hermitianInput
                ? .hermitian(try HermitianLowBlock(matrix, hermitian: structure.hermitian, first: shift == 0 ? 1 : 0,
                                                   end: lowEnd, shift: shift))
                : .complex(try Self.lowBlock(matrix, lowEnd, shift: shift))
        } catch {
            throw PhotonBlockadeError.numerical("low-level block of the Liouvillian is singular (\(error))")
        }
        weight1 = t.jumpWeight1.map { rates.gamma * $0 }
        weight2 = t.jumpWeight2.map { rates.gamma * $0 }
        let theta = rates.coupling.phase
        let table = (0..<(2 * s.cutoff - 1)).map { Complex.polar(1, theta * Double($0 - s.cutoff + 1)) }
        elementPhase = t.ccwDifference.map { table[Int($0) + s.cutoff - 1] }
        inverseDiagonal = Self.inverseDiagonal(s, structure, rates, shift: shift, mirrored: hermitianInput)
    }

    /// Dense LU of L − s restricted to elements first ..< lowEnd (vacuum excluded when s = 0).
    private static func lowBlock(_ l: SparseComplexMatrix, _ end: Int, shift: Double) throws -> ComplexLU {
        let first = shift == 0 ? 1 : 0
        var a = ComplexMatrix(rows: end - first, columns: end - first)
        for i in first..<end {
            a[i - first, i - first] -= Complex(shift)
            for k in Int(l.rowStart[i])..<Int(l.rowStart[i + 1]) {
                let j = Int(l.columnIndex[k])
                if j >= first && j < end { a[i - first, j - first] += l.values[k] }
            }
        }
        return try ComplexLU(a)
    }

    /// 1/(D − s) with D_{K,K'}[α, β] = −i(E_α^K − E_β^K') − γ(K + K')/2 (zero where D − s = 0,
    /// i.e. the fixed vacuum of the unshifted problem); `mirrored` leaves the blocks K > K' zero
    /// (they are copied, not solved).
    private static func inverseDiagonal(_ s: TwoModeFockSpace, _ st: LiouvillianStructure, _ r: ModelRates,
                                        shift: Double, mirrored: Bool) -> [Complex] {
        var out = [Complex](repeating: .zero, count: s.elementCount)
        let absJ = r.coupling.magnitude
        let energy: [[Double]] = (0..<s.sectorCount).map { k in
            let base = r.detuning * Double(k) + r.kerr * Double(k * (k - 1))
            return st.hoppingValues[k].map { base + absJ * $0 }
        }
        for k in 0..<s.sectorCount {
            for kb in 0..<s.sectorCount where !(mirrored && k > kb) {
                let off = s.blockOffset[k * s.sectorCount + kb], sb = s.size(kb)
                let decay = -r.gamma * Double(k + kb) / 2 - shift
                for a in 0..<s.size(k) {
                    for b in 0..<sb {
                        let d = Complex(decay, -(energy[k][a] - energy[kb][b]))
                        out[off + a * sb + b] = (d.re == 0 && d.im == 0) ? .zero : Complex.one / d
                    }
                }
            }
        }
        return out
    }

    /// x = M⁻¹·b (unshifted: element 0, the vacuum, is ignored on input and set to zero on output).
    func apply(_ b: UnsafeBufferPointer<Complex>, _ x: UnsafeMutableBufferPointer<Complex>) {
        let t = structure.tables
        let maxSize = structure.space.cutoff
        x[0] = .zero
        withUnsafeTemporaryAllocation(of: SIMD2<Double>.self, capacity: 3 * maxSize * maxSize) { scratch in
            t.blocks.withUnsafeBufferPointer { blocks in
            t.hopping.withUnsafeBufferPointer { hop in
            t.jumpSource1.withUnsafeBufferPointer { s1 in
            t.jumpSource2.withUnsafeBufferPointer { s2 in
            weight1.withUnsafeBufferPointer { w1 in
            weight2.withUnsafeBufferPointer { w2 in
            elementPhase.withUnsafeBufferPointer { ph in
            inverseDiagonal.withUnsafeBufferPointer { inv in
                let tables = Tables(hop: hop.baseAddress!, s1: s1.baseAddress!, s2: s2.baseAddress!, w1: w1.baseAddress!,
                                    w2: w2.baseAddress!, phase: ph.baseAddress!, inv: inv.baseAddress!)
                let mirrored = hermitianInput
                for block in blocks {
                    if block.offset < lowEnd { break }
                    if mirrored && block.isBelowDiagonal { continue }
                    Self.solveBlock(block, tables, b.baseAddress!, x.baseAddress!, scratch.baseAddress!, maxSize * maxSize)
                    if mirrored && block.mirrorOffset != block.offset { Self.mirror(block, x.baseAddress!) }
                }
            }}}}}}}}
        }
        solveLow(b, x)
    }

    private struct Tables {
        let hop: UnsafePointer<Double>
        let s1: UnsafePointer<Int32>, s2: UnsafePointer<Int32>
        let w1: UnsafePointer<Double>, w2: UnsafePointer<Double>
        let phase: UnsafePointer<Complex>, inv: UnsafePointer<Complex>
    }

    /// One block of the undriven inverse: x = U_K [(U_K†·y·U_K') ∘ (1/D)] U_K'†, with
    /// y = b − γ·Σ_j a_j·x_{K+1,K'+1}·a_j† and U_K = diag(e^{−i·arg J·n})·O_K. The scratch holds
    /// complex numbers as SIMD2 (re, im), so each real × complex product is one vector operation;
    /// the inner loops run along contiguous rows, each sum in the same order as a plain dot product.
    @inline(__always)
    private static func solveBlock(_ blk: SectorTables.Block, _ t: Tables, _ b: UnsafePointer<Complex>,
                                   _ x: UnsafeMutablePointer<Complex>, _ scratch: UnsafeMutablePointer<SIMD2<Double>>,
                                   _ stride: Int) {
        let sa = blk.rows, sb = blk.columns, off = blk.offset
        let ya = scratch, tmp = scratch + stride, z = scratch + 2 * stride
        let oa = t.hop + blk.hopRows, ob = t.hop + blk.hopColumns
        for e in 0..<(sa * sb) {
            let g = off + e
            let u = x[Int(t.s1[g])], v = x[Int(t.s2[g])]
            let w1 = t.w1[g], w2 = t.w2[g]
            let re = b[g].re - w1 * u.re - w2 * v.re
            let im = b[g].im - w1 * u.im - w2 * v.im
            let p = t.phase[g]
            ya[e] = SIMD2(re * p.re - im * p.im, re * p.im + im * p.re)
        }
        // tmp = Oaᵀ·y: row a of tmp accumulates oa[p, a]·(row p of y), p ascending.
        tmp.update(repeating: .zero, count: sa * sb)
        for p in 0..<sa {
            let yRow = ya + p * sb
            for a in 0..<sa {
                let w = oa[p * sa + a], tRow = tmp + a * sb
                for q in 0..<sb { tRow[q] += w * yRow[q] }
            }
        }
        // z = (tmp·Ob) ∘ (1/D): row a of z accumulates tmp[a, q]·(row q of Ob), q ascending.
        for a in 0..<sa {
            let zRow = z + a * sb, tRow = tmp + a * sb
            for c in 0..<sb { zRow[c] = .zero }
            for q in 0..<sb {
                let v = tRow[q], oRow = ob + q * sb
                for c in 0..<sb { zRow[c] += oRow[c] * v }
            }
            for c in 0..<sb {
                let d = t.inv[off + a * sb + c], v = zRow[c]
                zRow[c] = SIMD2(v.x * d.re - v.y * d.im, v.x * d.im + v.y * d.re)
            }
        }
        // tmp = Oa·z: row p of tmp accumulates oa[p, a]·(row a of z), a ascending.
        for p in 0..<sa {
            let tRow = tmp + p * sb
            for c in 0..<sb { tRow[c] = .zero }
            for a in 0..<sa {
                let w = oa[p * sa + a], zRow = z + a * sb
                for c in 0..<sb { tRow[c] += w * zRow[c] }
            }
        }
        // x = (tmp·Obᵀ) ∘ conj(phase): a dot product of row p of tmp with row q of Ob.
        for p in 0..<sa {
            let tRow = tmp + p * sb
            for q in 0..<sb {
                let oRow = ob + q * sb
                var acc = SIMD2<Double>.zero
                for c in 0..<sb { acc += oRow[c] * tRow[c] }
                let ph = t.phase[off + p * sb + q]
                x[off + p * sb + q] = Complex(acc.x * ph.re + acc.y * ph.im, acc.y * ph.re - acc.x * ph.im)
            }
        }
    }

    /// Writes block (K', K) as the conjugate transpose of the solved block (K, K').
    @inline(__always)
    private static func mirror(_ blk: SectorTables.Block, _ x: UnsafeMutablePointer<Complex>) {
        let sa = blk.rows, sb = blk.columns
        for a in 0..<sa {
            for b in 0..<sb { x[blk.mirrorOffset + b * sa + a] = x[blk.offset + a * sb + b].conjugate }
        }
    }

    /// The exactly solved low levels: (L − s)_low·x_low = b_low − L_{low,high}·x_high.
    private func solveLow(_ b: UnsafeBufferPointer<Complex>, _ x: UnsafeMutableBufferPointer<Complex>) {
        x[0] = .zero
        let end = lowEnd, first = firstElement
        // acc_i = b_i − Σ_{j ≥ end} L_ij x_j, into x_i (for Hermitian input the representative rows suffice).
        func reduce(_ i: Int, _ rs: UnsafeBufferPointer<Int32>, _ ci: UnsafeBufferPointer<Int32>, _ v: UnsafeBufferPointer<Complex>) {
            var acc = b[i]
            for k in Int(rs[i])..<Int(rs[i + 1]) {
                let j = Int(ci[k])
                if j >= end { acc -= v[k] * x[j] }
            }
            x[i] = acc
        }
        matrix.rowStart.withUnsafeBufferPointer { rs in
            matrix.columnIndex.withUnsafeBufferPointer { ci in
                matrix.values.withUnsafeBufferPointer { v in
                    switch low {
                    case .hermitian(let block): for r in block.rows { reduce(Int(r), rs, ci, v) }
                    case .complex: for i in first..<end { reduce(i, rs, ci, v) }
                    }
                }
            }
        }
        switch low {
        case .hermitian(let block):
            structure.hermitian.mirror.withUnsafeBufferPointer { m in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: block.lu.order) { scratch in
                    block.solve(x.baseAddress!, into: x.baseAddress!, mirror: m.baseAddress!, scratch: scratch)
                }
            }
        case .complex(let lu):
            lu.solve(inPlace: UnsafeMutableBufferPointer(rebasing: x[first..<end]))
        }
    }
}
