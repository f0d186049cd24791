/// A colormap: maps a fraction in 0...1 to a colour (a table of entries, nearest entry, as
/// matplotlib's ListedColormap). Built in by name (`Colormap(rawValue: "viridis")`, any name with
/// `_r` reversed) or custom from a list of colours, interpolated linearly to 256 entries.
public struct Colormap: Sendable, Equatable {
    /// The map's name ("viridis", "RdBu_r", "custom").
    public let name: String
    /// The entries, lowest value first.
    let entries: [Color]

    private init(name: String, table: [Double], reversed: Bool = false) {
        self.name = name
        let colors = stride(from: 0, to: table.count, by: 3).map { Color(red: table[$0], green: table[$0 + 1], blue: table[$0 + 2]) }
        entries = reversed ? colors.reversed() : colors
    }

    /// A colormap through `colors` (at least two), evenly spaced, linearly interpolated in RGB to 256 entries.
    public init(name: String = "custom", colors: [Color]) throws {
        guard colors.count >= 2 else {
            throw PlotError.invalidValue(what: "custom colormap", value: "\(colors.count) colour(s)", allowed: "a list of at least 2 colours")
        }
        self.name = name
        entries = (0..<256).map { i in
            let t = Double(i) / 255 * Double(colors.count - 1)
            let k = min(Int(t), colors.count - 2), f = t - Double(k)
            let a = colors[k], b = colors[k + 1]
            return Color(red: a.red + f * (b.red - a.red), green: a.green + f * (b.green - a.green), blue: a.blue + f * (b.blue - a.blue))
        }
    }

    /// Perceptually uniform, dark blue to yellow (matplotlib's default).
    public static let viridis = Colormap(name: "viridis", table: ColormapTables.viridis)
    /// Perceptually uniform, black to light yellow through purple.
    public static let magma = Colormap(name: "magma", table: ColormapTables.magma)
    /// Perceptually uniform, black to light yellow through red.
    public static let inferno = Colormap(name: "inferno", table: ColormapTables.inferno)
    /// Perceptually uniform, blue to yellow through magenta.
    public static let plasma = Colormap(name: "plasma", table: ColormapTables.plasma)
    /// Perceptually uniform and colour-vision-deficiency friendly, blue to yellow.
    public static let cividis = Colormap(name: "cividis", table: ColormapTables.cividis)
    /// Diverging red-white-blue (ColorBrewer RdBu), for signed data.
    public static let rdBu = Colormap(name: "RdBu", table: ColormapTables.rdBu)
    /// RdBu reversed (blue for low values, red for high).
    public static let rdBuReversed = Colormap(name: "RdBu_r", table: ColormapTables.rdBu, reversed: true)
    /// Cyclic (equal colours at both ends), for phases.
    public static let twilight = Colormap(name: "twilight", table: ColormapTables.twilight)

    /// Every built-in map, by its matplotlib name (each also available reversed as `NAME_r`).
    public static let allCases: [Colormap] = [viridis, magma, inferno, plasma, cividis, rdBu, rdBuReversed, twilight]
        + ColormapTables.diverging.map { Colormap(name: $0.name, table: $0.table) }
        + [Colormap(name: "twilight_shifted", table: ColormapTables.twilightShifted)]

    /// The built-in map called `rawValue` (`NAME_r`: reversed), or nil.
    public init?(rawValue: String) {
        if let map = Self.allCases.first(where: { $0.name == rawValue }) { self = map; return }
        guard rawValue.hasSuffix("_r"), let base = Self.allCases.first(where: { $0.name == String(rawValue.dropLast(2)) }) else { return nil }
        name = rawValue
        entries = base.entries.reversed()
    }

    /// The map's name.
    public var rawValue: String { name }

    /// The colour at fraction `t` (clamped to 0...1), as matplotlib does: entry floor(t · N), capped at N − 1.
    public func color(at t: Double) -> Color {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        return entries[min(Int(clamped * Double(entries.count)), entries.count - 1)]
    }

    /// The entry `index` of 256 evenly spaced samples (for colour bars).
    public func entry(_ index: Int) -> Color {
        color(at: (Double(index) + 0.5) / 256)
    }
}
