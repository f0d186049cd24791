import WGMNumerics

/// The rates entering the Hamiltonian (Eq. 3) and master equation (Eq. 4): angular, 1e6 s⁻¹.
public struct ModelRates: Sendable, Equatable {
    /// Detuning Δ = ω − ω_L of each bare mode.
    public var detuning: Double
    /// Total CW–CCW coupling J = J0 + J_tip (Eq. 1).
    public var coupling: Complex
    /// Total field decay rate γ = γ1 + γ_tip (Eq. 4).
    public var gamma: Double
    /// Kerr parameter χ (Eq. 2).
    public var kerr: Double
    /// Drive amplitude ξ (Eq. 3).
    public var drive: Double

    /// Memberwise initialiser.
    public init(detuning: Double, coupling: Complex, gamma: Double, kerr: Double, drive: Double) {
        self.detuning = detuning; self.coupling = coupling; self.gamma = gamma; self.kerr = kerr; self.drive = drive
    }

    /// Throws unless all rates are finite, γ > 0 and ξ > 0 (χ may be negative or zero).
    public func validate() throws {
        try PhotonBlockadeError.check("detuning Delta", detuning, "finite") { _ in true }
        try PhotonBlockadeError.check("Re J", coupling.re, "finite") { _ in true }
        try PhotonBlockadeError.check("Im J", coupling.im, "finite") { _ in true }
        try PhotonBlockadeError.check("gamma", gamma, "> 0") { $0 > 0 }
        try PhotonBlockadeError.check("chi", kerr, "finite") { _ in true }
        try PhotonBlockadeError.check("drive xi", drive, "> 0") { $0 > 0 }
    }
}

/// Which of the paper's three devices: an ideal cavity, the cavity with its intrinsic scatterer
/// only, or with the nanotip added (PHYSICS.md, "Three cases").
public enum CavityConfiguration: Sendable, Equatable {
    /// J = 0, γ = γ1.
    case ideal
    /// J = J0, γ = γ1.
    case noTip
    /// J = J0 + J_tip(r, φ), γ = γ1 + γ_tip(r).
    case tip(TipPosition)
}

/// One point of the paper's parameter space, in the paper's own variables; `rates()` turns it
/// into the rates of Eq. 3–4.
public struct BlockadeSetup: Sendable, Equatable {
    /// Material and drive inputs.
    public var resonator: ResonatorParameters
    /// The nanotip's parameters.
    public var tip: TipParameters
    /// Which device.
    public var configuration: CavityConfiguration
    /// Intrinsic backscattering J0/γ1 (default 1.8).
    public var j0OverGamma1: Double
    /// Detuning Δ/γ1 (default 0).
    public var detuningOverGamma1: Double
    /// When set, χ = (χ/γ)·γ with γ the device's total decay; otherwise χ from the material constants.
    public var kerrOverGamma: Double?
    /// Multiplies the drive ξ (default 1).
    public var driveScale: Double

    /// A setup with the paper's defaults for everything not given.
    public init(configuration: CavityConfiguration, resonator: ResonatorParameters = .paper, tip: TipParameters = .paper,
                j0OverGamma1: Double = 1.8, detuningOverGamma1: Double = 0, kerrOverGamma: Double? = nil,
                driveScale: Double = 1) {
        self.configuration = configuration; self.resonator = resonator; self.tip = tip
        self.j0OverGamma1 = j0OverGamma1; self.detuningOverGamma1 = detuningOverGamma1
        self.kerrOverGamma = kerrOverGamma; self.driveScale = driveScale
    }

    /// Validates every input and returns Δ, J, γ, χ, ξ in 1e6 s⁻¹.
    public func rates() throws -> ModelRates {
        try resonator.validate()
        try tip.validate()
        try PhotonBlockadeError.check("J0/gamma1", j0OverGamma1, ">= 0") { $0 >= 0 }
        try PhotonBlockadeError.check("Delta/gamma1", detuningOverGamma1, "finite") { _ in true }
        try PhotonBlockadeError.check("drive scale", driveScale, "> 0") { $0 > 0 }
        if let k = kerrOverGamma { try PhotonBlockadeError.check("chi/gamma", k, ">= 0") { $0 >= 0 } }
        let g1 = resonator.gamma1
        var coupling = Complex.zero, gamma = g1
        switch configuration {
        case .ideal: break
        case .noTip: coupling = Complex(j0OverGamma1 * g1)
        case .tip(let p):
            try PhotonBlockadeError.check("tip radius r (um)", p.r, ">= 0") { $0 >= 0 }
            try PhotonBlockadeError.check("tip azimuth phi (um)", p.phi, "finite") { _ in true }
            coupling = Complex(j0OverGamma1 * g1) + tip.coupling(at: p, opticalWavenumber: resonator.opticalWavenumber)
            gamma = g1 + tip.loss(at: p.r)
        }
        let kerr = kerrOverGamma.map { $0 * gamma } ?? resonator.kerr
        let rates = ModelRates(detuning: detuningOverGamma1 * g1, coupling: coupling, gamma: gamma,
                               kerr: kerr, drive: driveScale * resonator.drive)
        try rates.validate()
        return rates
    }

    /// The same setup with another configuration (e.g. the ideal reference of Eq. 8).
    public func with(configuration c: CavityConfiguration) -> BlockadeSetup {
        var s = self; s.configuration = c; return s
    }
}
