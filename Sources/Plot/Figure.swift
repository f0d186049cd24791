/// The width of a figure: semantic (resolved by the style) or explicit.
public enum FigureWidth: Sendable, Equatable {
    /// The style's single-column width (paper: 3.4 in; slides: one panel).
    case singleColumn
    /// The style's double-column width (paper: 7.0 in; slides: the whole 16:9 canvas).
    case doubleColumn
    /// An explicit width in inches.
    case inches(Double)
    /// An explicit width in PostScript points (1/72 in).
    case points(Double)
}

/// The height of a figure: explicit, or derived from the width and the panel grid.
public enum FigureHeight: Sendable, Equatable {
    /// The style's panel aspect (height/width of one grid cell, golden 0.618 for paper) × rows.
    case auto
    /// Each grid cell is `ratio` × (figure width / columns) high; the figure is that × rows.
    case panelAspect(Double)
    /// An explicit height in inches.
    case inches(Double)
    /// An explicit height in points.
    case points(Double)
}

/// A panel placed in the figure's grid (0-based row and column, optional spans).
public struct Panel: Sendable {
    /// The axes drawn there.
    public var axes: Axes
    /// Grid row (0 at the top).
    public var row: Int
    /// Grid column (0 at the left).
    public var column: Int
    /// Number of grid rows covered.
    public var rowSpan: Int
    /// Number of grid columns covered.
    public var columnSpan: Int

    /// A panel at (row, column) spanning rowSpan × columnSpan cells.
    public init(_ axes: Axes, row: Int = 0, column: Int = 0, rowSpan: Int = 1, columnSpan: Int = 1) {
        self.axes = axes; self.row = row; self.column = column
        self.rowSpan = rowSpan; self.columnSpan = columnSpan
    }
}

/// A whole figure: its page size, a grid of panels and the panels' axes; a value, style-free.
public struct Figure: Sendable {
    /// Page width (semantic or explicit).
    public var width: FigureWidth
    /// Page height (explicit or from the grid).
    public var height: FigureHeight
    /// Grid rows.
    public var rows: Int
    /// Grid columns.
    public var columns: Int
    /// Relative widths of the grid columns (nil: equal).
    public var widthRatios: [Double]?
    /// Relative heights of the grid rows (nil: equal).
    public var heightRatios: [Double]?
    /// The panels in the grid.
    public var panels: [Panel]
    /// The figure's title, written into file metadata (PDF Title); never drawn.
    public var title: String?

    /// An empty figure of the given size and grid.
    public init(width: FigureWidth = .singleColumn, height: FigureHeight = .auto,
                rows: Int = 1, columns: Int = 1,
                widthRatios: [Double]? = nil, heightRatios: [Double]? = nil,
                panels: [Panel] = []) {
        self.width = width; self.height = height
        self.rows = rows; self.columns = columns
        self.widthRatios = widthRatios; self.heightRatios = heightRatios
        self.panels = panels
    }

    /// A one-panel figure holding `axes`.
    public init(width: FigureWidth = .singleColumn, height: FigureHeight = .auto, axes: Axes) {
        self.init(width: width, height: height, panels: [Panel(axes)])
    }

    /// Places `axes` at (row, column) with optional spans.
    public mutating func add(_ axes: Axes, row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1) {
        panels.append(Panel(axes, row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan))
    }

    /// Labels the panels "(a)", "(b)", … in the order they were added (skipping none).
    public mutating func labelPanels(startingAt first: Character = "a") {
        let start = first.unicodeScalars.first!.value
        for index in panels.indices {
            let letter = Character(Unicode.Scalar(start + UInt32(index))!)
            panels[index].axes.panelLabel = "(\(letter))"
        }
    }
}
