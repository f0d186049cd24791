import CCairo
import Foundation

/// Which side of a box a set of ticks sits on.
enum BoxSide {
    case bottom, top, left, right
}

extension Renderer {
    /// Axes frame and major/minor ticks on all sides the style asks for.
    func drawFrameAndTicks(_ panel: ResolvedAxes, geometry: PanelGeometry, maps: PanelMaps, on cr: OpaquePointer) {
        let box = geometry.box
        let ticks = geometry.ticks
        setColor(cr, style.foreground)
        drawTicks(ticks.x, map: maps.x, side: .bottom, box: box, direction: style.tickDirection, on: cr)
        drawTicks(ticks.y, map: maps.y, side: .left, box: box, direction: style.tickDirection, on: cr)
        if style.tickMirror {
            drawTicks(ticks.x, map: maps.x, side: .top, box: box, direction: style.tickDirection, on: cr)
        }
        if let t2 = ticks.y2, let m2 = maps.y2 {
            drawTicks(t2, map: m2, side: .right, box: box, direction: style.tickDirection, on: cr)
        } else if style.tickMirror {
            drawTicks(ticks.y, map: maps.y, side: .right, box: box, direction: style.tickDirection, on: cr)
        }
        cairo_new_path(cr)
        let w = style.axesLineWidth
        cairo_rectangle(cr, box.x, box.y, box.width, box.height)
        setStroke(cr, width: w, dash: [])
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        cairo_stroke(cr)
    }

    /// Major and minor tick marks along one side of a box.
    func drawTicks(_ ticks: TickSet, map: AxisMap, side: BoxSide, box: Rect, direction: TickDirection, on cr: OpaquePointer) {
        for (values, length, width) in [(ticks.minor, style.minorTickLength, style.minorTickWidth),
                                        (ticks.major, style.majorTickLength, style.majorTickWidth)] {
            cairo_new_path(cr)
            let (inner, outer): (Double, Double)
            switch direction {
            case .in: (inner, outer) = (length, 0)
            case .out: (inner, outer) = (0, length)
            case .inOut: (inner, outer) = (length / 2, length / 2)
            }
            for value in values where map.contains(value) {
                let p = map(value)
                guard p.isFinite else { continue }
                switch side {
                case .bottom: cairo_move_to(cr, p, box.maxY + outer); cairo_line_to(cr, p, box.maxY - inner)
                case .top: cairo_move_to(cr, p, box.minY - outer); cairo_line_to(cr, p, box.minY + inner)
                case .left: cairo_move_to(cr, box.minX - outer, p); cairo_line_to(cr, box.minX + inner, p)
                case .right: cairo_move_to(cr, box.maxX + outer, p); cairo_line_to(cr, box.maxX - inner, p)
                }
            }
            setStroke(cr, width: width, dash: [])
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            cairo_stroke(cr)
        }
    }

    /// Tick labels of the x axis (below), y axis (left) and second y axis (right).
    func drawTickLabels(_ panel: ResolvedAxes, geometry: PanelGeometry, maps: PanelMaps, on cr: OpaquePointer) {
        let box = geometry.box
        let out = tickOutside(style)
        let ticks = geometry.ticks
        let xExtent = horizontalTickLabelExtent(ticks.x, axis: panel.x)
        let baseline = box.maxY + out + style.tickLabelPad + xExtent.ascent
        for (value, label) in zip(ticks.x.major, ticks.x.labels) {
            let px = maps.x(value)
            guard px.isFinite else { continue }
            let e = text.measure(label, size: style.tickLabelSize)
            text.draw(label, size: style.tickLabelSize, color: style.foreground,
                      originX: px - e.logicalWidth / 2, originY: baseline - e.baseline, on: cr)
        }
        drawVerticalTickLabels(ticks.y, map: maps.y, edge: box.minX - out - style.tickLabelPad, rightAligned: true, on: cr)
        if let t2 = ticks.y2, let m2 = maps.y2 {
            drawVerticalTickLabels(t2, map: m2, edge: box.maxX + out + style.tickLabelPad, rightAligned: false, on: cr)
        }
    }

