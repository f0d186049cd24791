import Foundation

/// A heatmap's resolved colour scale: colormap, normalisation and limits.
struct ColorScale {
    let colormap: Colormap
    let norm: ColorNorm
    let vmin: Double
    let vmax: Double

    /// Resolves vmin/vmax from the heatmap or its finite (positive, for log) values.
    init(_ heatmap: Heatmap, defaultColormap: Colormap) throws {
        colormap = heatmap.colormap ?? defaultColormap
        let norm = heatmap.norm
        self.norm = norm
        let usable = heatmap.values.filter { $0.isFinite && (norm == .linear || $0 > 0) }
        var low = heatmap.vmin ?? usable.min() ?? (norm == .log ? 1 : 0)
        var high = heatmap.vmax ?? usable.max() ?? (norm == .log ? 10 : 1)
        guard low.isFinite, high.isFinite else {
            throw PlotError.invalidNorm("vmin and vmax must be finite, got \(low), \(high)")
        }
        if norm == .log && (low <= 0 || high <= 0) {
            throw PlotError.invalidNorm("log colour scale needs vmin > 0 and vmax > 0, got \(low), \(high)")
        }
        if low > high { throw PlotError.invalidNorm("vmin \(low) is above vmax \(high)") }
        if low == high {
            if norm == .log { low /= 10; high *= 10 } else { low -= 0.5; high += 0.5 }
        }
        vmin = low
        vmax = high
    }

    /// Fraction 0...1 of a value along the scale (clamped); nil for masked values (NaN, or ≤ 0 on log).
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch norm {
        case .linear:
            return min(max((value - vmin) / (vmax - vmin), 0), 1)
        case .log:
            guard value > 0 else { return nil }
            return min(max((log10(value) - log10(vmin)) / (log10(vmax) - log10(vmin)), 0), 1)
        }
    }

    /// The colour of a value (nil when masked).
    func color(_ value: Double) -> Color? {
        fraction(value).map { colormap.color(at: $0) }
    }

    /// The scale of the colour-bar axis.
    var axisScale: Scale { norm == .log ? .log : .linear }
}
