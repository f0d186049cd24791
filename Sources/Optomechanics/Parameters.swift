import Foundation
import WGMNumerics

/// The physical parameters of the WGM optomechanical resonator (SI units; rates are angular, in
/// s⁻¹). The defaults are the paper's (Sec. III, text after Fig. 4).
public struct OptomechanicalParameters: Sendable, Equatable {
    /// Effective mass μ of the mechanical breathing mode, kg (10 ng).
    public var mass: Double = 10e-12
    /// Resonator radius R, m.
    public var radius: Double = 1.1e-3
    /// Environment temperature T_e, K.
    public var temperature: Double = 0.2
    /// Mechanical angular frequency ω_m, s⁻¹.
    public var mechanicalFrequency: Double = 6.3e7
    /// Mechanical damping rate γ_m, s⁻¹ (1e-5 ω_m).
    public var mechanicalDamping: Double = 6.3e2
    /// Optical angular frequency ω_c, s⁻¹ (the drive ω_d ≈ ω_c enters a_in).
    public var cavityFrequency: Double = 1.22e15
    /// Intrinsic optical decay rate κ0, s⁻¹ (0.3 ω_m).
    public var intrinsicDecay: Double = 0.3 * 6.3e7
    /// Fibre–cavity coupling rate κ_ex, s⁻¹ (= κ0: critical coupling).
    public var externalDecay: Double = 0.3 * 6.3e7
    /// Input laser power P, W.
    public var power: Double = 30e-3
    /// Azimuthal mode number m.
    public var azimuthalNumber: Int = 4

    /// The paper's parameters.
    public init() {}

    /// The paper's parameters (same as `init()`).
    public static let paper = OptomechanicalParameters()

    /// Total optical dissipation Γ = κ0 + κ_ex, s⁻¹: the unit of detunings and backscattering.
    public var totalDecay: Double { intrinsicDecay + externalDecay }

    /// Single-photon optomechanical coupling G0 = (ω_c/R)·√(ħ/(μ ω_m)), s⁻¹ (≈ 453.8).
    public var singlePhotonCoupling: Double {
        (cavityFrequency / radius) * (PhysicalConstants.reducedPlanck / (mass * mechanicalFrequency)).squareRoot()
    }

    /// Mean thermal phonon number n_m = 1/(exp(ħω_m/k_B T_e) − 1) (≈ 415.1).
    public var thermalPhononNumber: Double {
        1 / expm1(PhysicalConstants.reducedPlanck * mechanicalFrequency / (PhysicalConstants.boltzmann * temperature))
    }

    /// Input field amplitude a_in = √(P/(ħ ω_c)), s^-1/2 (≈ 4.829e8).
    public var inputAmplitude: Double { (power / (PhysicalConstants.reducedPlanck * cavityFrequency)).squareRoot() }

    /// Drive amplitude E = √(2κ_ex)·a_in, s⁻¹ (the printed ε of Eqs. 2, 3, 10; ≈ 2.969e12).
    public var drive: Double { (2 * externalDecay).squareRoot() * inputAmplitude }

    /// The azimuthal angle β_Im = π/(2m) at which a nanoparticle with η = ε cancels a defect
    /// (π/8 for m = 4; also π/(2m) + nπ/m).
    public var immuneAngle: Double { Double.pi / (2 * Double(azimuthalNumber)) }

    /// Returns self when every parameter is finite and physical, otherwise throws naming the first
    /// bad one.
    public func validated() throws -> OptomechanicalParameters {
        let positive: [(String, Double)] = [
            ("mass μ (kg)", mass), ("radius R (m)", radius), ("temperature Te (K)", temperature),
            ("mechanical frequency ωm (1/s)", mechanicalFrequency),
            ("mechanical damping γm (1/s)", mechanicalDamping),
            ("cavity frequency ωc (1/s)", cavityFrequency),
            ("external decay κex (1/s)", externalDecay), ("power P (W)", power),
        ]
        for (name, value) in positive where !(value.isFinite && value > 0) {
            throw OptomechanicsError.invalidParameter(name: name, value: value, allowed: "finite and > 0")
        }
        guard intrinsicDecay.isFinite, intrinsicDecay >= 0 else {
            throw OptomechanicsError.invalidParameter(name: "intrinsic decay κ0 (1/s)", value: intrinsicDecay,
                                                      allowed: "finite and ≥ 0")
        }
        guard azimuthalNumber >= 1 else {
            throw OptomechanicsError.invalidParameter(name: "azimuthal number m", value: Double(azimuthalNumber),
                                                      allowed: "an integer ≥ 1")
        }
        let derived: [(String, Double)] = [("G0", singlePhotonCoupling), ("n_m", thermalPhononNumber), ("drive E", drive)]
        for (name, value) in derived where !(value.isFinite && value > 0) {
            throw OptomechanicsError.invalidParameter(name: "derived \(name)", value: value,
                                                      allowed: "finite and > 0 (parameters out of range)")
        }
        return self
    }
}
