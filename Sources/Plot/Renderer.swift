import CCairo
import Foundation

/// Draws a figure with a style onto a Cairo context whose user units are points.
final class Renderer {
    let style: Style
    let text: TextEngine
    let metrics: FontMetrics

    init(style: Style) {
        self.style = style
        text = TextEngine(family: style.fontFamily, fallback: style.fontFallback)
        metrics = FontMetrics(text: text, style: style)
    }

    /// Resolves, lays out and draws the whole figure (page size in points).
    func draw(_ figure: Figure, page: (width: Double, height: Double), on cr: OpaquePointer) throws {
        try validateGrid(figure)
        let actual = text.resolvedFamily()
        guard actual.lowercased() == style.fontFamily.lowercased() else {
            throw PlotError.fontUnavailable(family: style.fontFamily, substitute: actual)
        }
        let resolved = try figure.panels.enumerated().map { index, panel in
            try ResolvedAxes(panel.axes, style: style, path: "panel \(index + 1)")
        }
        let geometry = try layout(figure, resolved: resolved, page: page)
        setColor(cr, style.background)
        cairo_rectangle(cr, 0, 0, page.width, page.height)
        cairo_fill(cr)
        for (panel, geo) in zip(resolved, geometry) {
            try drawPanel(panel, geometry: geo, on: cr)
        }
    }

    /// Draws one Axes (and its insets) into its box.
    func drawPanel(_ panel: ResolvedAxes, geometry: PanelGeometry, on cr: OpaquePointer, isInset: Bool = false) throws {
        let box = geometry.box
        let panel = panel.axes.equalAspect ? panel.withEqualAspect(box: box) : panel
        let maps = PanelMaps(panel, box: box)
        let lineStyles = try resolveLineStyles(panel.axes)
        if isInset {
            setColor(cr, style.background)
            cairo_rectangle(cr, box.x, box.y, box.width, box.height)
            cairo_fill(cr)
        }
        cairo_save(cr)
        cairo_rectangle(cr, box.x, box.y, box.width, box.height)
        cairo_clip(cr)
        try drawArtists(panel, maps: maps, lineStyles: lineStyles, on: cr)
        cairo_restore(cr)
        if panel.axes.showsFrame { drawFrameAndTicks(panel, geometry: geometry, maps: maps, on: cr) }
        drawTickLabels(panel, geometry: geometry, maps: maps, on: cr)
        drawAxisLabels(panel, geometry: geometry, on: cr)
        if let bar = panel.colorbar, let ticks = geometry.ticks.colorbar {
            drawColorbar(bar.bar, scale: bar.scale, ticks: ticks, box: box, on: cr)
        }
        if let legend = panel.axes.legend {
            try drawLegend(legend, panel: panel, maps: maps, lineStyles: lineStyles, box: box, on: cr)
        }
        drawPanelLabelAndTitle(panel.axes, box: box, offset: panelLabelOffset(panel, ticks: geometry.ticks), on: cr)
        for (inset, resolvedInset) in zip(panel.axes.insets, panel.insets) {
            let insetBox = Rect(x: box.x + inset.x * box.width,
                                y: box.maxY - (inset.y + inset.height) * box.height,
                                width: inset.width * box.width, height: inset.height * box.height)
            let insetGeometry = PanelGeometry(box: insetBox, ticks: ticks(for: resolvedInset, box: insetBox))
            try drawPanel(resolvedInset, geometry: insetGeometry, on: cr, isInset: true)
        }
    }

    // MARK: cairo helpers

    func setColor(_ cr: OpaquePointer, _ color: Color) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }

    /// Sets width, dash and caps for stroking.
    func setStroke(_ cr: OpaquePointer, width: Double, dash: [Double]) {
        cairo_set_line_width(cr, width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }
}

/// Data-to-page maps of one Axes.
struct PanelMaps {
    let x: AxisMap
    let y: AxisMap
    let y2: AxisMap?
    /// The largest annotation font size in this box, points (nil: no limit; `Axes.annotationMaxSizeInXUnits`).
    let annotationSizeLimit: Double?

    init(_ panel: ResolvedAxes, box: Rect) {
        let pointsPerXUnit = box.width / max(panel.x.upper - panel.x.lower, .leastNormalMagnitude)
        annotationSizeLimit = panel.axes.annotationMaxSizeInXUnits.map { $0 * pointsPerXUnit }
        func horizontal(_ a: ResolvedAxis) -> AxisMap {
            AxisMap(lower: a.lower, upper: a.upper, scale: a.scale,
                    start: a.axis.inverted ? box.maxX : box.minX, end: a.axis.inverted ? box.minX : box.maxX)
        }
        func vertical(_ a: ResolvedAxis) -> AxisMap {
            AxisMap(lower: a.lower, upper: a.upper, scale: a.scale,
                    start: a.axis.inverted ? box.minY : box.maxY, end: a.axis.inverted ? box.maxY : box.minY)
        }
        x = horizontal(panel.x)
        y = vertical(panel.y)
        y2 = panel.y2.map(vertical)
    }

    func y(for side: YAxisSide) -> AxisMap { side == .right ? (y2 ?? y) : y }
}