    /// Labels beside a vertical axis, centred on their ticks, aligned at `edge`.
    func drawVerticalTickLabels(_ ticks: TickSet, map: AxisMap, edge: Double, rightAligned: Bool, on cr: OpaquePointer) {
        for (value, label) in zip(ticks.major, ticks.labels) {
            let py = map(value)
            guard py.isFinite else { continue }
            let e = text.measure(label, size: style.tickLabelSize)
            let ox = rightAligned ? edge - (e.inkX + e.inkWidth) : edge - e.inkX
            text.draw(label, size: style.tickLabelSize, color: style.foreground,
                      originX: ox, originY: py + metrics.digitHeight / 2 - e.baseline, on: cr)
        }
    }

    /// Axis labels: x below its tick labels, y rotated left of its tick labels, right y rotated on the right.
    func drawAxisLabels(_ panel: ResolvedAxes, geometry: PanelGeometry, on cr: OpaquePointer) {
        let box = geometry.box
        let out = tickOutside(style)
        let ticks = geometry.ticks
        if let label = panel.axes.x.label {
            let xExtent = horizontalTickLabelExtent(ticks.x, axis: panel.x)
            let inner = box.maxY + out + (ticks.x.major.isEmpty ? 0 : style.tickLabelPad + xExtent.ascent + xExtent.descent)
            let e = text.measure(label, size: style.axisLabelSize)
            let band = metrics.bandFacingAscent(e, pad: style.axisLabelPad)
            text.draw(label, size: style.axisLabelSize, color: style.foreground,
                      originX: box.midX - (e.inkX + e.inkWidth / 2), originY: inner + band.baselineOffset - e.baseline, on: cr)
        }
        if let label = panel.axes.y.label {
            let yExtent = verticalTickLabelExtent(ticks.y, axis: panel.y, lower: panel.y.lower, upper: panel.y.upper, scale: panel.y.scale)
            let inner = box.minX - out - (ticks.y.major.isEmpty ? 0 : style.tickLabelPad + yExtent.width)
            drawRotatedLabel(label, inner: inner, towardsLeft: true, centreY: box.midY, span: box.height, on: cr)
        }
        if let y2 = panel.y2, let label = y2.axis.label, let t2 = ticks.y2 {
            let e2 = verticalTickLabelExtent(t2, axis: y2, lower: y2.lower, upper: y2.upper, scale: y2.scale)
            let inner = box.maxX + out + (t2.major.isEmpty ? 0 : style.tickLabelPad + e2.width)
            drawRotatedLabel(label, inner: inner, towardsLeft: false, centreY: box.midY, span: box.height, on: cr)
        }
    }

    /// A label rotated to read bottom-to-top, beside a vertical edge at `inner`, extending away from it.
    func drawRotatedLabel(_ label: String, inner: Double, towardsLeft: Bool, centreY: Double, span: Double, on cr: OpaquePointer) {
        let size = rotatedLabelSize(label, span: span)
        let e = text.measure(label, size: size)
        let baselineX: Double
        if towardsLeft {
            baselineX = inner - metrics.bandFacingDescent(e, pad: style.axisLabelPad).baselineOffset
        } else {
            baselineX = inner + metrics.bandFacingAscent(e, pad: style.axisLabelPad).baselineOffset
        }
        // Rotated by +90°: layout (u, v) lands at page (ox + v, oy − u).
        text.draw(label, size: size, color: style.foreground,
                  originX: baselineX - e.baseline, originY: centreY + (e.inkX + e.inkWidth / 2),
                  angle: .pi / 2, on: cr)
    }

    /// The axis label size, smaller when the label would be longer than `span` (the axes box
    /// height it runs along; a long label on a short slide panel would reach into its neighbours).
    func rotatedLabelSize(_ label: String, span: Double) -> Double {
        let length = text.measure(label, size: style.axisLabelSize).inkWidth
        guard length > span, span > 0 else { return style.axisLabelSize }
        return style.axisLabelSize * span / length
    }

