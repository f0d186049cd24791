/// An sRGB colour with alpha, components in 0...1.
public struct Color: Sendable, Equatable, Hashable {
    /// Red component 0...1.
    public var red: Double
    /// Green component 0...1.
    public var green: Double
    /// Blue component 0...1.
    public var blue: Double
    /// Opacity 0...1.
    public var alpha: Double

    /// A colour from components in 0...1.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// A colour from "#rrggbb" or "#rrggbbaa"; nil when the string is not of that form.
    public init?(hex: String) {
        var text = Substring(hex)
        guard text.first == "#" else { return nil }
        text = text.dropFirst()
        guard text.count == 6 || text.count == 8, let value = UInt64(text, radix: 16) else { return nil }
        let hasAlpha = text.count == 8
        let rgb = hasAlpha ? value >> 8 : value
        red = Double((rgb >> 16) & 0xff) / 255
        green = Double((rgb >> 8) & 0xff) / 255
        blue = Double(rgb & 0xff) / 255
        alpha = hasAlpha ? Double(value & 0xff) / 255 : 1
    }

    /// The same colour with another alpha.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Relative luminance-like grey level (Rec. 709 weights on the sRGB components).
    public var greyLevel: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }

    /// Opaque black.
    public static let black = Color(red: 0, green: 0, blue: 0)
    /// Opaque white.
    public static let white = Color(red: 1, green: 1, blue: 1)
    /// Fully transparent.
    public static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)
}

/// How an artist chooses its colour: from the style (cycle, foreground, palette) or explicitly.
public enum Paint: Sendable, Equatable {
    /// The next colour of the style's cycle (lines counted per axes, in order of appearance).
    case auto
    /// Entry `n` of the style's colour cycle (wraps around).
    case cycle(Int)
    /// The style's foreground colour (axes, text).
    case foreground
    /// A colour named in the style's `palette` (e.g. "red", "blue", "grey").
    case named(String)
    /// An explicit colour.
    case color(Color)

    /// An explicit colour from "#rrggbb"; a palette name if the string has no leading '#'.
    public static func hex(_ text: String) -> Paint {
        if let color = Color(hex: text) { return .color(color) }
        return .named(text)
    }
    /// Pure white (for overlays on dark heatmaps).
    public static let white = Paint.color(.white)
    /// Pure black.
    public static let black = Paint.color(.black)
}
