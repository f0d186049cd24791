import WGMNumerics

/// The parameters in the units the linearised dynamics uses (rates over ω_m, detunings and
/// backscattering over Γ), computed once per model.
public struct ScaledParameters: Sendable, Equatable {
    /// Γ/ω_m.
    public let gamma: Double
    /// γ_m/ω_m.
    public let mechanicalDamping: Double
    /// κ_ex/Γ.
    public let externalDecayOverGamma: Double
    /// E/Γ (√photons): α_j = (E/Γ)·(dimensionless ratio).
    public let fieldOverGamma: Double
    /// √2 G0 (E/Γ)/ω_m: G_j/ω_m = this × (dimensionless ratio).
    public let couplingUnit: Double
    /// Mechanical diffusion (2n_m + 1)γ_m/ω_m (the noise correlation of Eq. 5).
    public let mechanicalDiffusion: Double
}

/// The linearised optomechanical model of the WGM resonator with backscattering (Eqs. 3–14),
/// for given physical parameters; evaluate it at a coupling (J1, J2) and an effective detuning.
public struct OptomechanicalModel: Sendable {
    /// The physical parameters (SI).
    public let parameters: OptomechanicalParameters
    /// The same in model units.
    public let scaled: ScaledParameters

    /// A model for validated parameters (throws `OptomechanicsError` for non-physical ones).
    public init(parameters: OptomechanicalParameters = .paper) throws {
        let p = try parameters.validated()
        self.parameters = p
        let wm = p.mechanicalFrequency, g = p.totalDecay
        let field = p.drive / g
        scaled = ScaledParameters(
            gamma: g / wm, mechanicalDamping: p.mechanicalDamping / wm,
            externalDecayOverGamma: p.externalDecay / g, fieldOverGamma: field,
            couplingUnit: 2.0.squareRoot() * p.singlePhotonCoupling * field / wm,
            mechanicalDiffusion: (2 * p.thermalPhononNumber + 1) * p.mechanicalDamping / wm)
    }

    /// The paper's model (parameters of Sec. III).
    public static let paper: OptomechanicalModel = {
        do { return try OptomechanicalModel(parameters: .paper) } catch { fatalError("paper parameters are valid: \(error)") }
    }()

    /// J1, J2 in units of Γ for these scatterers and this resonator's m.
    public func coupling(_ scatterers: Scatterers) -> BackscatteringCoupling {
        scatterers.coupling(azimuthalNumber: parameters.azimuthalNumber)
    }
}
