import WGMNumerics

/// A rectangular sweep result: `values[iy * xs.count + ix]` belongs to (xs[ix], ys[iy]).
public struct SweepGrid<Value: Sendable>: Sendable {
    /// The x coordinates.
    public let xs: [Double]
    /// The y coordinates.
    public let ys: [Double]
    /// The values, row by row in y.
    public let values: [Value]
    /// The value at (xs[ix], ys[iy]).
    public subscript(ix: Int, iy: Int) -> Value { values[iy * xs.count + ix] }
}

/// Parallel 1-D and 2-D sweeps (WGMNumerics' deterministic `Parallel.map`): the results are
/// identical whatever the number of threads.
public enum OptomechanicalSweep {
    /// [f(x) for x in xs], computed in parallel.
    public static func line<Value: Sendable>(_ xs: [Double], threads: Int = Parallel.defaultThreadCount,
                                             _ f: @Sendable (Double) -> Value) -> [Value] {
        Parallel.map(count: xs.count, threads: threads) { f(xs[$0]) }
    }

    /// f on the grid xs × ys, computed in parallel.
    public static func grid<Value: Sendable>(xs: [Double], ys: [Double], threads: Int = Parallel.defaultThreadCount,
                                             progress: (@Sendable (Int) -> Void)? = nil,
                                             _ f: @Sendable (Double, Double) -> Value) -> SweepGrid<Value> {
        let nx = xs.count
        let values = Parallel.map(count: nx * ys.count, threads: threads, progress: progress) { k in
            f(xs[k % nx], ys[k / nx])
        }
        return SweepGrid(xs: xs, ys: ys, values: values)
    }
}

extension OptomechanicalModel {
    /// Points at each Δ̃/Γ in `detunings` for fixed scatterers (E_N, T, N, G vs Δ̃), in parallel.
    public func detuningSweep(scatterers: Scatterers, detunings: [Double],
                              threads: Int = Parallel.defaultThreadCount) -> [OptomechanicalPoint] {
        let c = coupling(scatterers)
        return OptomechanicalSweep.line(detunings, threads: threads) { self.point(coupling: c, detuningOverGamma: $0) }
    }

    /// Detuning extrema for each scatterer configuration (e.g. a β sweep), in parallel.
    public func extremesSweep(_ configurations: [Scatterers], search: DetuningSearch = .init(),
                              threads: Int = Parallel.defaultThreadCount) -> [DetuningExtremes] {
        Parallel.map(count: configurations.count, threads: threads) {
            self.detuningExtremes(coupling: self.coupling(configurations[$0]), search: search)
        }
    }
}
