import WGMNumerics

/// The paper's analytic weak-drive results (Eqs. 5–7), from the effective Hamiltonian with the
/// Hilbert space truncated at three photons: Δ1 = 2Δ − iγ, Δ2 = Δ1 + 2χ, η1 = 4|J|² − Δ1²,
/// η2 = 4|J|² − Δ2².
public struct WeakDriveApproximation: Sendable, Equatable {
    /// The rates it is evaluated for.
    public let rates: ModelRates

    /// The approximation at these rates.
    public init(_ rates: ModelRates) { self.rates = rates }

    private var delta1: Complex { Complex(2 * rates.detuning, -rates.gamma) }
    private var delta2: Complex { delta1 + Complex(2 * rates.kerr) }
    private var j2: Double { rates.coupling.normSquared }
    private var eta1: Complex { Complex(4 * j2) - delta1 * delta1 }
    private var eta2: Complex { Complex(4 * j2) - delta2 * delta2 }
    /// Δ1Δ2 + 4|J|²χ/Δ2, the numerator shared by Eqs. 5 and 7.
    private var numerator: Complex { delta1 * delta2 + Complex(4 * j2 * rates.kerr) / delta2 }

    /// C20 = 2√2ξ²(Δ1Δ2 + 4|J|²χ/Δ2)/(η1η2) (Eq. 5).
    public var c20: Complex {
        (2 * 2.0.squareRoot() * rates.drive * rates.drive) * numerator / (eta1 * eta2)
    }
    /// P20 = |C20|².
    public var p20: Double { c20.normSquared }
    /// P10 = 4ξ²|Δ1/η1|² (Eq. 6).
    public var p10: Double { 4 * rates.drive * rates.drive * (delta1 / eta1).normSquared }
    /// P01 = 16ξ²|J/η1|² (Eq. 6).
    public var p01: Double { 16 * rates.drive * rates.drive * (rates.coupling / eta1).normSquared }
    /// g2(0) ≈ |η1(Δ1Δ2 + 4|J|²χ/Δ2)/(Δ1²η2)|² (Eq. 7).
    public var g2: Double { (eta1 * numerator / (delta1 * delta1 * eta2)).normSquared }
}

/// SPB-against-backscattering efficiency (Eq. 8): ζ = (1 − g2_device)/(1 − g2_ideal), R = max(0, ζ).
/// Both g2 at Δ = 0 with the same χ and ξ. NaN when the ideal cavity shows no antibunching
/// (g2_ideal ≥ 1, e.g. χ = 0), where Eq. 8 is undefined.
public enum BlockadeEfficiency {
    /// ζ of Eq. 8.
    public static func zeta(deviceG2: Double, idealG2: Double) -> Double {
        idealG2 < 1 ? (1 - deviceG2) / (1 - idealG2) : .nan
    }
    /// R = max(0, ζ) (Eq. 8).
    public static func ratio(deviceG2: Double, idealG2: Double) -> Double {
        let z = zeta(deviceG2: deviceG2, idealG2: idealG2)
        return z.isNaN ? .nan : max(0, z)
    }
}
