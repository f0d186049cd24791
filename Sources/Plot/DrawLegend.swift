import CCairo
import Foundation

/// A legend entry with colours and widths resolved.
struct ResolvedLegendEntry {
    enum Handle {
        case line(color: Color, width: Double, dash: Dash, marker: Marker?)
        case marker(color: Color, marker: Marker)
        case patch(color: Color)
        case hatch(color: Color)
        case markers([(color: Color, marker: Marker)])
    }
    var label: String
    var handle: Handle
}

/// Legend box size and row metrics.
struct LegendMetrics {
    var width: Double
    var height: Double
    var rowHeight: Double
    var columnWidths: [Double]
    /// Handle length of each column (the longest handle in it; at least the style's).
    var handleLengths: [Double]
    var rowsPerColumn: Int
    var titleHeight: Double
    var framePad: Double
}

extension Renderer {
    /// Entries of a legend: labelled artists (in order), then the extra entries.
    func legendEntries(_ panel: ResolvedAxes, lineStyles: [Int: ResolvedLineStyle]) throws -> [ResolvedLegendEntry] {
        var entries: [ResolvedLegendEntry] = []
        guard let legend = panel.axes.legend else { return [] }
        if legend.includesArtists {
            for (index, artist) in panel.axes.artists.enumerated() {
                switch artist {
                case .line(let line):
                    guard let label = line.label, let s = lineStyles[index] else { continue }
                    if line.showsLine {
                        entries.append(.init(label: label, handle: .line(color: s.color, width: s.width, dash: s.dash, marker: s.marker)))
                    } else if let marker = s.marker {
                        entries.append(.init(label: label, handle: .marker(color: s.color, marker: marker)))
                    }
                case .referenceLine(let line):
                    guard let label = line.label else { continue }
                    entries.append(.init(label: label, handle: .line(color: try style.resolve(line.color),
                                                                       width: line.width ?? style.referenceLineWidth, dash: line.dash, marker: nil)))
                case .contour(let contour):
                    guard let label = contour.label else { continue }
                    entries.append(.init(label: label, handle: .line(color: try style.resolve(contour.color),
                                                                       width: contour.width ?? style.lineWidth, dash: contour.dash, marker: nil)))
                case .span(let span):
                    guard let label = span.label else { continue }
                    let color = try style.resolve(span.color).withAlpha(span.opacity)
                    entries.append(.init(label: label, handle: span.hatched ? .hatch(color: color) : .patch(color: color)))
                case .heatmap(let heatmap):
                    guard let label = heatmap.maskLabel else { continue }
                    entries.append(.init(label: label, handle: .patch(color: try style.resolve(heatmap.maskColor))))
                case .annotation, .shape:
                    continue
                }
            }
        }
        for extra in legend.extraEntries {
            switch extra {
            case let .line(label, color, dash, width, marker):
                try TextEngine.validate(label)
                entries.append(.init(label: label, handle: .line(color: try style.resolve(color), width: width ?? style.lineWidth, dash: dash, marker: marker)))
            case let .marker(label, color, marker):
                try TextEngine.validate(label)
                entries.append(.init(label: label, handle: .marker(color: try style.resolve(color), marker: marker)))
            case let .patch(label, color):
                try TextEngine.validate(label)
                entries.append(.init(label: label, handle: .patch(color: try style.resolve(color))))
            case let .hatch(label, color):
                try TextEngine.validate(label)
                entries.append(.init(label: label, handle: .hatch(color: try style.resolve(color))))
            case let .markers(label, samples):
                try TextEngine.validate(label)
                entries.append(.init(label: label, handle: .markers(try samples.map { (try style.resolve($0.color), $0.marker) })))
            }
        }
        return entries
    }

    /// Whether the legend gets a frame (heatmap panels always do, for legibility).
    func legendFramed(_ panel: ResolvedAxes) -> Bool {
        panel.axes.legend?.framed ?? (style.legendFramed || !panel.colorScales.isEmpty)
    }

    /// Size of a panel's legend (zero without a legend).
    func legendSize(_ panel: ResolvedAxes) -> (width: Double, height: Double) {
        guard let entries = try? legendEntries(panel, lineStyles: (try? resolveLineStyles(panel.axes)) ?? [:]) else { return (0, 0) }
        let m = legendMetrics(entries, legend: panel.axes.legend ?? Legend(), framed: legendFramed(panel))
        return (m.width, m.height)
    }

