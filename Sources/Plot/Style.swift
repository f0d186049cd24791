import Foundation

/// Tick direction relative to the axes box.
public enum TickDirection: String, Sendable, Equatable {
    /// Ticks point into the axes box (the APS/matplotlib "in" style).
    case `in`
    /// Ticks point out of the box.
    case out
    /// Ticks cross the axis line, half in and half out.
    case inOut
}

/// One entry of a style's colour cycle: a colour paired with a dash pattern (greyscale-safe).
public struct CycleEntry: Sendable, Equatable {
    /// Colour of the entry.
    public var color: Color
    /// Dash paired with the colour.
    public var dash: Dash
}

/// A complete visual style (fonts, sizes, line widths, ticks, colours), loaded from YAML.
public struct Style: Sendable, Equatable {
    /// The style's name (file name without extension).
    public var name: String
    /// Font family pinned by the style (paper: "CMU Serif", slides: "DejaVu Sans").
    public var fontFamily: String
    /// Families for glyphs the pinned family lacks (ℛ, ⟩ in CMU Serif), in order, before fontconfig's own.
    public var fontFallback: [String]
    /// Tick label size, points.
    public var tickLabelSize: Double
    /// Axis and colour-bar label size, points.
    public var axisLabelSize: Double
    /// Legend text size, points.
    public var legendSize: Double
    /// Panel title size, points.
    public var titleSize: Double
    /// Single-column figure width in inches.
    public var singleColumnWidth: Double
    /// Double-column figure width in inches.
    public var doubleColumnWidth: Double
    /// Height/width of one grid cell when the figure height is `.auto`.
    public var panelAspect: Double
    /// Blank border around the figure, points.
    public var padding: Double
    /// Gap between neighbouring panels' decorations, points.
    public var panelSpacing: Double
    /// Default PNG resolution.
    public var dpi: Double
    /// Tallest page in inches (slides: 7.5); taller whole figures are reflowed or split (nil: any height).
    public var maxHeight: Double?
    /// Text, axes and tick colour.
    public var foreground: Color
    /// Page colour.
    public var background: Color
    /// Masked heatmap cells (NaN).
    public var maskColor: Color
    /// Shaded ranges (spans).
    public var shadeColor: Color
    /// Reference lines (`Paint.named("reference")`, the default of `ReferenceLine`).
    public var referenceColor: Color
    /// Axes frame width, points.
    public var axesLineWidth: Double
    /// Gap between tick labels and the axis label, points.
    public var axisLabelPad: Double
    /// Default fractional margins of automatic limits.
    public var xMargin: Double
    /// Default fractional margin of automatic y limits.
    public var yMargin: Double
    /// Ticks inside, outside or across the axes frame.
    public var tickDirection: TickDirection
    /// Ticks on all four sides.
    public var tickMirror: Bool
    /// Major tick length, points.
    public var majorTickLength: Double
    /// Minor tick length, points.
    public var minorTickLength: Double
    /// Major tick line width, points.
    public var majorTickWidth: Double
    /// Minor tick line width, points.
    public var minorTickWidth: Double
    /// Gap between tick (or axes edge) and tick label, points.
    public var tickLabelPad: Double
    /// Draw automatic minor ticks.
    public var minorTicksVisible: Bool
    /// Target distance between major ticks, points (sets how many automatic ticks fit).
    public var tickSpacing: Double
    /// Data line width, points.
    public var lineWidth: Double
    /// Reference line width, points.
    public var referenceLineWidth: Double
    /// Marker diameter, points.
    public var markerSize: Double
    /// Marker edge line width, points.
    public var markerEdgeWidth: Double
    /// Dash patterns in units of the line width.
    public var dashedPattern: [Double]
    /// Dotted on/off lengths (× line width).
    public var dottedPattern: [Double]
    /// Dash-dot on/off lengths (× line width).
    public var dashDotPattern: [Double]
    /// Colour cycle for automatic series, each colour paired with a dash.
    public var cycle: [CycleEntry]
    /// Named colours usable as `Paint.named`.
    public var palette: [String: Color]
    /// Draw legend frames.
    public var legendFramed: Bool
    /// Length of the line sample in a legend, points.
    public var legendHandleLength: Double
    /// Gap between sample and text, points.
    public var legendHandleTextPad: Double
    /// Vertical gap between entries, points.
    public var legendRowSpacing: Double
    /// Gap between the legend and the axes box, points.
    public var legendBorderPad: Double
    /// Default heatmap colormap.
    public var colormap: Colormap
    /// Colour bar width, points.
    public var colorbarWidth: Double
    /// Gap between axes and colour bar, points.
    public var colorbarPad: Double
    /// Panel label size, points.
    public var panelLabelSize: Double
    /// Distance of the panel label from the top-left corner of the axes box, points.
    public var panelLabelOffset: Double
    /// "normal" or "bold".
    public var panelLabelBold: Bool
}

extension Style {
    /// The style found by name in `searchPath` (default: `./styles`, then the bundled presets), or
    /// by path (anything containing "/" or ending in `.yaml`/`.yml`).
    public static func named(_ nameOrPath: String, searchPath: StyleSearchPath = .standard) throws -> Style {
        try StyleLoader(searchPath: searchPath).load(nameOrPath)
    }

    /// Styles combined key by key (`["paper", "nature"]`: later ones override earlier ones), then
    /// `overrides` ("section.key" → YAML value, as `--rc font.axisLabelSize=10`); names are looked up in `searchPath`.
    public static func combined(_ namesOrPaths: [String], overrides: [(key: String, value: String)] = [],
                                searchPath: StyleSearchPath = .standard) throws -> Style {
        try StyleLoader(searchPath: searchPath).load(namesOrPaths, overrides: overrides)
    }

    /// Every key a style file or `--rc` may set ("palette.NAME": any colour name).
    public static var keys: [String] { StyleLoader.keys }

    /// The style in the YAML file at `path` (a `base:` name in it is looked up in `searchPath`).
    public static func load(path: String, searchPath: StyleSearchPath = .standard) throws -> Style {
        try StyleLoader(searchPath: searchPath).load(path.contains("/") ? path : "./" + path)
    }

    /// Names of all styles found in `searchPath`, sorted.
    public static func availableNames(searchPath: StyleSearchPath = .standard) -> [String] {
        StyleLoader(searchPath: searchPath).availableNames()
    }

    /// The colour a paint resolves to (`cycleIndex` is used by `.auto`).
    public func resolve(_ paint: Paint, cycleIndex: Int = 0) throws -> Color {
        switch paint {
        case .auto: return cycle[cycleIndex % cycle.count].color
        case .cycle(let n): return cycle[((n % cycle.count) + cycle.count) % cycle.count].color
        case .foreground: return foreground
        case .color(let color): return color
        case .named(let name):
            if let color = palette[name] { return color }
            switch name {
            case "mask": return maskColor
            case "shade": return shadeColor
            case "reference": return referenceColor
            case "foreground": return foreground
            case "background": return background
            case "white": return .white
            case "black": return .black
            default: throw PlotError.invalidColor(name)
            }
        }
    }

    /// Dash pattern in points for a line of width `width` (empty: solid).
    public func dashLengths(_ dash: Dash, width: Double) -> [Double] {
        switch dash {
        case .solid: return []
        case .dashed: return dashedPattern.map { $0 * width }
        case .dotted: return dottedPattern.map { $0 * width }
        case .dashDot: return dashDotPattern.map { $0 * width }
        case .custom(let lengths): return lengths
        }
    }
}
