import Foundation
import PhotonBlockade

/// The spb model's inputs and outputs (paper 002), and the setups a parameter set stands for.
/// Every derived rate (γ0, γ1, χ, ξ, k_opt, J_tip, γ_tip) is recomputed from the inputs by
/// `ResonatorParameters`, `TipParameters` and `BlockadeSetup`.
public enum SPBInputs {
    /// The devices of the paper: ideal cavity (J = 0), intrinsic scatterer only (J = J0), nanotip added.
    public static let devices = ["ideal", "no_tip", "tip"]

    /// The registry.
    public static let registry = ModelRegistry(model: .spb, inputs: [
        .choice("device", paper: "tip", choices: devices, doc: "Which device: ideal cavity (J = 0), no tip (J = J0) or with the nanotip (J = J0 + J_tip)."),
        .real("P_in_fW", unit: "fW", paper: 4, range: 1e-6...1e6, log: true, doc: "Input power P_in (drive ξ = √(γ_ex P_in/ħω0), Eq. 3)."),
        .real("Q", unit: "1", paper: 1e10, range: 1e3...1e14, log: true, doc: "Intrinsic quality factor Q (γ0 = ω0/Q, γ_ex = γ0, γ1 = γ0 + γ_ex)."),
        .real("lambda_nm", unit: "nm", paper: 1550, range: 100...1e5, doc: "Vacuum wavelength λ (ω0 = 2πc/λ, k_opt = 2πn0/λ)."),
        .real("n0", unit: "1", paper: 1.4, range: 1...10, doc: "Refractive index n0."),
        .real("V_eff_um3", unit: "µm³", paper: 150, range: 1e-3...1e9, log: true, doc: "Effective mode volume V_eff (χ ∝ 1/V_eff, Eq. 2)."),
        .real("chi3_over_epsr2_m2_per_V2", unit: "m²/V²", paper: 1.8e-17, range: 0...1e-10,
              doc: "Kerr susceptibility χ⁽³⁾/εr² (χ = 3ħω0²χ⁽³⁾/(4ε0εr²V_eff), Eq. 2)."),
        .real("chi_over_gamma", unit: "γ", paper: 0, range: 0...1e4, log: true,
              doc: "When set: Kerr strength χ = (χ/γ)·γ with γ = γ1 + γ_tip, overriding the material χ.",
              derived: ("unset: χ from the material constants", { v in kerrFromMaterial(v) })),
        .real("J0_over_gamma1", unit: "γ1", paper: 1.8, range: 0...1e3, doc: "Intrinsic backscattering J0/γ1 (Eq. 1)."),
        .real("Delta_over_gamma1", unit: "γ1", paper: 0, range: -1e3...1e3, doc: "Detuning Δ/γ1 of each bare mode from the laser (Eq. 3)."),
        .real("r_um", unit: "µm", paper: 0.35, range: 0...100, doc: "Tip's radial distance r (J_tip = a_t e^{−2β_t r} e^{−iΘ}, γ_tip = a_γ e^{−2β_γ r})."),
        .real("phi_um", unit: "µm", paper: 0.27, range: -1e3...1e3, doc: "Tip's azimuthal distance φ from the scatterer (Θ = 2k_opt φ + θ + θ_t r)."),
        .real("a_t_per_us", unit: "1e6/s", paper: 14.3, range: 0...1e4, doc: "Tip coupling amplitude a_t."),
        .real("coupling_decay_length_um", unit: "µm", paper: 0.099, range: 1e-6...100, doc: "Tip coupling decay length (2β_t)⁻¹."),
        .real("theta_t_rad_per_um", unit: "rad/µm", paper: 1.5 * Double.pi, range: -1e3...1e3, doc: "Radial phase rate θ_t."),
        .real("theta_rad", unit: "rad", paper: -0.5 * Double.pi, range: -1e3...1e3, doc: "Initial phase θ."),
        .real("a_gamma_per_us", unit: "1e6/s", paper: 2.43, range: 0...1e4, doc: "Tip loss amplitude a_γ."),
        .real("loss_decay_length_um", unit: "µm", paper: 0.092, range: 1e-6...100, doc: "Tip loss decay length (2β_γ)⁻¹."),
        .real("tau_gamma1", unit: "1/γ1", paper: 0, range: 0...1e4, doc: "Delay τγ1 of g2(τ) (only the output g2_tau reads it)."),
        .integer("cutoff", paper: 5, range: 2...20, doc: "Fock states per mode of the truncated master equation (numerical, not physical)."),
    ], outputs: [
        ModelOutput("g2", "g2(0) = ⟨a1†²a1²⟩/⟨a1†a1⟩² of the CW mode (master equation, Eq. 4)."),
        ModelOutput("g3", "g3(0) of the CW mode."),
        ModelOutput("g4", "g4(0) of the CW mode."),
        ModelOutput("N_cw", "CW photon number ⟨a1†a1⟩."),
        ModelOutput("N_ccw", "CCW photon number ⟨a2†a2⟩."),
        ModelOutput("P10", "One-photon probability ⟨1,0|ρ|1,0⟩ (CW)."),
        ModelOutput("P01", "One-photon probability ⟨0,1|ρ|0,1⟩ (CCW)."),
        ModelOutput("R", "Efficiency ℛ = max(0, (1 − g2)/(1 − g2_ideal)) of Eq. 8 (device and ideal cavity at Δ = 0)."),
        ModelOutput("g2_tau", "g2(τ) of the CW mode (quantum regression theorem).", note: "reads tau_gamma1"),
        ModelOutput("g2_eq7", "g2(0) from the weak-drive amplitudes (Eq. 7)."),
        ModelOutput("P10_eq6", "P10 from the weak-drive amplitudes (Eq. 6)."),
        ModelOutput("P01_eq6", "P01 from the weak-drive amplitudes (Eq. 6)."),
        ModelOutput("absJ_over_gamma", "|J|/γ with J = J0 + J_tip and γ = γ1 + γ_tip (Eq. 1)."),
        ModelOutput("absJ2_over_gamma2", "|J|²/γ²."),
    ])

