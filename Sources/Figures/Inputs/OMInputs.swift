import Foundation
import Optomechanics

/// The om model's inputs and outputs (paper 000, Sec. III), and the model and scatterers a
/// parameter set stands for. Every derived constant (G0, n_m, E, Γ, β_Im) is recomputed from
/// the inputs by `OptomechanicalParameters`.
public enum OMInputs {
    /// Input names the model (not the scatterers or the detuning) depends on.
    public static let modelNames: Set<String> = [
        "T_e_K", "P_W", "m", "mass_kg", "R_m", "omega_m_per_s", "gamma_m_per_s", "omega_c_per_s",
        "kappa0_over_omega_m", "kappa_ex_over_omega_m",
    ]

    /// The registry.
    public static let registry: ModelRegistry = ModelRegistry(model: .om, inputs: [
        .real("T_e_K", unit: "K", paper: 0.2, range: 1e-6...1e4, log: true, doc: "Environment temperature T_e (sets n_m = 1/(e^{ħω_m/k_B T_e} − 1))."),
        .real("P_W", unit: "W", paper: 30e-3, range: 1e-9...10, log: true, doc: "Input laser power P (a_in = √(P/ħω_c), E = √(2κ_ex) a_in)."),
        .integer("m", paper: 4, range: 1...1000, doc: "Azimuthal mode number m (J1 = Σ ε_j e^{−i2mβ_j} + η e^{−i2mβ}, β_Im = π/(2m))."),
        .real("mass_kg", unit: "kg", paper: 10e-12, range: 1e-21...1e-3, log: true, doc: "Effective mass μ of the breathing mode."),
        .real("R_m", unit: "m", paper: 1.1e-3, range: 1e-7...1, log: true, doc: "Resonator radius R (G0 = (ω_c/R)√(ħ/μω_m))."),
        .real("omega_m_per_s", unit: "1/s", paper: 6.3e7, range: 1e3...1e13, log: true, doc: "Mechanical angular frequency ω_m."),
        .real("gamma_m_per_s", unit: "1/s", paper: 6.3e2, range: 1e-6...1e12, log: true, doc: "Mechanical damping rate γ_m (1e-5 ω_m in the paper)."),
        .real("omega_c_per_s", unit: "1/s", paper: 1.22e15, range: 1e12...1e17, log: true, doc: "Optical angular frequency ω_c."),
        .real("kappa0_over_omega_m", unit: "ω_m", paper: 0.3, range: 0...1e3, doc: "Intrinsic optical decay κ0/ω_m (Γ = κ0 + κ_ex)."),
        .real("kappa_ex_over_omega_m", unit: "ω_m", paper: 0.3, range: 1e-6...1e3, doc: "Fibre–cavity coupling κ_ex/ω_m (= κ0: critical coupling)."),
        .real("eps_over_Gamma", unit: "Γ", paper: 1, range: 0...100, doc: "Defect backscattering strength ε/Γ (defect at β = 0)."),
        .real("eta_over_Gamma", unit: "Γ", paper: 1, range: 0...100, doc: "Nanoparticle backscattering strength η/Γ.",
              derived: ("η/ε × ε when eta_over_eps is set, else 1", { v in eta(v) })),
        .real("eta_over_eps", unit: "ε", paper: 1, range: 0...100, doc: "Nanoparticle strength relative to the defect's, η/ε (alternative to eta_over_Gamma).",
              derived: ("η/ε from eta_over_Gamma", { v in let e = v.value("eps_over_Gamma"); return e > 0 ? v.value("eta_over_Gamma") / e : 1 })),
        .real("beta_rad", unit: "rad", paper: Double.pi / 8, range: (-2 * Double.pi)...(2 * Double.pi),
              doc: "Particle's azimuthal angle β relative to the defect.",
              derived: ("π/(2m) = β_Im, the backscattering-immune angle", { v in Double.pi / (2 * v.value(at: Slot.m)) })),
        .real("Delta_over_Gamma", unit: "Γ", paper: 0.85 - 2, range: -100...100,
              doc: "Laser detuning Δ/Γ from the unperturbed cavity (Δ̃ = Δ + Δ_J, Δ_J = ε + η); alternative to Delta_tilde_over_Gamma.",
              derived: ("Δ̃ − Δ_J", { v in v.value("Delta_tilde_over_Gamma") - shift(v) })),
        .real("Delta_tilde_over_Gamma", unit: "Γ", paper: 0.85, range: -100...100,
              doc: "Effective detuning Δ̃/Γ (Eq. 3); 0.85 is near the ideal optimum 0.8498.",
              derived: ("Δ + Δ_J when Delta_over_Gamma is set, else 0.85", { v in effectiveDetuning(v, scatterers(v)) })),
    ], outputs: [
        ModelOutput("EN_r", "Logarithmic negativity E_N,r of the CW mode and the mechanics (Eq. 13); empty where unstable."),
        ModelOutput("EN_l", "Logarithmic negativity E_N,l of the CCW mode and the mechanics (Eq. 13); empty where unstable."),
        ModelOutput("T", "Normalised transmission T = |1 − 2κ_ex α_r/E|² (Eq. 14)."),
        ModelOutput("N_r", "CW intracavity photon number |α_r|² (Eq. 10)."),
        ModelOutput("N_l", "CCW intracavity photon number |α_l|² (Eq. 10)."),
        ModelOutput("G_r_over_omega_m", "Effective coupling |G_r|/ω_m = √2 G0|α_r|/ω_m (Eq. 10)."),
        ModelOutput("G_l_over_omega_m", "Effective coupling |G_l|/ω_m = √2 G0|α_l|/ω_m (Eq. 10)."),
        ModelOutput("stable", "1 when the drift matrix is stable (Routh–Hurwitz), else 0."),
        ModelOutput("J1_over_Gamma", "Backscattering rate |J1|/Γ (Eq. 1; = |J2|/Γ)."),
        ModelOutput("Delta_tilde_over_Gamma", "The effective detuning used, Δ̃/Γ."),
        ModelOutput("EN_r_max", "max E_N,r over the stable red side Δ̃ ∈ (0, 8Γ].", note: "ignores the detuning inputs"),
        ModelOutput("Delta_tilde_at_EN_r_max_over_Gamma", "Δ̃/Γ where E_N,r is largest.", note: "ignores the detuning inputs"),
        ModelOutput("EN_l_max", "max E_N,l over the stable red side Δ̃ ∈ (0, 8Γ].", note: "ignores the detuning inputs"),
        ModelOutput("T_min", "min T over Δ̃ ∈ [−8Γ, 8Γ].", note: "ignores the detuning inputs"),
        ModelOutput("Delta_tilde_at_T_min_over_Gamma", "Δ̃/Γ where T is smallest.", note: "ignores the detuning inputs"),
        ModelOutput("G_r_max_over_omega_m", "max |G_r|/ω_m over the stable red side.", note: "ignores the detuning inputs"),
    ])

