/// An inset: a small axes inside a panel, at a fractional rect of the parent axes box.
public struct Inset: Sendable, Equatable {
    /// Left edge as a fraction of the parent axes width (0: left edge).
    public var x: Double
    /// Bottom edge as a fraction of the parent axes height (0: bottom edge).
    public var y: Double
    /// Width as a fraction of the parent axes width.
    public var width: Double
    /// Height as a fraction of the parent axes height.
    public var height: Double
    /// The axes drawn there.
    public var axes: Axes

    /// An inset occupying [x, x + width] × [y, y + height] of the parent axes (fractions).
    public init(x: Double, y: Double, width: Double, height: Double, axes: Axes) {
        self.x = x; self.y = y; self.width = width; self.height = height; self.axes = axes
    }
}

/// One panel's coordinate system: axes, artists, legend, optional right y axis and insets.
public struct Axes: Sendable, Equatable {
    /// The x axis.
    public var x: Axis
    /// The left y axis.
    public var y: Axis
    /// Optional right-hand y axis; series with `yAxis: .right` use it.
    public var y2: Axis?
    /// Artists in drawing order (heatmaps first, then shaded spans, then the rest).
    public var artists: [Artist]
    /// Legend (nil: none).
    public var legend: Legend?
    /// Title above the axes (Pango markup).
    public var title: String?
    /// Panel label such as "(a)", drawn outside the top-left corner.
    public var panelLabel: String?
    /// Inset axes inside this panel.
    public var insets: [Inset]
    /// Draw the axes frame and ticks (false: a bare drawing area, e.g. for a schematic).
    public var showsFrame = true
    /// One data unit is as long along y as along x on the page: the limits widen to the box's
    /// aspect (matplotlib's `set_aspect("equal", adjustable="datalim")`).
    public var equalAspect = false
    /// Annotations keep their size relative to the drawing: at most this many x data units
    /// (nil: the style's size at any scale). For drawings (schematics) whose labels must keep
    /// their place among the shapes when a style enlarges the fonts more than the panel (slides).
    public var annotationMaxSizeInXUnits: Double?

    /// Axes with the given axes and artists.
    public init(x: Axis = Axis(), y: Axis = Axis(), y2: Axis? = nil, artists: [Artist] = [],
                legend: Legend? = nil, title: String? = nil, panelLabel: String? = nil,
                insets: [Inset] = []) {
        self.x = x; self.y = y; self.y2 = y2; self.artists = artists; self.legend = legend
        self.title = title; self.panelLabel = panelLabel; self.insets = insets
    }

    /// Adds any artist.
    public mutating func add(_ artist: Artist) { artists.append(artist) }
    /// Adds a line series.
    public mutating func add(_ line: Line) { artists.append(.line(line)) }
    /// Adds a heatmap.
    public mutating func add(_ heatmap: Heatmap) { artists.append(.heatmap(heatmap)) }
    /// Adds contour lines.
    public mutating func add(_ contour: Contour) { artists.append(.contour(contour)) }
    /// Adds a reference line.
    public mutating func add(_ line: ReferenceLine) { artists.append(.referenceLine(line)) }
    /// Adds shaded ranges.
    public mutating func add(_ span: Span) { artists.append(.span(span)) }
    /// Adds a text annotation.
    public mutating func add(_ annotation: Annotation) { artists.append(.annotation(annotation)) }
    /// Adds a shape (circle, arc, polyline, arrow).
    public mutating func add(_ shape: Shape) { artists.append(.shape(shape)) }
    /// Adds an inset.
    public mutating func add(_ inset: Inset) { insets.append(inset) }
}