    func legendMetrics(_ entries: [ResolvedLegendEntry], legend: Legend, framed: Bool) -> LegendMetrics {
        let size = style.legendSize
        let lineHeight = text.measure("Hg", size: size).logicalHeight
        let markerHeight = entries.compactMap { entry -> Double? in
            switch entry.handle {
            case .line(_, _, _, let m?): return m.size ?? style.markerSize
            case .marker(_, let m): return m.size ?? style.markerSize
            case .markers(let samples): return samples.map { $0.marker.size ?? style.markerSize }.max()
            default: return nil
            }
        }.max() ?? 0
        let rowHeight = max(lineHeight, markerHeight + 1)
        let columns = max(1, legend.columns)
        let rowsPerColumn = max(1, Int((Double(entries.count) / Double(columns)).rounded(.up)))
        var columnWidths: [Double] = [], handleLengths: [Double] = []
        for c in 0..<columns {
            let slice = entries.dropFirst(c * rowsPerColumn).prefix(rowsPerColumn)
            guard !slice.isEmpty else { continue }
            let textWidth = slice.map { text.measure($0.label, size: size).logicalWidth }.max() ?? 0
            let handle = slice.map { handleLength($0.handle) }.max() ?? style.legendHandleLength
            handleLengths.append(handle)
            columnWidths.append(handle + style.legendHandleTextPad + textWidth)
        }
        let columnGap = style.legendHandleTextPad * 2
        let framePad = framed ? max(2, style.legendRowSpacing * 2) : 0
        var titleHeight = 0.0, titleWidth = 0.0
        if let title = legend.title {
            let e = text.measure(title, size: size)
            titleHeight = e.logicalHeight + style.legendRowSpacing
            titleWidth = e.logicalWidth
        }
        let width = max(columnWidths.reduce(0, +) + Double(max(0, columnWidths.count - 1)) * columnGap, titleWidth) + 2 * framePad
        let rows = Double(entries.isEmpty ? 0 : rowsPerColumn)
        let height = titleHeight + rows * rowHeight + max(0, rows - 1) * style.legendRowSpacing + 2 * framePad
        return LegendMetrics(width: width, height: height, rowHeight: rowHeight, columnWidths: columnWidths,
                             handleLengths: handleLengths, rowsPerColumn: rowsPerColumn, titleHeight: titleHeight, framePad: framePad)
    }

    /// The legend's metrics with as many of its columns as fit across the axes box (inside
    /// placements; a one-row legend of a small slide panel wraps instead of running out), and
    /// whether it had to wrap.
    func fittedLegendMetrics(_ entries: [ResolvedLegendEntry], legend: Legend, framed: Bool, box: Rect) -> (LegendMetrics, wrapped: Bool) {
        var fitted = legend
        var m = legendMetrics(entries, legend: fitted, framed: framed)
        while fitted.placement != .outsideRight, fitted.columns > 1, m.width > box.width - 2 * style.legendBorderPad {
            fitted.columns -= 1
            m = legendMetrics(entries, legend: fitted, framed: framed)
        }
        return (m, fitted.columns < legend.columns)
    }

    /// Draws the legend at its placement ("best": the candidate covering the fewest data points).
    func drawLegend(_ legend: Legend, panel: ResolvedAxes, maps: PanelMaps, lineStyles: [Int: ResolvedLineStyle],
                    box: Rect, on cr: OpaquePointer) throws {
        let entries = try legendEntries(panel, lineStyles: lineStyles)
        guard !entries.isEmpty || legend.title != nil else { return }
        let framed = legendFramed(panel)
        let (m, wrapped) = fittedLegendMetrics(entries, legend: legend, framed: framed, box: box)
        // A wrapped legend is taller than the place its spec chose: it goes where it covers least.
        let origin = legendOrigin(wrapped ? .best : legend.placement, size: (m.width, m.height), panel: panel, maps: maps, box: box)
        if framed {
            var fill = style.background
            fill.alpha = 0.85
            setColor(cr, fill)
            cairo_rectangle(cr, origin.x, origin.y, m.width, m.height)
            cairo_fill_preserve(cr)
            setColor(cr, style.foreground.withAlpha(0.5))
            setStroke(cr, width: style.axesLineWidth, dash: [])
            cairo_stroke(cr)
        }
        var y0 = origin.y + m.framePad
        if let title = legend.title {
            let e = text.measure(title, size: style.legendSize)
            text.draw(title, size: style.legendSize, color: style.foreground, originX: origin.x + m.framePad, originY: y0 - e.inkY + 0 * e.baseline, on: cr)
            y0 += m.titleHeight
        }
        var x0 = origin.x + m.framePad
        for (c, columnWidth) in m.columnWidths.enumerated() {
            for (r, entry) in entries.dropFirst(c * m.rowsPerColumn).prefix(m.rowsPerColumn).enumerated() {
                let centreY = y0 + Double(r) * (m.rowHeight + style.legendRowSpacing) + m.rowHeight / 2
                let length = m.handleLengths[c]
                drawLegendHandle(entry.handle, x: x0, length: length, centreY: centreY, on: cr)
                let e = text.measure(entry.label, size: style.legendSize)
                let baseline = centreY + metrics.digitHeight * style.legendSize / style.tickLabelSize / 2
                text.draw(entry.label, size: style.legendSize, color: style.foreground,
                          originX: x0 + length + style.legendHandleTextPad, originY: baseline - e.baseline, on: cr)
            }
            x0 += columnWidth + style.legendHandleTextPad * 2
        }
    }

