import Foundation
import WGMNumerics

/// The resonator, waveguide and drive in SI units (main-text values of paper 002 by default).
/// Derived rates are angular and in units of 1e6 s⁻¹ (the paper's "MHz"); γex = γ0
/// (critical coupling, as resolved in PHYSICS.md).
public struct ResonatorParameters: Sendable, Equatable {
    /// Vacuum wavelength λ, m.
    public var wavelength: Double
    /// Intrinsic quality factor Q.
    public var qualityFactor: Double
    /// Refractive index n0.
    public var refractiveIndex: Double
    /// Effective mode volume V_eff, m³.
    public var modeVolume: Double
    /// χ⁽³⁾/εr², m²/V².
    public var kerrSusceptibility: Double
    /// Input power P_in, W.
    public var inputPower: Double

    /// The paper's values: λ = 1550 nm, Q = 1e10, n0 = 1.4, V_eff = 150 µm³, χ⁽³⁾/εr² = 1.8e-17 m²/V², P_in = 4 fW.
    public static let paper = ResonatorParameters(wavelength: 1550e-9, qualityFactor: 1e10, refractiveIndex: 1.4,
                                                  modeVolume: 150e-18, kerrSusceptibility: 1.8e-17, inputPower: 4e-15)

    /// Memberwise initialiser.
    public init(wavelength: Double, qualityFactor: Double, refractiveIndex: Double, modeVolume: Double,
                kerrSusceptibility: Double, inputPower: Double) {
        self.wavelength = wavelength; self.qualityFactor = qualityFactor; self.refractiveIndex = refractiveIndex
        self.modeVolume = modeVolume; self.kerrSusceptibility = kerrSusceptibility; self.inputPower = inputPower
    }

    /// Throws unless every input is finite and positive (χ⁽³⁾ may be zero: a linear cavity).
    public func validate() throws {
        try PhotonBlockadeError.check("wavelength (m)", wavelength, "> 0") { $0 > 0 }
        try PhotonBlockadeError.check("quality factor", qualityFactor, "> 0") { $0 > 0 }
        try PhotonBlockadeError.check("refractive index", refractiveIndex, "> 0") { $0 > 0 }
        try PhotonBlockadeError.check("mode volume (m^3)", modeVolume, "> 0") { $0 > 0 }
        try PhotonBlockadeError.check("chi3/eps_r^2 (m^2/V^2)", kerrSusceptibility, ">= 0") { $0 >= 0 }
        try PhotonBlockadeError.check("input power (W)", inputPower, "> 0") { $0 > 0 }
    }

    /// Resonance angular frequency ω0 = 2πc/λ, rad/s (SI).
    public var omega0SI: Double { 2 * Double.pi * PhysicalConstants.speedOfLight / wavelength }
    /// Intrinsic loss γ0 = ω0/Q, 1e6 s⁻¹.
    public var gamma0: Double { omega0SI / qualityFactor / 1e6 }
    /// Waveguide coupling γex = γ0 (critical coupling), 1e6 s⁻¹.
    public var gammaEx: Double { gamma0 }
    /// γ1 = γ0 + γex, 1e6 s⁻¹ (Eq. 4).
    public var gamma1: Double { gamma0 + gammaEx }
    /// Kerr parameter χ = 3ħω0²(χ⁽³⁾/εr²)/(4ε0V_eff), 1e6 s⁻¹ (Eq. 2).
    public var kerr: Double {
        3 * PhysicalConstants.reducedPlanck * omega0SI * omega0SI * kerrSusceptibility
            / (4 * PhysicalConstants.vacuumPermittivity * modeVolume) / 1e6
    }
    /// Drive amplitude ξ = √(γex·P_in/(ħω0)), 1e6 s⁻¹ (Eq. 3).
    public var drive: Double {
        (gammaEx * 1e6 * inputPower / (PhysicalConstants.reducedPlanck * omega0SI)).squareRoot() / 1e6
    }
    /// Optical wavenumber k_opt = 2πn0/λ, µm⁻¹ (Eq. 1).
    public var opticalWavenumber: Double { 2 * Double.pi * refractiveIndex / (wavelength * 1e6) }
}