    /// How far the panel label's ink sits above (and left of) the axes box: the style's offset,
    /// or clear of a y tick label that overhangs the top by more (a log axis' 10¹ in large fonts).
    func panelLabelOffset(_ panel: ResolvedAxes, ticks: AxesTicks) -> Double {
        let offset = style.panelLabelOffset
        guard panel.axes.panelLabel != nil, !ticks.y.major.isEmpty else { return offset }
        let above = verticalTickLabelExtent(ticks.y, axis: panel.y, lower: panel.y.lower, upper: panel.y.upper, scale: panel.y.scale).above
        return above > offset ? above + 1 : offset
    }

    /// Panel label outside the top-left corner (`offset` from it), title centred above.
    func drawPanelLabelAndTitle(_ axes: Axes, box: Rect, offset: Double, on cr: OpaquePointer) {
        if let label = axes.panelLabel {
            let e = text.measure(label, size: style.panelLabelSize, bold: style.panelLabelBold)
            text.draw(label, size: style.panelLabelSize, bold: style.panelLabelBold, color: style.foreground,
                      originX: box.minX - offset - (e.inkX + e.inkWidth),
                      originY: box.minY - offset - (e.inkY + e.inkHeight), on: cr)
        }
        if let title = axes.title {
            let e = text.measure(title, size: style.titleSize)
            let bottom = box.minY - tickOutside(style) - style.tickLabelPad
            text.draw(title, size: style.titleSize, color: style.foreground,
                      originX: box.midX - (e.inkX + e.inkWidth / 2), originY: bottom - (e.inkY + e.inkHeight), on: cr)
        }
    }

    /// The colour bar right of the axes box: gradient, frame, outward ticks, labels and the bar's label.
    func drawColorbar(_ bar: Colorbar, scale: ColorScale, ticks: TickSet, box: Rect, on cr: OpaquePointer) {
        let barBox = Rect(x: box.maxX + style.colorbarPad, y: box.minY, width: style.colorbarWidth, height: box.height)
        let steps = 256
        let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, Int32(steps))!
        defer { cairo_surface_destroy(image) }
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image))
        let data = cairo_image_surface_get_data(image)!
        for row in 0..<steps {
            let pixel = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            pixel[0] = premultipliedPixel(scale.colormap.entry(steps - 1 - row))
        }
        cairo_surface_mark_dirty(image)
        cairo_save(cr)
        cairo_translate(cr, barBox.x, barBox.y)
        cairo_scale(cr, barBox.width, barBox.height / Double(steps))
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_rectangle(cr, 0, 0, 1, Double(steps))
        cairo_fill(cr)
        cairo_restore(cr)
        let map = AxisMap(lower: scale.vmin, upper: scale.vmax, scale: scale.axisScale, start: barBox.maxY, end: barBox.minY)
        setColor(cr, style.foreground)
        drawTicks(ticks, map: map, side: .right, box: barBox, direction: .out, on: cr)
        cairo_new_path(cr)
        cairo_rectangle(cr, barBox.x, barBox.y, barBox.width, barBox.height)
        setStroke(cr, width: style.axesLineWidth, dash: [])
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        cairo_stroke(cr)
        let edge = barBox.maxX + style.majorTickLength + style.tickLabelPad
        drawVerticalTickLabels(ticks, map: map, edge: edge, rightAligned: false, on: cr)
        if let label = bar.label {
            let extent = verticalTickLabelExtent(ticks, axis: nil, lower: scale.vmin, upper: scale.vmax, scale: scale.axisScale)
            let inner = barBox.maxX + style.majorTickLength + (ticks.major.isEmpty ? 0 : style.tickLabelPad + extent.width)
            drawRotatedLabel(label, inner: inner, towardsLeft: false, centreY: barBox.midY, span: barBox.height, on: cr)
        }
    }
}
