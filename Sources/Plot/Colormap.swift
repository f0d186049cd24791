/// A colormap: maps a fraction in 0...1 to a colour (256-entry tables, nearest entry).
public enum Colormap: String, Sendable, Equatable, CaseIterable {
    /// Perceptually uniform, dark blue to yellow (matplotlib's default).
    case viridis
    /// Perceptually uniform, black to light yellow through purple.
    case magma
    /// Perceptually uniform, black to light yellow through red.
    case inferno
    /// Perceptually uniform, blue to yellow through magenta.
    case plasma
    /// Perceptually uniform and colour-vision-deficiency friendly, blue to yellow.
    case cividis
    /// Diverging red-white-blue (ColorBrewer RdBu), for signed data.
    case rdBu = "RdBu"
    /// RdBu reversed (blue for low values, red for high).
    case rdBuReversed = "RdBu_r"

    /// The 256 × (r, g, b) table of the map.
    var table: [Double] {
        switch self {
        case .viridis: return ColormapTables.viridis
        case .magma: return ColormapTables.magma
        case .inferno: return ColormapTables.inferno
        case .plasma: return ColormapTables.plasma
        case .cividis: return ColormapTables.cividis
        case .rdBu, .rdBuReversed: return ColormapTables.rdBu
        }
    }

    /// The colour at fraction `t` (clamped to 0...1), as matplotlib does: entry floor(t · 256), capped at 255.
    public func color(at t: Double) -> Color {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        var index = min(Int(clamped * 256), 255)
        if self == .rdBuReversed { index = 255 - index }
        let table = self.table
        return Color(red: table[3 * index], green: table[3 * index + 1], blue: table[3 * index + 2])
    }

    /// The table entry `index` in 0..<256.
    public func entry(_ index: Int) -> Color {
        color(at: (Double(index) + 0.5) / 256)
    }
}
