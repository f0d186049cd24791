/// The truncated two-mode Fock space |m, n⟩ (m CW photons, n CCW photons, each < cutoff), and
/// the ordering of density-matrix elements used by the solver.
///
/// States are grouped into excitation sectors K = m + n (the undriven Hamiltonian conserves K);
/// inside a sector they are ordered by increasing m. The density matrix is split into blocks
/// ρ_{K,K'} (ket sector K, bra sector K'); blocks are stored in order of increasing level
/// ℓ = K + K' and then K, each block row-major. The vacuum element comes first, and the drive
/// (the only term that changes ℓ) couples neighbouring levels only.
struct TwoModeFockSpace: Sendable {
    /// Fock states per mode.
    let cutoff: Int
    /// Hilbert-space dimension cutoff².
    var dimension: Int { cutoff * cutoff }
    /// Number of excitation sectors, 2·cutoff − 1.
    var sectorCount: Int { 2 * cutoff - 1 }
    /// Highest level, 2·(sectorCount − 1).
    var maxLevel: Int { 2 * (sectorCount - 1) }
    /// Fock indices (m·cutoff + n) of each sector's states, in sector order.
    let sectorStates: [[Int]]
    /// Sector of each Fock index.
    let sectorOf: [Int]
    /// Position of each Fock index inside its sector.
    let positionOf: [Int]
    /// Offset of block (K, K') in the element vector: blockOffset[K·sectorCount + K'].
    let blockOffset: [Int]
    /// First element index of each level ℓ (count maxLevel + 2).
    let levelStart: [Int]

    init(cutoff: Int) {
        self.cutoff = cutoff
        let s = 2 * cutoff - 1
        var states = [[Int]](repeating: [], count: s)
        for k in 0..<s {
            for m in max(0, k - cutoff + 1)...min(k, cutoff - 1) { states[k].append(m * cutoff + (k - m)) }
        }
        var sec = [Int](repeating: 0, count: cutoff * cutoff), pos = sec
        for (k, list) in states.enumerated() { for (p, f) in list.enumerated() { sec[f] = k; pos[f] = p } }
        sectorStates = states; sectorOf = sec; positionOf = pos
        var offsets = [Int](repeating: 0, count: s * s)
        var starts: [Int] = []
        var next = 0
        for level in 0...(2 * (s - 1)) {
            starts.append(next)
            for k in max(0, level - s + 1)...min(level, s - 1) {
                offsets[k * s + (level - k)] = next
                next += states[k].count * states[level - k].count
            }
        }
        starts.append(next)
        blockOffset = offsets; levelStart = starts
    }

    /// Photon numbers (m, n) of a Fock index.
    @inline(__always) func photons(_ f: Int) -> (m: Int, n: Int) { (f / cutoff, f % cutoff) }
    /// Size of sector K.
    @inline(__always) func size(_ k: Int) -> Int { sectorStates[k].count }
    /// Element index of |i⟩⟨j| (Fock indices i, j).
    @inline(__always) func element(_ i: Int, _ j: Int) -> Int {
        let kb = sectorOf[j]
        return blockOffset[sectorOf[i] * sectorCount + kb] + positionOf[i] * sectorStates[kb].count + positionOf[j]
    }
    /// Number of density-matrix elements, cutoff⁴.
    var elementCount: Int { dimension * dimension }
}
