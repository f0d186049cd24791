/// Where a legend goes inside the axes.
public enum LegendPlacement: String, Sendable, Equatable, CaseIterable {
    /// The corner or edge position that covers the least data.
    case best
    /// Inside the top right corner.
    case upperRight
    /// Inside the top left corner.
    case upperLeft
    /// Inside the bottom left corner.
    case lowerLeft
    /// Inside the bottom right corner.
    case lowerRight
    /// Centred along the top edge.
    case upperCenter
    /// Centred along the bottom edge.
    case lowerCenter
    /// Centred along the left edge.
    case centerLeft
    /// Centred along the right edge.
    case centerRight
    /// In the middle of the axes.
    case center
    /// Outside the axes, to the right (takes layout space).
    case outsideRight
}

/// One legend entry.
public enum LegendEntry: Sendable, Equatable {
    /// A line sample (with optional marker).
    case line(label: String, color: Paint, dash: Dash, width: Double?, marker: Marker?)
    /// A marker sample only.
    case marker(label: String, color: Paint, marker: Marker)
    /// A filled square (for shaded ranges, masked heatmap cells).
    case patch(label: String, color: Paint)
    /// A hatched square (for hatched ranges).
    case hatch(label: String, color: Paint)
    /// Several markers side by side (e.g. "Eq. 7" for series that each carry their own marker shape).
    case markers(label: String, samples: [LegendMarker])
}

/// One marker of a `.markers` legend entry: its colour and shape.
public struct LegendMarker: Sendable, Equatable {
    /// Colour (resolved by the style).
    public var color: Paint
    /// Marker shape, size and fill.
    public var marker: Marker

    /// A marker sample in `color`.
    public init(color: Paint, marker: Marker) { self.color = color; self.marker = marker }
}

/// A legend: entries from the labelled artists of the axes, plus any extra entries.
public struct Legend: Sendable, Equatable {
    /// Where the legend goes.
    public var placement: LegendPlacement
    /// Entries added after those of the labelled artists.
    public var extraEntries: [LegendEntry]
    /// Include the labelled artists' entries (false: only `extraEntries`).
    public var includesArtists: Bool
    /// Number of entry columns.
    public var columns: Int
    /// Title in Pango markup.
    public var title: String?
    /// Draw a frame (nil: the style decides; paper: none).
    public var framed: Bool?

    /// A legend at `placement`.
    public init(_ placement: LegendPlacement = .best, extraEntries: [LegendEntry] = [],
                includesArtists: Bool = true, columns: Int = 1, title: String? = nil, framed: Bool? = nil) {
        self.placement = placement; self.extraEntries = extraEntries
        self.includesArtists = includesArtists; self.columns = max(1, columns)
        self.title = title; self.framed = framed
    }
}
