import Foundation
import PhotonBlockade

/// The paper's fixed choices for the blockade figures (PHYSICS.md, "spb"): the devices, the tip
/// positions the captions name, and the parameters every panel shows in its sidecar.
enum SPBSetup {
    /// The resonator, waveguide and drive of the paper (λ = 1550 nm, Q = 1e10, 4 fW, …).
    static let resonator = ResonatorParameters.paper
    /// The nanotip of the paper (a_t = 14.3, (2β_t)⁻¹ = 0.099 µm, …).
    static let tip = TipParameters.paper
    /// γ1 = γ0 + γex, 1e6 s⁻¹.
    static let gamma1 = resonator.gamma1
    /// Intrinsic backscattering J0/γ1 of every panel that does not sweep it.
    static let j0OverGamma1 = 1.8
    /// Radial tip distance of Figs. 1–3, µm.
    static let tipRadius = 0.35
    /// Azimuthal tip position of the revival (Fig. 1 caption), µm.
    static let revivalPhi = 0.27
    /// Azimuthal positions of the analytic unconventional blockade (text after Eq. 5), µm.
    static let unconventionalPhis = [0.21, 0.33]
    /// The tip at (r, φ) = (0.35, 0.27) µm of Fig. 1.
    static let revivalPosition = TipPosition(r: tipRadius, phi: revivalPhi)

    /// A device at Δ/γ1 = `detuning` with the paper's defaults otherwise.
    static func setup(_ configuration: CavityConfiguration, detuning: Double = 0, kerrOverGamma: Double? = nil,
                      j0OverGamma1: Double = j0OverGamma1) -> BlockadeSetup {
        BlockadeSetup(configuration: configuration, resonator: resonator, tip: tip, j0OverGamma1: j0OverGamma1,
                      detuningOverGamma1: detuning, kerrOverGamma: kerrOverGamma)
    }

    /// The tip position where J0 + J_tip = 0 (branch l), or nil for J0 = 0 (the tip infinitely far away).
    static func zeroCouplingPosition(j0OverGamma1 j: Double, branch l: Int = 0) throws -> TipPosition? {
        guard j > 0 else { return nil }
        return try tip.zeroCouplingPosition(j0: j * gamma1, opticalWavenumber: resonator.opticalWavenumber, branch: l)
    }

    /// The device "with tip" of Fig. 4(b) at intrinsic backscattering J0/γ1: the tip at its J = 0
    /// position (l = 0); for J0 = 0 that position is at r → ∞, where the device is the ideal cavity.
    static func tipAtZeroCoupling(j0OverGamma1 j: Double) throws -> BlockadeSetup {
        guard let p = try zeroCouplingPosition(j0OverGamma1: j) else { return setup(.ideal, j0OverGamma1: 0) }
        return setup(.tip(p), j0OverGamma1: j)
    }

    /// Inputs shared by every blockade panel (shown in sidecars and hashed into cache keys).
    static var commonParameters: [SpecParameter] {
        [SpecParameter("lambda_nm", resonator.wavelength * 1e9), SpecParameter("Q", resonator.qualityFactor),
         SpecParameter("n0", resonator.refractiveIndex), SpecParameter("V_eff_um3", resonator.modeVolume * 1e18),
         SpecParameter("chi3_over_epsr2_m2_per_V2", resonator.kerrSusceptibility),
         SpecParameter("P_in_W", resonator.inputPower), SpecParameter("gamma_ex", "gamma0 (critical coupling)"),
         SpecParameter("gamma1_per_us", gamma1), SpecParameter("chi_per_us", resonator.kerr),
         SpecParameter("xi_per_us", resonator.drive),
         SpecParameter("a_t_per_us", tip.couplingAmplitude), SpecParameter("coupling_decay_length_um", tip.couplingDecayLength),
         SpecParameter("theta_t_rad_per_um", tip.radialPhaseRate), SpecParameter("theta_rad", tip.initialPhase),
         SpecParameter("a_gamma_per_us", tip.lossAmplitude), SpecParameter("loss_decay_length_um", tip.lossDecayLength)]
    }
}
