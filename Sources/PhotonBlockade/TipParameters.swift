import Foundation
import WGMNumerics

/// A position of the nanotip: radial distance r and azimuthal distance φ from the intrinsic scatterer, µm.
public struct TipPosition: Sendable, Equatable {
    /// Radial distance r, µm.
    public var r: Double
    /// Relative azimuthal distance φ, µm.
    public var phi: Double
    /// Memberwise initialiser.
    public init(r: Double, phi: Double) { self.r = r; self.phi = phi }
}

/// The nanotip of Eq. 1 and Eq. 4 (values of paper 002, ref. 24); rates in 1e6 s⁻¹, lengths in µm.
public struct TipParameters: Sendable, Equatable {
    /// Coupling amplitude a_t, 1e6 s⁻¹.
    public var couplingAmplitude: Double
    /// Coupling decay length (2β_t)⁻¹, µm.
    public var couplingDecayLength: Double
    /// Radial phase rate θ_t, rad/µm.
    public var radialPhaseRate: Double
    /// Initial phase θ, rad.
    public var initialPhase: Double
    /// Loss amplitude a_γ, 1e6 s⁻¹.
    public var lossAmplitude: Double
    /// Loss decay length (2β_γ)⁻¹, µm.
    public var lossDecayLength: Double

    /// a_t = 14.3, (2β_t)⁻¹ = 0.099 µm, θ_t = 3π/2 µm⁻¹, θ = −π/2, a_γ = 2.43, (2β_γ)⁻¹ = 0.092 µm.
    public static let paper = TipParameters(couplingAmplitude: 14.3, couplingDecayLength: 0.099,
                                            radialPhaseRate: 1.5 * Double.pi, initialPhase: -0.5 * Double.pi,
                                            lossAmplitude: 2.43, lossDecayLength: 0.092)

    /// Memberwise initialiser.
    public init(couplingAmplitude: Double, couplingDecayLength: Double, radialPhaseRate: Double,
                initialPhase: Double, lossAmplitude: Double, lossDecayLength: Double) {
        self.couplingAmplitude = couplingAmplitude; self.couplingDecayLength = couplingDecayLength
        self.radialPhaseRate = radialPhaseRate; self.initialPhase = initialPhase
        self.lossAmplitude = lossAmplitude; self.lossDecayLength = lossDecayLength
    }

    /// Throws unless the amplitudes are ≥ 0, the decay lengths > 0 and the phases finite.
    public func validate() throws {
        try PhotonBlockadeError.check("tip coupling amplitude", couplingAmplitude, ">= 0") { $0 >= 0 }
        try PhotonBlockadeError.check("tip coupling decay length (um)", couplingDecayLength, "> 0") { $0 > 0 }
        try PhotonBlockadeError.check("tip radial phase rate", radialPhaseRate, "finite") { _ in true }
        try PhotonBlockadeError.check("tip initial phase", initialPhase, "finite") { _ in true }
        try PhotonBlockadeError.check("tip loss amplitude", lossAmplitude, ">= 0") { $0 >= 0 }
        try PhotonBlockadeError.check("tip loss decay length (um)", lossDecayLength, "> 0") { $0 > 0 }
    }

    /// Phase Θ = 2k_opt·φ + θ + θ_t·r of Eq. 1.
    public func phase(at p: TipPosition, opticalWavenumber kOpt: Double) -> Double {
        2 * kOpt * p.phi + initialPhase + radialPhaseRate * p.r
    }

    /// Tip-induced coupling J_tip = a_t·e^{−2β_t r}·e^{−iΘ} (Eq. 1), 1e6 s⁻¹.
    public func coupling(at p: TipPosition, opticalWavenumber kOpt: Double) -> Complex {
        Complex.polar(couplingAmplitude * exp(-p.r / couplingDecayLength), -phase(at: p, opticalWavenumber: kOpt))
    }

    /// Tip-induced loss γ_tip = a_γ·e^{−2β_γ r} (Eq. 4), 1e6 s⁻¹.
    public func loss(at r: Double) -> Double { lossAmplitude * exp(-r / lossDecayLength) }

    /// The tip position where J0 + J_tip = 0 (text after Eq. 6): r = ln(a_t/J0)/(2β_t),
    /// φ = [(2l + 1)π − θ − θ_t r]/(2k_opt). Needs 0 < J0 ≤ a_t (otherwise r would be negative or infinite).
    public func zeroCouplingPosition(j0: Double, opticalWavenumber kOpt: Double, branch l: Int = 0) throws -> TipPosition {
        try PhotonBlockadeError.check("J0 (1e6 s^-1)", j0, "in (0, a_t = \(couplingAmplitude)]") { $0 > 0 && $0 <= couplingAmplitude }
        try PhotonBlockadeError.check("k_opt (1/um)", kOpt, "> 0") { $0 > 0 }
        let r = couplingDecayLength * log(couplingAmplitude / j0)
        let phi = (Double(2 * l + 1) * Double.pi - initialPhase - radialPhaseRate * r) / (2 * kOpt)
        return TipPosition(r: r, phi: phi)
    }
}
