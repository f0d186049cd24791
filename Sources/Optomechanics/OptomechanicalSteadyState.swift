import WGMNumerics

/// The classical steady state of the driven resonator (Eq. 10) and its transmission (Eq. 14).
public struct OptomechanicalSteadyState: Sendable, Equatable {
    /// α_r: CW intracavity amplitude, √photons.
    public let alphaCW: Complex
    /// α_l: CCW intracavity amplitude, √photons.
    public let alphaCCW: Complex
    /// G_r/ω_m = √2 G0 α_r/ω_m: effective CW optomechanical coupling.
    public let couplingCW: Complex
    /// G_l/ω_m = √2 G0 α_l/ω_m: effective CCW optomechanical coupling.
    public let couplingCCW: Complex
    /// T = |a_out/a_in|² (Eq. 14).
    public let transmission: Double

    /// N_r = |α_r|²: CW intracavity photon number.
    public var photonNumberCW: Double { alphaCW.normSquared }
    /// N_l = |α_l|²: CCW intracavity photon number.
    public var photonNumberCCW: Double { alphaCCW.normSquared }
}

extension OptomechanicalModel {
    /// α_r = (iΔ̃ + Γ)E/((iΔ̃ + Γ)² + J1J2), α_l = −iJ2 E/(same), G_j = √2 G0 α_j (Eq. 10) and
    /// T = |1 − 2κ_ex(iΔ̃ + Γ)/((iΔ̃ + Γ)² + J1J2)|² (Eq. 14), at effective detuning Δ̃ = δ·Γ.
    public func steadyState(coupling: BackscatteringCoupling, detuningOverGamma delta: Double) -> OptomechanicalSteadyState {
        let s = Complex(1, delta)
        let denominator = s * s + coupling.j1 * coupling.j2
        let ratioCW = s / denominator
        let ratioCCW = (Complex(0, -1) * coupling.j2) / denominator
        let out = Complex.one - (2 * scaled.externalDecayOverGamma) * ratioCW
        return OptomechanicalSteadyState(alphaCW: scaled.fieldOverGamma * ratioCW, alphaCCW: scaled.fieldOverGamma * ratioCCW,
                           couplingCW: scaled.couplingUnit * ratioCW, couplingCCW: scaled.couplingUnit * ratioCCW,
                           transmission: out.normSquared)
    }

    /// T(Δ̃) alone (Eq. 14).
    public func transmission(coupling: BackscatteringCoupling, detuningOverGamma delta: Double) -> Double {
        let s = Complex(1, delta)
        let ratio = s / (s * s + coupling.j1 * coupling.j2)
        return (Complex.one - (2 * scaled.externalDecayOverGamma) * ratio).normSquared
    }
}
