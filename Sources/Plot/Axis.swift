/// Linear or logarithmic (base 10) axis scale.
public enum Scale: String, Sendable, Equatable {
    /// Data units map linearly to the page.
    case linear
    /// log10 of the data maps linearly to the page (positive values only).
    case log
}

/// Where the major ticks go.
public enum Ticks: Sendable, Equatable {
    /// Nice automatic ticks (1-2-5 steps; decades on log axes; multiples of π/2ⁿ with `.pi` format).
    case auto
    /// No ticks and no tick labels.
    case none
    /// Ticks at multiples of `step` (linear axes), e.g. `.step(.pi / 8)`.
    case step(Double)
    /// Ticks at these positions, labelled by the axis' tick format.
    case at([Double])
    /// Ticks at these positions with these labels (Pango markup).
    case labeled([Double], [String])
}

/// Where the minor ticks go.
public enum MinorTicks: Sendable, Equatable {
    /// Automatic: linear, subdivisions of the major step; log, 2…9 × each decade.
    case auto
    /// No minor ticks.
    case none
    /// Minor ticks at these positions.
    case at([Double])
}

/// How tick values become labels.
public enum TickFormat: Sendable, Equatable {
    /// Decimal with just enough places (linear); 10ⁿ for decades (log). Minus is U+2212.
    case auto
    /// Decimal with a fixed number of places.
    case decimal(places: Int)
    /// Multiples of π as fractions: 0, π/8, π/4, 3π/8, π/2, … (for angle axes in rad).
    case pi
    /// Always 10ⁿ (log axes; on linear axes m×10ⁿ).
    case powerOfTen
    /// Percent of the value (0.25 → "25%").
    case percent
}

/// One axis of a panel: scale, limits, ticks and a label in Pango markup.
public struct Axis: Sendable, Equatable {
    /// Axis label in Pango markup, e.g. "<i>Δ̃</i>/<i>Γ</i>".
    public var label: String?
    /// Linear or log scale.
    public var scale: Scale
    /// Explicit lower limit (nil: from the data).
    public var lower: Double?
    /// Explicit upper limit (nil: from the data).
    public var upper: Double?
    /// Fractional margin added to auto limits on each side (nil: the style's default).
    public var margin: Double?
    /// Major tick placement.
    public var ticks: Ticks
    /// Minor tick placement.
    public var minorTicks: MinorTicks
    /// Tick label format.
    public var format: TickFormat
    /// Draw the axis with values decreasing along it.
    public var inverted: Bool

    /// An axis; `limits` fixes both ends (nil: automatic from the data).
    public init(label: String? = nil, scale: Scale = .linear, limits: ClosedRange<Double>? = nil,
                margin: Double? = nil, ticks: Ticks = .auto, minorTicks: MinorTicks = .auto,
                format: TickFormat = .auto, inverted: Bool = false) {
        self.label = label; self.scale = scale
        self.lower = limits?.lowerBound; self.upper = limits?.upperBound
        self.margin = margin; self.ticks = ticks; self.minorTicks = minorTicks
        self.format = format; self.inverted = inverted
    }

    /// Sets both limits.
    public var limits: ClosedRange<Double>? {
        get {
            guard let lower, let upper, lower <= upper else { return nil }
            return lower...upper
        }
        set { lower = newValue?.lowerBound; upper = newValue?.upperBound }
    }
}
