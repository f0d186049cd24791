/// Dash pattern of a stroked line; lengths scale with the line width.
public enum Dash: Sendable, Equatable {
    /// A continuous line.
    case solid
    /// Long dashes.
    case dashed
    /// Dots.
    case dotted
    /// Alternating dashes and dots.
    case dashDot
    /// Alternating on/off lengths in points.
    case custom([Double])
}

/// Marker shapes.
public enum MarkerShape: String, Sendable, Equatable, CaseIterable {
    /// A disc (or ring when open).
    case circle
    /// An axis-aligned square.
    case square
    /// An upward-pointing triangle.
    case triangle
    /// A downward-pointing triangle.
    case triangleDown
    /// A square turned by 45°.
    case diamond
    /// An upright cross "+" (stroked).
    case plus
    /// A diagonal cross "×" (stroked).
    case cross
}

/// A marker drawn at data points.
public struct Marker: Sendable, Equatable {
    /// Marker shape.
    public var shape: MarkerShape
    /// Marker size (diameter) in points; nil: the style's marker size.
    public var size: Double?
    /// Filled (true) or open (false): only the edge, in the line colour, is drawn; what lies beneath shows through.
    public var filled: Bool
    /// Draw a marker at every `every`-th point (1: all points).
    public var every: Int

    /// A marker of a shape; size nil takes the style's marker size.
    public init(_ shape: MarkerShape = .circle, size: Double? = nil, filled: Bool = true, every: Int = 1) {
        self.shape = shape; self.size = size; self.filled = filled; self.every = max(1, every)
    }
}

/// Which y axis a series is drawn against.
public enum YAxisSide: Sendable, Equatable {
    /// The primary y axis, on the left.
    case left
    /// The secondary y axis (`Axes.y2`), on the right.
    case right
}

/// A data series: polyline and/or markers; NaN in x or y breaks the line.
public struct Line: Sendable, Equatable {
    /// x values (data coordinates).
    public var x: [Double]
    /// y values (data coordinates).
    public var y: [Double]
    /// Legend label (Pango markup); nil: not in the legend.
    public var label: String?
    /// Colour (resolved by the style).
    public var color: Paint
    /// Line width in points; nil: the style's data line width.
    public var width: Double?
    /// Dash pattern; nil: paired with the cycle colour for `.auto`/`.cycle`, solid otherwise.
    public var dash: Dash?
    /// Marker drawn at the points (nil: none).
    public var marker: Marker?
    /// Stroke the polyline (false: markers only).
    public var showsLine: Bool
    /// The y axis the artist is drawn against.
    public var yAxis: YAxisSide
    /// Opacity 0...1.
    public var opacity: Double

    /// A series of points (x[i], y[i]).
    public init(x: [Double], y: [Double], label: String? = nil, color: Paint = .auto,
                width: Double? = nil, dash: Dash? = nil, marker: Marker? = nil,
                showsLine: Bool = true, yAxis: YAxisSide = .left, opacity: Double = 1) {
        self.x = x; self.y = y; self.label = label; self.color = color; self.width = width
        self.dash = dash; self.marker = marker; self.showsLine = showsLine
        self.yAxis = yAxis; self.opacity = opacity
    }
}

/// Orientation of a reference line or a shaded band.
public enum Orientation: Sendable, Equatable {
    /// Horizontal: at a y value / across a y range.
    case horizontal
    /// Vertical: at an x value / across an x range.
    case vertical
}

/// A horizontal or vertical line across the whole axes (axhline / axvline).
public struct ReferenceLine: Sendable, Equatable {
    /// Horizontal or vertical.
    public var orientation: Orientation
    /// Position on the axis (data coordinates).
    public var value: Double
    /// Legend label in Pango markup (nil: not in the legend).
    public var label: String?
    /// Colour; default: the style's reference-line colour (`colors.reference`).
    public var color: Paint
    /// Width in points; nil: the style's reference line width.
    public var width: Double?
    /// Dash pattern.
    public var dash: Dash
    /// The y axis the artist is drawn against.
    public var yAxis: YAxisSide

