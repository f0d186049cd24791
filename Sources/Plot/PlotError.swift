/// Everything that can go wrong when describing, styling or rendering a figure; one line each.
public enum PlotError: Error, CustomStringConvertible, Equatable {
    /// No style file with this name was found; `available` lists the names that exist.
    case unknownStyle(name: String, available: [String], searched: [String])
    /// The style file could not be read or parsed (line is 1-based when known).
    case malformedStyle(file: String, line: Int?, problem: String)
    /// A key in a style file is not part of the style schema.
    case unknownStyleKey(file: String, key: String, line: Int?)
    /// A required key is missing after merging a style with its bases.
    case missingStyleKey(style: String, key: String)
    /// A style file names itself (directly or indirectly) as its base.
    case styleCycle(chain: [String])
    /// A figure or panel size is zero, negative or not finite.
    case invalidSize(what: String, value: Double)
    /// A page or raster beyond the hard limits (`RenderLimits`), refused before anything is allocated.
    case pageTooLarge(what: String, size: String, limit: String)
    /// The grid or a panel's position in it is impossible.
    case invalidGrid(String)
    /// A log-scaled axis got a limit that is not positive.
    case nonPositiveLogLimit(axis: String, lower: Double, upper: Double)
    /// Axis limits are reversed, equal or not finite.
    case invalidLimits(axis: String, lower: Double, upper: Double)
    /// A heatmap's values do not match its x × y grid.
    case heatmapShape(xCount: Int, yCount: Int, valueCount: Int)
    /// Two arrays that must have the same length do not.
    case lengthMismatch(what: String, expected: Int, actual: Int)
    /// A colour string is not #rrggbb, #rrggbbaa or a palette name.
    case invalidColor(String)
    /// Text given as Pango markup does not parse.
    case invalidMarkup(text: String, problem: String)
    /// A colour normalisation is impossible (e.g. log norm with vmin ≤ 0).
    case invalidNorm(String)
    /// Rendering or writing the output failed.
    case output(path: String, problem: String)
    /// A value is out of its allowed range.
    case invalidValue(what: String, value: String, allowed: String)
    /// The style's font family is not installed (fontconfig would substitute another).
    case fontUnavailable(family: String, substitute: String)

    public var description: String {
        switch self {
        case let .unknownStyle(name, available, searched):
            return "unknown style '\(name)': available styles are \(available.isEmpty ? "(none)" : available.joined(separator: ", ")) (searched \(searched.joined(separator: ", ")))"
        case let .malformedStyle(file, line, problem):
            return "malformed style file \(file)\(line.map { ":\($0)" } ?? ""): \(problem)"
        case let .unknownStyleKey(file, key, line):
            return "unknown key '\(key)' in style file \(file)\(line.map { ":\($0)" } ?? "")"
        case let .missingStyleKey(style, key):
            return "style '\(style)' does not set required key '\(key)' (set it or use 'base: paper')"
        case let .styleCycle(chain):
            return "style bases form a cycle: \(chain.joined(separator: " -> "))"
        case let .invalidSize(what, value):
            return "\(what) must be positive and finite, got \(value)"
        case let .pageTooLarge(what, size, limit):
            return "\(what) \(size) exceeds the limit of \(limit)"
        case let .invalidGrid(problem):
            return "invalid panel grid: \(problem)"
        case let .nonPositiveLogLimit(axis, lower, upper):
            return "log-scaled \(axis) axis needs positive limits, got [\(lower), \(upper)]"
        case let .invalidLimits(axis, lower, upper):
            return "\(axis) axis limits must be finite and distinct, got [\(lower), \(upper)]"
        case let .heatmapShape(nx, ny, count):
            return "heatmap values must have x.count × y.count = \(nx) × \(ny) = \(nx * ny) entries (row-major, one row per y), got \(count)"
        case let .lengthMismatch(what, expected, actual):
            return "\(what): expected \(expected) values, got \(actual)"
        case let .invalidColor(text):
            return "invalid colour '\(text)': use #rrggbb, #rrggbbaa or a palette name of the style"
        case let .invalidMarkup(text, problem):
            return "invalid Pango markup '\(text)': \(problem)"
        case let .invalidNorm(problem):
            return "invalid colour normalisation: \(problem)"
        case let .output(path, problem):
            return "cannot write \(path): \(problem)"
        case let .invalidValue(what, value, allowed):
            return "invalid \(what) '\(value)': allowed \(allowed)"
        case let .fontUnavailable(family, substitute):
            return "font family '\(family)' is not installed (would fall back to '\(substitute)'); install it (e.g. fonts-cmu, fonts-dejavu-core) or change font.family in the style"
        }
    }
}