    /// The resonator, waveguide and drive of a parameter set (SI).
    public static func resonator(_ v: InputValues) -> ResonatorParameters {
        ResonatorParameters(wavelength: v.value("lambda_nm") / 1e9, qualityFactor: v.value("Q"),
                            refractiveIndex: v.value("n0"), modeVolume: v.value("V_eff_um3") / 1e18,
                            kerrSusceptibility: v.value("chi3_over_epsr2_m2_per_V2"), inputPower: v.value("P_in_fW") / 1e15)
    }

    /// The nanotip of a parameter set.
    public static func tip(_ v: InputValues) -> TipParameters {
        TipParameters(couplingAmplitude: v.value("a_t_per_us"), couplingDecayLength: v.value("coupling_decay_length_um"),
                      radialPhaseRate: v.value("theta_t_rad_per_um"), initialPhase: v.value("theta_rad"),
                      lossAmplitude: v.value("a_gamma_per_us"), lossDecayLength: v.value("loss_decay_length_um"))
    }

    /// The device of a parameter set.
    public static func configuration(_ v: InputValues) -> CavityConfiguration {
        switch devices[v.integer("device")] {
        case "ideal": .ideal
        case "no_tip": .noTip
        default: .tip(TipPosition(r: v.value("r_um"), phi: v.value("phi_um")))
        }
    }

    /// The setup (device, resonator, tip, J0, Δ, χ) of a parameter set.
    public static func setup(_ v: InputValues) -> BlockadeSetup {
        BlockadeSetup(configuration: configuration(v), resonator: resonator(v), tip: tip(v),
                      j0OverGamma1: v.value("J0_over_gamma1"), detuningOverGamma1: v.value("Delta_over_gamma1"),
                      kerrOverGamma: v.isSet("chi_over_gamma") ? v.value("chi_over_gamma") : nil)
    }

    /// χ/γ of the material constants for the set's device (shown as the default of chi_over_gamma).
    static func kerrFromMaterial(_ v: InputValues) -> Double {
        var s = setup(v)
        s.kerrOverGamma = nil
        guard let r = try? s.rates() else { return .nan }
        return r.kerr / r.gamma
    }
}