    /// A reference line at `value` on the x (vertical) or y (horizontal) axis.
    public init(_ orientation: Orientation, at value: Double, label: String? = nil,
                color: Paint = .named("reference"), width: Double? = nil, dash: Dash = .dotted,
                yAxis: YAxisSide = .left) {
        self.orientation = orientation; self.value = value; self.label = label
        self.color = color; self.width = width; self.dash = dash; self.yAxis = yAxis
    }
}

/// Shaded ranges across the whole axes (axvspan / axhspan), possibly several.
public struct Span: Sendable, Equatable {
    /// Horizontal or vertical.
    public var orientation: Orientation
    /// The shaded ranges (data coordinates).
    public var ranges: [ClosedRange<Double>]
    /// Legend label in Pango markup (nil: not in the legend).
    public var label: String?
    /// Colour (resolved by the style).
    public var color: Paint
    /// Opacity 0...1.
    public var opacity: Double
    /// Diagonal hatching in the colour instead of a fill (e.g. where a curve has no value).
    public var hatched: Bool
    /// The part of the axes the band covers across its ranges, as fractions (0...1: all of it).
    public var extent: ClosedRange<Double>

    /// Shaded x ranges (`.vertical`) or y ranges (`.horizontal`).
    public init(_ orientation: Orientation = .vertical, ranges: [ClosedRange<Double>], label: String? = nil,
                color: Paint = .named("shade"), opacity: Double = 1, hatched: Bool = false, extent: ClosedRange<Double> = 0...1) {
        self.orientation = orientation; self.ranges = ranges; self.label = label
        self.color = color; self.opacity = opacity; self.hatched = hatched; self.extent = extent
    }
}

/// Colour normalisation of a heatmap.
public enum ColorNorm: String, Sendable, Equatable {
    /// Colours linear in the value between the colour limits.
    case linear
    /// Colours linear in log10 of the value (positive values only).
    case log
}

/// A colour bar beside the axes, explaining a heatmap's colours.
public struct Colorbar: Sendable, Equatable {
    /// Label in Pango markup (drawn rotated along the bar).
    public var label: String?
    /// Major tick placement.
    public var ticks: Ticks
    /// Tick label format.
    public var format: TickFormat

    /// A colour bar with a label.
    public init(label: String? = nil, ticks: Ticks = .auto, format: TickFormat = .auto) {
        self.label = label; self.ticks = ticks; self.format = format
    }
}

/// A rectangular grid of values drawn as coloured cells (cell edges halfway between centres).
public struct Heatmap: Sendable, Equatable {
    /// Cell centres along x (monotonic).
    public var x: [Double]
    /// Cell centres along y (monotonic).
    public var y: [Double]
    /// Row-major values: `values[iy * x.count + ix]`; NaN cells are masked.
    public var values: [Double]
    /// Colormap; nil: the style's default.
    public var colormap: Colormap?
    /// Linear or logarithmic colour scale.
    public var norm: ColorNorm
    /// Lower end of the colour scale (nil: data minimum).
    public var vmin: Double?
    /// Upper end of the colour scale (nil: data maximum).
    public var vmax: Double?
    /// Colour bar beside the axes (nil: none).
    public var colorbar: Colorbar?
    /// Legend text for masked (NaN) cells, e.g. "unstable"; nil: no legend entry.
    public var maskLabel: String?
    /// Colour of masked cells; default: the style's mask colour.
    public var maskColor: Paint

    /// A heatmap of `values` (row-major, one row per y) on the grid x × y.
    public init(x: [Double], y: [Double], values: [Double], colormap: Colormap? = nil,
                norm: ColorNorm = .linear, vmin: Double? = nil, vmax: Double? = nil,
                colorbar: Colorbar? = nil, maskLabel: String? = nil, maskColor: Paint = .named("mask")) {
        self.x = x; self.y = y; self.values = values; self.colormap = colormap; self.norm = norm
        self.vmin = vmin; self.vmax = vmax; self.colorbar = colorbar
        self.maskLabel = maskLabel; self.maskColor = maskColor
    }
}