    /// The length a handle needs: the style's, or more for a row of markers (a marker and a third of one between).
    func handleLength(_ handle: ResolvedLegendEntry.Handle) -> Double {
        guard case .markers(let samples) = handle else { return style.legendHandleLength }
        let widths = samples.map { ($0.marker.size ?? style.markerSize) + 2 * style.markerEdgeWidth }
        return max(style.legendHandleLength, widths.reduce(0, +) * 4 / 3)
    }

    private func drawLegendHandle(_ handle: ResolvedLegendEntry.Handle, x: Double, length: Double, centreY: Double, on cr: OpaquePointer) {
        switch handle {
        case let .line(color, width, dash, marker):
            cairo_new_path(cr)
            cairo_move_to(cr, x, centreY)
            cairo_line_to(cr, x + length, centreY)
            setColor(cr, color)
            setStroke(cr, width: width, dash: style.dashLengths(dash, width: width))
            cairo_stroke(cr)
            if let marker { drawMarker(marker, at: x + length / 2, centreY, color: color, on: cr) }
        case let .marker(color, marker):
            drawMarker(marker, at: x + length / 2, centreY, color: color, on: cr)
        case let .markers(samples):
            // Evenly spread: the k-th of n centred at (k + ½)/n of the handle.
            for (k, sample) in samples.enumerated() {
                drawMarker(sample.marker, at: x + length * (Double(k) + 0.5) / Double(samples.count), centreY, color: sample.color, on: cr)
            }
        case let .patch(color):
            let h = style.legendSize * 0.7
            cairo_new_path(cr)
            cairo_rectangle(cr, x + length * 0.15, centreY - h / 2, length * 0.7, h)
            setColor(cr, color)
            cairo_fill(cr)
        case let .hatch(color):
            let h = style.legendSize * 0.7
            drawHatch(Rect(x: x + length * 0.15, y: centreY - h / 2, width: length * 0.7, height: h), color: color, on: cr)
        }
    }

    /// Top-left corner of the legend box for a placement.
    func legendOrigin(_ placement: LegendPlacement, size: (Double, Double), panel: ResolvedAxes, maps: PanelMaps, box: Rect) -> (x: Double, y: Double) {
        let pad = style.legendBorderPad + (style.tickDirection == .out ? 0 : style.majorTickLength)
        let (w, h) = size
        func origin(_ p: LegendPlacement) -> (x: Double, y: Double) {
            let left = box.minX + pad, right = box.maxX - pad - w, midX = box.midX - w / 2
            let top = box.minY + pad, bottom = box.maxY - pad - h, midY = box.midY - h / 2
            switch p {
            case .upperRight, .best: return (right, top)
            case .upperLeft: return (left, top)
            case .lowerLeft: return (left, bottom)
            case .lowerRight: return (right, bottom)
            case .upperCenter: return (midX, top)
            case .lowerCenter: return (midX, bottom)
            case .centerLeft: return (left, midY)
            case .centerRight: return (right, midY)
            case .center: return (midX, midY)
            case .outsideRight:
                var offset = 0.0
                if panel.colorbar != nil {
                    offset = colorbarExtent(panel, ticks: ticks(for: panel, box: box).colorbar ?? TickSet(major: [], labels: [], minor: []))
                }
                if let y2 = panel.y2, let t2 = ticks(for: panel, box: box).y2 {
                    let e2 = verticalTickLabelExtent(t2, axis: y2, lower: y2.lower, upper: y2.upper, scale: y2.scale)
                    offset += tickOutside(style) + style.tickLabelPad + e2.width
                    if let label = y2.axis.label {
                        offset += metrics.bandFacingAscent(text.measure(label, size: style.axisLabelSize), pad: style.axisLabelPad).thickness
                    }
                }
                return (box.maxX + style.legendBorderPad + offset, box.minY)
            }
        }
        // Inside placements never start left of or above the axes box, even for wide legends.
        func clamped(_ p: (x: Double, y: Double)) -> (x: Double, y: Double) {
            guard placement != .outsideRight else { return p }
            return (max(p.x, box.minX + pad), max(p.y, box.minY + pad))
        }
        guard placement == .best else { return clamped(origin(placement)) }
        let obstacles = legendObstacles(panel, maps: maps, box: box)
        let candidates = Self.bestCandidates.map { candidate -> (LegendPlacement, Rect) in
            let o = clamped(origin(candidate))
            return (candidate, Rect(x: o.x, y: o.y, width: w, height: h))
        }
        return clamped(origin(obstacles.best(candidates) ?? .upperRight))
    }
}
