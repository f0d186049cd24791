import WGMNumerics

/// Where and how the detuning is searched for extrema (PHYSICS.md: maxima over the stable red
/// side Δ̃ ∈ (0, 8Γ], the minimum of T over all Δ̃, here [−8Γ, 8Γ]).
public struct DetuningSearch: Sendable, Equatable {
    /// Upper end of the red side, Δ̃/Γ (the lower end 0 is excluded).
    public var redSideUpper: Double = 8
    /// Grid points on the red side before Brent refinement (spacing redSideUpper/count).
    public var redSideGridCount: Int = 96
    /// The Δ̃/Γ range for min T.
    public var transmissionRange: ClosedRange<Double> = -8...8
    /// Grid points for min T (T is cheap: a dense grid).
    public var transmissionGridCount: Int = 641
    /// The paper's search.
    public init() {}
}

/// The extrema over detuning at fixed scatterers; locations are Δ̃/Γ. A maximum ignores
/// unstable points and is nil when the whole red side is unstable.
public struct DetuningExtremes: Sendable, Equatable {
    /// max E_N,r over the stable red side.
    public let logNegativityCW: Extremum?
    /// max E_N,l over the stable red side.
    public let logNegativityCCW: Extremum?
    /// max |G_r|/ω_m over the stable red side.
    public let couplingCW: Extremum?
    /// max |G_l|/ω_m over the stable red side.
    public let couplingCCW: Extremum?
    /// min T over `transmissionRange`; T (Eq. 14) is defined whether or not the point is stable,
    /// so unstable points are included (the blue side is unstable for the paper's parameters,
    /// and the ideal T(0) = 0 lies on its edge).
    public let transmission: Extremum
}

extension OptomechanicalModel {
    /// max E_N,r, E_N,l, |G_r|, |G_l| over the stable red side and min T: a grid, then Brent on
    /// the best bracket of each quantity.
    public func detuningExtremes(coupling: BackscatteringCoupling, search: DetuningSearch = .init()) -> DetuningExtremes {
        let grid = Minimize.uniformGrid(lower: 0, upper: search.redSideUpper, count: search.redSideGridCount, openLower: true)
        let points = grid.map { point(coupling: coupling, detuningOverGamma: $0) }
        let bounds = 0...search.redSideUpper
        func maximum(_ value: @escaping (OptomechanicalPoint) -> Double?) -> Extremum? {
            Minimize.maximum(grid: grid, values: points.map(value), bounds: bounds) { delta in
                value(self.point(coupling: coupling, detuningOverGamma: delta))
            }
        }
        func maximumStable(_ value: @escaping (OptomechanicalSteadyState) -> Double) -> Extremum? {
            Minimize.maximum(grid: grid, values: points.map { $0.isStable ? value($0.steadyState) : nil }, bounds: bounds) { delta in
                guard self.isStable(coupling: coupling, detuningOverGamma: delta) else { return nil }
                return value(self.steadyState(coupling: coupling, detuningOverGamma: delta))
            }
        }
        return DetuningExtremes(
            logNegativityCW: maximum { $0.logNegativityCW },
            logNegativityCCW: maximum { $0.logNegativityCCW },
            couplingCW: maximumStable { $0.couplingCW.magnitude },
            couplingCCW: maximumStable { $0.couplingCCW.magnitude },
            transmission: minimumTransmission(coupling: coupling, search: search))
    }

    /// max E_N,r over the stable red side alone (nil when all of it is unstable).
    public func maximumLogNegativityCW(coupling: BackscatteringCoupling, search: DetuningSearch = .init()) -> Extremum? {
        let grid = Minimize.uniformGrid(lower: 0, upper: search.redSideUpper, count: search.redSideGridCount, openLower: true)
        return Minimize.maximum(grid: grid, bounds: 0...search.redSideUpper) { delta in
            self.point(coupling: coupling, detuningOverGamma: delta).logNegativityCW
        }
    }

    /// min T over Δ̃ ∈ `search.transmissionRange` (stable or not; see `DetuningExtremes`).
    public func minimumTransmission(coupling: BackscatteringCoupling, search: DetuningSearch = .init()) -> Extremum {
        let range = search.transmissionRange
        let grid = Minimize.uniformGrid(lower: range.lowerBound, upper: range.upperBound, count: search.transmissionGridCount)
        let found = Minimize.minimum(grid: grid, bounds: range) { delta in
            self.transmission(coupling: coupling, detuningOverGamma: delta)
        }
        return found!   // T is finite at every detuning
    }
}