/// Contour lines of a gridded field at given levels (marching squares, NaN cells skipped).
public struct Contour: Sendable, Equatable {
    /// x values (data coordinates).
    public var x: [Double]
    /// y values (data coordinates).
    public var y: [Double]
    /// Row-major values: `values[iy * x.count + ix]`.
    public var values: [Double]
    /// Contour levels.
    public var levels: [Double]
    /// Legend label in Pango markup (nil: not in the legend).
    public var label: String?
    /// Colour (resolved by the style).
    public var color: Paint
    /// Line width in points; nil: the style's data line width.
    public var width: Double?
    /// Dash pattern.
    public var dash: Dash
    /// Leave out a level that runs along a grid boundary on which the field equals it everywhere
    /// (see `MarchingSquares`); only the curves that leave that boundary are drawn.
    public var skipsDegenerateEdges: Bool

    /// Contours of the field at `levels`.
    public init(x: [Double], y: [Double], values: [Double], levels: [Double], label: String? = nil,
                color: Paint = .white, width: Double? = nil, dash: Dash = .dashed, skipsDegenerateEdges: Bool = true) {
        self.x = x; self.y = y; self.values = values; self.levels = levels
        self.label = label; self.color = color; self.width = width; self.dash = dash
        self.skipsDegenerateEdges = skipsDegenerateEdges
    }

    /// The polylines of every level, as drawn.
    public func polylines() -> [[Point]] {
        levels.flatMap { MarchingSquares.contour(x: x, y: y, values: values, level: $0, skipsDegenerateEdges: skipsDegenerateEdges) }
    }
}

/// Coordinates of a text annotation.
public enum Coordinates: Sendable, Equatable {
    /// Data coordinates of the axes.
    case data
    /// Fractions of the axes box, (0, 0) bottom left, (1, 1) top right.
    case axesFraction
}

/// Which point of a text box sits at the anchor position.
public enum TextAnchor: String, Sendable, Equatable {
    /// The middle of the box.
    case center
    /// The middle of its left edge.
    case left
    /// The middle of its right edge.
    case right
    /// The middle of its top edge.
    case top
    /// The middle of its bottom edge.
    case bottom
    /// Its top left corner.
    case topLeft
    /// Its top right corner.
    case topRight
    /// Its bottom left corner.
    case bottomLeft
    /// Its bottom right corner.
    case bottomRight
}

/// A piece of text (Pango markup) placed in a panel.
public struct Annotation: Sendable, Equatable {
    /// Text in Pango markup.
    public var text: String
    /// x values (data coordinates).
    public var x: Double
    /// y values (data coordinates).
    public var y: Double
    /// Coordinate system of (x, y).
    public var coordinates: Coordinates
    /// Which point of the text box sits at (x, y).
    public var anchor: TextAnchor
    /// Colour (resolved by the style).
    public var color: Paint
    /// Font size in points; nil: the style's tick label size.
    public var size: Double?

    /// Text at (x, y).
    public init(_ text: String, x: Double, y: Double, coordinates: Coordinates = .data,
                anchor: TextAnchor = .center, color: Paint = .foreground, size: Double? = nil) {
        self.text = text; self.x = x; self.y = y; self.coordinates = coordinates
        self.anchor = anchor; self.color = color; self.size = size
    }
}

/// Anything drawn inside an axes box.
public enum Artist: Sendable, Equatable {
    /// A data series (polyline and/or markers).
    case line(Line)
    /// A colour-mapped grid of values.
    case heatmap(Heatmap)
    /// Contour lines of a gridded field.
    case contour(Contour)
    /// A horizontal or vertical line across the axes.
    case referenceLine(ReferenceLine)
    /// A shaded band across the axes.
    case span(Span)
    /// A text label at a position.
    case annotation(Annotation)
    /// A drawn shape (polyline, polygon, circle, arrow) in data or axes coordinates.
    case shape(Shape)
}
