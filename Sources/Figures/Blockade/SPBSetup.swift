import Foundation
import PhotonBlockade

/// What a blockade panel computes with: the resonator, tip and device inputs of its parameter set
/// (paper defaults, the panel's settings, the user's overrides).
struct SPBSetup: Sendable {
    /// The parameter set.
    let inputs: InputValues

    /// The setup of a computation's parameter set.
    init(_ ctx: ComputeContext) { inputs = ctx.inputs }

    /// The resonator, waveguide and drive (λ = 1550 nm, Q = 1e10, 4 fW, … by default).
    var resonator: ResonatorParameters { SPBInputs.resonator(inputs) }
    /// The nanotip (a_t = 14.3, (2β_t)⁻¹ = 0.099 µm, … by default).
    var tip: TipParameters { SPBInputs.tip(inputs) }
    /// γ1 = γ0 + γex, 1e6 s⁻¹.
    var gamma1: Double { resonator.gamma1 }
    /// Intrinsic backscattering J0/γ1.
    var j0OverGamma1: Double { inputs.value("J0_over_gamma1") }
    /// Radial tip distance r, µm (0.35 in Figs. 1–3).
    var tipRadius: Double { inputs.value("r_um") }
    /// Azimuthal tip position φ, µm (0.27: the revival of Fig. 1).
    var tipPhi: Double { inputs.value("phi_um") }
    /// The tip at (r, φ).
    var tipPosition: TipPosition { TipPosition(r: tipRadius, phi: tipPhi) }
    /// Fock states per mode of the panel's master-equation solves.
    var cutoff: Int { inputs.integer("cutoff") }
    /// χ/γ when set, else nil (χ from the material constants).
    var kerrOverGamma: Double? { inputs.isSet("chi_over_gamma") ? inputs.value("chi_over_gamma") : nil }

    /// Azimuthal positions of the analytic unconventional blockade the paper names (text after Eq. 5), µm.
    static let unconventionalPhis = [0.21, 0.33]
    /// The azimuth of the revival the paper names (Fig. 1 caption), µm.
    static let revivalPhi = 0.27

    /// A device at Δ/γ1 = `detuning` (default: the input) with the set's values otherwise.
    func setup(_ configuration: CavityConfiguration, detuning: Double? = nil, kerrOverGamma: Double? = nil,
               j0OverGamma1: Double? = nil) -> BlockadeSetup {
        BlockadeSetup(configuration: configuration, resonator: resonator, tip: tip, j0OverGamma1: j0OverGamma1 ?? self.j0OverGamma1,
                      detuningOverGamma1: detuning ?? inputs.value("Delta_over_gamma1"),
                      kerrOverGamma: kerrOverGamma ?? self.kerrOverGamma)
    }

    /// The tip position where J0 + J_tip = 0 (branch l), or nil for J0 = 0 (the tip infinitely far away).
    func zeroCouplingPosition(j0OverGamma1 j: Double, branch l: Int = 0) throws -> TipPosition? {
        guard j > 0 else { return nil }
        return try tip.zeroCouplingPosition(j0: j * gamma1, opticalWavenumber: resonator.opticalWavenumber, branch: l)
    }

    /// The device "with tip" of Fig. 4(b) at intrinsic backscattering J0/γ1: the tip at its J = 0
    /// position (l = 0); for J0 = 0 that position is at r → ∞, where the device is the ideal cavity.
    func tipAtZeroCoupling(j0OverGamma1 j: Double) throws -> BlockadeSetup {
        guard let p = try zeroCouplingPosition(j0OverGamma1: j) else { return setup(.ideal, j0OverGamma1: 0) }
        return setup(.tip(p), j0OverGamma1: j)
    }
}
