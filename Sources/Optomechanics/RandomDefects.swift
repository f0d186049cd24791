/// Seeded random defects for Fig. 5 (Σ ε_j = 2Γ, random ε_j and β_j).
public enum RandomDefects {
    /// SplitMix64 (Steele, Lea & Flood 2014): a small deterministic 64-bit generator; the same
    /// seed gives the same sequence on every platform.
    public struct SplitMix64: Sendable, Equatable {
        /// The generator state.
        public private(set) var state: UInt64
        /// A generator started at `seed`.
        public init(seed: UInt64) { state = seed }
        /// The next 64 random bits.
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// A uniform double in (0, 1]: (top 53 bits + 1)·2⁻⁵³.
        public mutating func nextUnit() -> Double { Double((next() >> 11) + 1) * 0x1p-53 }
    }

    /// The seed used for the paper's Fig. 5 panels (documented in the figures' metadata).
    public static let figureSeed: UInt64 = 20_250_224

    /// `count` defects with Σ ε_j = totalStrength (units of Γ): for each j in turn, u_j ∈ (0, 1]
    /// and then β_j = (π/2)·v_j with v_j ∈ (0, 1] are drawn; ε_j = totalStrength·u_j/Σu.
    public static func draw(count: Int, totalStrength: Double = 2, seed: UInt64 = figureSeed) -> [Defect] {
        precondition(count >= 1, "at least one defect")
        var rng = SplitMix64(seed: seed)
        var weights: [Double] = [], angles: [Double] = []
        for _ in 0..<count {
            weights.append(rng.nextUnit())
            angles.append(Double.pi / 2 * rng.nextUnit())
        }
        let sum = weights.reduce(0, +)
        return zip(weights, angles).map { Defect(strength: totalStrength * $0 / sum, angle: $1) }
    }
}
