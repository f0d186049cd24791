import WGMNumerics

/// One defect of the resonator: backscattering strength ε_j (units of Γ) at azimuthal angle β_j.
public struct Defect: Sendable, Equatable, Codable {
    /// ε_j/Γ, ≥ 0.
    public var strength: Double
    /// β_j in radians.
    public var angle: Double
    /// A defect of strength ε_j/Γ at angle β_j (radians).
    public init(strength: Double, angle: Double = 0) { self.strength = strength; self.angle = angle }
}

/// The nanoparticle: backscattering strength η (units of Γ) at relative angle β.
public struct Nanoparticle: Sendable, Equatable, Codable {
    /// η/Γ, ≥ 0.
    public var strength: Double
    /// β in radians.
    public var angle: Double
    /// A particle of strength η/Γ at angle β (radians).
    public init(strength: Double, angle: Double) { self.strength = strength; self.angle = angle }
}

/// The backscattering rates J1 (CCW → CW) and J2 (CW → CCW) in units of Γ (Eq. 1).
public struct BackscatteringCoupling: Sendable, Equatable {
    /// J1/Γ.
    public var j1: Complex
    /// J2/Γ.
    public var j2: Complex
    /// Couplings from J1/Γ and J2/Γ.
    public init(j1: Complex, j2: Complex) { self.j1 = j1; self.j2 = j2 }
    /// No backscattering (the ideal resonator).
    public static let none = BackscatteringCoupling(j1: .zero, j2: .zero)
    /// |J1|/Γ: half the frequency splitting in units of Γ (for J2 = J1*).
    public var magnitude: Double { j1.magnitude }
    /// δω/Γ = √(J1 J2): half the frequency splitting Δω = 2√(J1 J2) (Sec. II; = |J1| for J2 = J1*).
    public var halfSplitting: Double { (j1 * j2).squareRoot.magnitude }
    /// The effective detunings Δ̃/Γ of the two split modes, −δω and +δω (Fig. 1c, d dashed lines).
    public var eigenfrequencyDetunings: (lower: Double, upper: Double) { (-halfSplitting, halfSplitting) }
    /// J₊/Γ = i(J1 − J2)/2 (= η sin 2mβ for one defect and a particle).
    public var jPlus: Double { (Complex.i * (j1 - j2)).re / 2 }
    /// J₋/Γ = (J1 + J2)/2 (= ε + η cos 2mβ for one defect and a particle).
    public var jMinus: Double { (j1 + j2).re / 2 }
}

/// The scatterers in the resonator: any number of defects and at most one nanoparticle.
public struct Scatterers: Sendable, Equatable {
    /// The defects (ε_j, β_j).
    public var defects: [Defect]
    /// The nanoparticle (η, β), if placed.
    public var particle: Nanoparticle?

    /// Defects plus an optional particle.
    public init(defects: [Defect] = [], particle: Nanoparticle? = nil) {
        self.defects = defects; self.particle = particle
    }

    /// No scatterer: the ideal resonator.
    public static let ideal = Scatterers()

    /// One defect of strength ε/Γ at angle 0 and, when η > 0, a particle η/Γ at angle β (Eq. 1).
    public static func defectAndParticle(epsilon: Double, eta: Double, beta: Double) -> Scatterers {
        Scatterers(defects: [Defect(strength: epsilon)], particle: Nanoparticle(strength: eta, angle: beta))
    }

    /// J1 = Σ ε_j e^{−i2mβ_j} + η e^{−i2mβ}, J2 = Σ ε_j e^{+i2mβ_j} + η e^{+i2mβ}, units of Γ
    /// (Eq. 1 and its multi-defect form in Sec. III).
    public func coupling(azimuthalNumber m: Int) -> BackscatteringCoupling {
        var j1 = Complex.zero, j2 = Complex.zero
        let all = defects.map { ($0.strength, $0.angle) } + (particle.map { [($0.strength, $0.angle)] } ?? [])
        for (strength, angle) in all {
            let phase = 2 * Double(m) * angle
            j1 += Complex.polar(strength, -phase)
            j2 += Complex.polar(strength, phase)
        }
        return BackscatteringCoupling(j1: j1, j2: j2)
    }

    /// Δ_J/Γ = Re(Σ ε_j + η): the scatterers' common frequency shift, so that the detuning from
    /// the unperturbed cavity is Δ = Δ̃ − Δ_J. With several defects every scatterer shifts the
    /// mode by its own strength (the diagonal of the two-mode Hamiltonian), hence the sum.
    public var detuningShift: Double {
        defects.reduce(0) { $0 + $1.strength } + (particle?.strength ?? 0)
    }

    /// The single equivalent defect ε′ e^{∓i2mβ′} = Σ ε_j e^{∓i2mβ_j}: ε′/Γ and β′ (radians),
    /// with 2mβ′ = arg Σ ε_j e^{+i2mβ_j} (Sec. III, multiple defects).
    public func equivalentDefect(azimuthalNumber m: Int) -> Defect {
        let sum = Scatterers(defects: defects).coupling(azimuthalNumber: m).j2
        return Defect(strength: sum.magnitude, angle: sum.magnitude > 0 ? sum.phase / (2 * Double(m)) : 0)
    }

    /// The nanoparticle that cancels these defects: η = ε′ and β = β′ + π/(2m) (β′ + π/8 for
    /// m = 4), giving J1 = J2 = 0 (Sec. III).
    public func compensatingParticle(azimuthalNumber m: Int) -> Nanoparticle {
        let equivalent = equivalentDefect(azimuthalNumber: m)
        return Nanoparticle(strength: equivalent.strength, angle: equivalent.angle + Double.pi / (2 * Double(m)))
    }

    /// Returns self when every strength is finite and ≥ 0 and every angle finite; throws otherwise.
    public func validated() throws -> Scatterers {
        for (k, d) in defects.enumerated() {
            try Self.check("ε\(k + 1)/Γ", d.strength, angle: "β\(k + 1)", d.angle)
        }
        if let p = particle { try Self.check("η/Γ", p.strength, angle: "β", p.angle) }
        return self
    }

    private static func check(_ name: String, _ strength: Double, angle: String, _ beta: Double) throws {
        guard strength.isFinite, strength >= 0 else {
            throw OptomechanicsError.invalidScatterer(name: name, value: strength, allowed: "finite and ≥ 0")
        }
        guard beta.isFinite else {
            throw OptomechanicsError.invalidScatterer(name: "\(angle) (rad)", value: beta, allowed: "finite")
        }
    }
}