    /// Registry indices of the inputs read at every sweep point (array access, no name lookups).
    enum Slot {
        static let m: Int = registry.index["m"]!
        static let epsilon: Int = registry.index["eps_over_Gamma"]!
        static let eta: Int = registry.index["eta_over_Gamma"]!
        static let etaOverEpsilon: Int = registry.index["eta_over_eps"]!
        static let beta: Int = registry.index["beta_rad"]!
        static let delta: Int = registry.index["Delta_over_Gamma"]!
        static let deltaTilde: Int = registry.index["Delta_tilde_over_Gamma"]!
    }

    /// Δ_J/Γ = ε + η: the scatterers' common frequency shift (Δ = Δ̃ − Δ_J).
    static func shift(_ v: InputValues) -> Double { scatterers(v).detuningShift }

    /// η/Γ: set, or (η/ε)·ε when η/ε is set, else the paper's 1.
    static func eta(_ v: InputValues) -> Double {
        if v.isSet(at: Slot.eta) { return v.value(at: Slot.eta) }
        return v.isSet(at: Slot.etaOverEpsilon) ? v.value(at: Slot.etaOverEpsilon) * v.value(at: Slot.epsilon) : 1
    }

    /// Δ̃/Γ of a parameter set with these scatterers: Δ + Δ_J when Δ is set, else Δ̃ (0.85 by default).
    public static func effectiveDetuning(_ v: InputValues, _ s: Scatterers) -> Double {
        if v.isSet(at: Slot.delta) { return v.value(at: Slot.delta) + s.detuningShift }
        return v.isSet(at: Slot.deltaTilde) ? v.value(at: Slot.deltaTilde) : 0.85
    }

    /// The physical parameters (SI) of a parameter set.
    public static func parameters(_ v: InputValues) -> OptomechanicalParameters {
        var p = OptomechanicalParameters()
        p.temperature = v.value("T_e_K")
        p.power = v.value("P_W")
        p.azimuthalNumber = v.integer("m")
        p.mass = v.value("mass_kg")
        p.radius = v.value("R_m")
        p.mechanicalFrequency = v.value("omega_m_per_s")
        p.mechanicalDamping = v.value("gamma_m_per_s")
        p.cavityFrequency = v.value("omega_c_per_s")
        p.intrinsicDecay = v.value("kappa0_over_omega_m") * p.mechanicalFrequency
        p.externalDecay = v.value("kappa_ex_over_omega_m") * p.mechanicalFrequency
        return p
    }

    /// The model of a parameter set (throws for parameters the model rejects).
    public static func model(_ v: InputValues) throws -> OptomechanicalModel {
        try OptomechanicalModel(parameters: parameters(v))
    }

    /// One defect ε/Γ at β = 0 and, when η > 0, the particle η/Γ at β (Eq. 1).
    public static func scatterers(_ v: InputValues) -> Scatterers {
        scatterers(epsilon: v.value(at: Slot.epsilon), eta: eta(v), beta: v.value(at: Slot.beta))
    }

    /// The scatterers of the paper's cases: none for ε = η = 0 (the ideal resonator), a defect
    /// alone for η = 0, else defect and particle.
    static func scatterers(epsilon: Double, eta: Double, beta: Double) -> Scatterers {
        if epsilon == 0 && eta == 0 { return .ideal }
        if eta == 0 { return Scatterers(defects: [Defect(strength: epsilon)]) }
        return .defectAndParticle(epsilon: epsilon, eta: eta, beta: beta)
    }
}
