import Foundation

/// Space taken by labels and bars on each side of an axes box, points.
struct Decorations {
    var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
}

/// Ticks of every axis of one Axes.
struct AxesTicks {
    var x: TickSet
    var y: TickSet
    var y2: TickSet?
    var colorbar: TickSet?
}

/// Final placement of a panel: its axes box and ticks.
struct PanelGeometry {
    var box: Rect
    var ticks: AxesTicks
}

extension Renderer {
    /// Ticks of all axes of `resolved` for an axes box.
    func ticks(for resolved: ResolvedAxes, box: Rect) -> AxesTicks {
        func make(_ axis: ResolvedAxis, length: Double) -> TickSet {
            AxisTicks.make(ticks: axis.axis.ticks, minorTicks: axis.axis.minorTicks, format: axis.axis.format,
                           scale: axis.scale, lower: axis.lower, upper: axis.upper, length: length, style: style,
                           vertical: true)
        }
        var result = AxesTicks(x: horizontalTicks(resolved.x, length: box.width), y: make(resolved.y, length: box.height))
        result.y2 = resolved.y2.map { make($0, length: box.height) }
        if let bar = resolved.colorbar {
            result.colorbar = AxisTicks.make(ticks: bar.bar.ticks, minorTicks: .auto, format: bar.bar.format,
                                             scale: bar.scale.axisScale, lower: bar.scale.vmin, upper: bar.scale.vmax,
                                             length: box.height, style: style, vertical: true)
        }
        return result
    }

    /// Ticks of a horizontal axis, thinned until neighbouring labels keep a gap of half an em.
    func horizontalTicks(_ axis: ResolvedAxis, length: Double) -> TickSet {
        var limit: Int?
        while true {
            let set = AxisTicks.make(ticks: axis.axis.ticks, minorTicks: axis.axis.minorTicks, format: axis.axis.format,
                                     scale: axis.scale, lower: axis.lower, upper: axis.upper, length: length,
                                     style: style, maxCount: limit)
            guard axis.axis.ticks == .auto, set.major.count > 2 else { return set }
            let map = AxisMap(lower: axis.lower, upper: axis.upper, scale: axis.scale, start: 0, end: length)
            let spans = zip(set.major, set.labels).map { value, label -> (Double, Double) in
                let width = text.measure(label, size: style.tickLabelSize).logicalWidth
                let p = map(value)
                return (p - width / 2, p + width / 2)
            }
            let gap = 0.5 * style.tickLabelSize
            let crowded = zip(spans, spans.dropFirst()).contains { $1.0 - $0.1 < gap }
            guard crowded else { return set }
            limit = set.major.count - 1
        }
    }

    /// Extent of vertical-axis tick labels: widest label, and overhang above/below the end ticks.
    func verticalTickLabelExtent(_ ticks: TickSet, axis: ResolvedAxis?, lower: Double, upper: Double, scale: Scale) -> (width: Double, above: Double, below: Double) {
        var width = 0.0, above = 0.0, below = 0.0
        let half = metrics.digitHeight / 2
        for (value, label) in zip(ticks.major, ticks.labels) {
            let e = text.measure(label, size: style.tickLabelSize)
            width = max(width, e.inkWidth)
            let map = AxisMap(lower: lower, upper: upper, scale: scale, start: 0, end: 1)
            let t = map(value)
            if t > 1 - 1e-6 { above = max(above, e.ascent - half) }
            if t < 1e-6 { below = max(below, e.descent + half) }
        }
        return (width, above, below)
    }

    /// Extent of x tick labels: tallest (ascent + descent) and overhang left/right of the end ticks.
    func horizontalTickLabelExtent(_ ticks: TickSet, axis: ResolvedAxis) -> (ascent: Double, descent: Double, left: Double, right: Double) {
        var ascent = 0.0, descent = 0.0, left = 0.0, right = 0.0
        let map = AxisMap(lower: axis.lower, upper: axis.upper, scale: axis.scale, start: 0, end: 1)
        for (value, label) in zip(ticks.major, ticks.labels) {
            let e = text.measure(label, size: style.tickLabelSize)
            ascent = max(ascent, e.ascent)
            descent = max(descent, e.descent)
            let t = axis.axis.inverted ? 1 - map(value) : map(value)
            if t < 1e-6 { left = max(left, e.logicalWidth / 2) }
            if t > 1 - 1e-6 { right = max(right, e.logicalWidth / 2) }
        }
        return (ascent, descent, left, right)
    }

    /// Width taken right of the axes box by the colour bar, its ticks, tick labels and label.
    func colorbarExtent(_ resolved: ResolvedAxes, ticks: TickSet) -> Double {
        guard let bar = resolved.colorbar else { return 0 }
        let ec = verticalTickLabelExtent(ticks, axis: nil, lower: bar.scale.vmin, upper: bar.scale.vmax, scale: bar.scale.axisScale)
        var width = style.colorbarPad + style.colorbarWidth + style.majorTickLength
        width += ticks.major.isEmpty ? 0 : style.tickLabelPad + ec.width
        if let label = bar.bar.label {
            width += metrics.bandFacingAscent(text.measure(label, size: style.axisLabelSize), pad: style.axisLabelPad).thickness
        }
        return width
    }

    /// Space needed around an axes box for its tick labels, axis labels, colour bar, legend and panel label.
    func decorations(_ resolved: ResolvedAxes, ticks: AxesTicks) -> Decorations {
        var d = Decorations()
        let out = tickOutside(style)
        let axes = resolved.axes
        // Left: y tick labels and label.
        let yExtent = verticalTickLabelExtent(ticks.y, axis: resolved.y, lower: resolved.y.lower, upper: resolved.y.upper, scale: resolved.y.scale)
        var left = out + (ticks.y.major.isEmpty ? 0 : style.tickLabelPad + yExtent.width)
        if let label = axes.y.label {
            left += metrics.bandFacingDescent(text.measure(label, size: style.axisLabelSize), pad: style.axisLabelPad).thickness
        }
        // Bottom: x tick labels and label.
        let xExtent = horizontalTickLabelExtent(ticks.x, axis: resolved.x)
        var bottom = out + (ticks.x.major.isEmpty ? 0 : style.tickLabelPad + xExtent.ascent + xExtent.descent)
        if let label = axes.x.label {
            bottom += metrics.bandFacingAscent(text.measure(label, size: style.axisLabelSize), pad: style.axisLabelPad).thickness
        }
        // Right: second y axis, colour bar, outside legend.
        var right = 0.0, above = yExtent.above, below = yExtent.below
        if let y2 = resolved.y2, let t2 = ticks.y2 {
            let e2 = verticalTickLabelExtent(t2, axis: y2, lower: y2.lower, upper: y2.upper, scale: y2.scale)
            right += out + (t2.major.isEmpty ? 0 : style.tickLabelPad + e2.width)
            if let label = y2.axis.label {
                right += metrics.bandFacingAscent(text.measure(label, size: style.axisLabelSize), pad: style.axisLabelPad).thickness
            }
            above = max(above, e2.above); below = max(below, e2.below)
        }
        if let bar = resolved.colorbar, let tc = ticks.colorbar {
            let ec = verticalTickLabelExtent(tc, axis: nil, lower: bar.scale.vmin, upper: bar.scale.vmax, scale: bar.scale.axisScale)
            right += colorbarExtent(resolved, ticks: tc)
            above = max(above, ec.above); below = max(below, ec.below)
        }
        if let legend = axes.legend, legend.placement == .outsideRight {
            right += style.legendBorderPad + legendSize(resolved).width
        }
        right = max(right, xExtent.right)
        left = max(left, xExtent.left)
        // Top: panel label, title, tick label overhang.
        var top = above
        if let label = axes.panelLabel {
            let e = text.measure(label, size: style.panelLabelSize, bold: style.panelLabelBold)
            let offset = panelLabelOffset(resolved, ticks: ticks)
            top = max(top, offset + e.inkHeight)
            left = max(left, offset + e.inkWidth)
        }
        if let title = axes.title {
            let e = text.measure(title, size: style.titleSize)
            top = max(top, style.tickLabelPad + out + e.inkHeight)
        }
        bottom = max(bottom, below)
        d.left = left; d.right = right; d.top = top; d.bottom = bottom
        return d
    }

    /// Page size in points for a figure under this style.
    func pageSize(_ figure: Figure) throws -> (width: Double, height: Double) {
        let width: Double
        switch figure.width {
        case .singleColumn: width = style.singleColumnWidth * 72
        case .doubleColumn: width = style.doubleColumnWidth * 72
        case .inches(let w): width = w * 72
        case .points(let w): width = w
        }
        guard width > 0, width.isFinite else { throw PlotError.invalidSize(what: "figure width (points)", value: width) }
        guard figure.rows >= 1, figure.columns >= 1 else {
            throw PlotError.invalidGrid("rows and columns must be ≥ 1, got \(figure.rows) × \(figure.columns)")
        }
        let cellWidth = width / Double(figure.columns)
        let height: Double
        switch figure.height {
        case .auto: height = cellWidth * style.panelAspect * Double(figure.rows)
        case .panelAspect(let r):
            guard r > 0, r.isFinite else { throw PlotError.invalidSize(what: "panel aspect", value: r) }
            height = cellWidth * r * Double(figure.rows)
        case .inches(let h): height = h * 72
        case .points(let h): height = h
        }
        guard height > 0, height.isFinite else { throw PlotError.invalidSize(what: "figure height (points)", value: height) }
        try RenderLimits.check(page: (width, height))
        return (width, height)
    }

    /// Checks the grid, ratios and every panel's position.
    func validateGrid(_ figure: Figure) throws {
        for (name, ratios, count) in [("widthRatios", figure.widthRatios, figure.columns), ("heightRatios", figure.heightRatios, figure.rows)] {
            guard let ratios else { continue }
            guard ratios.count == count else { throw PlotError.lengthMismatch(what: name, expected: count, actual: ratios.count) }
            for r in ratios where !(r > 0 && r.isFinite) { throw PlotError.invalidSize(what: name + " entry", value: r) }
        }
        for (index, panel) in figure.panels.enumerated() {
            guard panel.row >= 0, panel.column >= 0, panel.rowSpan >= 1, panel.columnSpan >= 1,
                  panel.row + panel.rowSpan <= figure.rows, panel.column + panel.columnSpan <= figure.columns else {
                throw PlotError.invalidGrid("panel \(index + 1) at row \(panel.row), column \(panel.column), span \(panel.rowSpan) × \(panel.columnSpan) does not fit a \(figure.rows) × \(figure.columns) grid")
            }
        }
    }

    /// Tight layout: axes boxes that leave room for every decoration inside the page, aligned by grid row and column.
    func layout(_ figure: Figure, resolved: [ResolvedAxes], page: (width: Double, height: Double)) throws -> [PanelGeometry] {
        let columns = figure.columns, rows = figure.rows
        var decorations = [Decorations](repeating: Decorations(left: 30, right: 5, top: 10, bottom: 25), count: resolved.count)
        var geometry: [PanelGeometry] = []
        for _ in 0..<4 {
            let boxes = try solve(figure, decorations: decorations, page: page)
            geometry = zip(resolved, boxes).map { PanelGeometry(box: $1, ticks: ticks(for: $0, box: $1)) }
            let updated = zip(resolved, geometry).map { self.decorations($0, ticks: $1.ticks) }
            let stable = zip(updated, decorations).allSatisfy { a, b in
                abs(a.left - b.left) < 0.01 && abs(a.right - b.right) < 0.01 && abs(a.top - b.top) < 0.01 && abs(a.bottom - b.bottom) < 0.01
            }
            decorations = updated
            if stable { break }
        }
        let boxes = try solve(figure, decorations: decorations, page: page)
        _ = (columns, rows)
        return zip(geometry, boxes).map { PanelGeometry(box: $1, ticks: $0.ticks) }
    }

    /// Axes boxes for given decorations: per column, the widest left/right decoration; per row, the tallest top/bottom.
    private func solve(_ figure: Figure, decorations: [Decorations], page: (width: Double, height: Double)) throws -> [Rect] {
        let columns = figure.columns, rows = figure.rows
        var colLeft = [Double](repeating: 0, count: columns), colRight = colLeft
        var rowTop = [Double](repeating: 0, count: rows), rowBottom = rowTop
        for (panel, d) in zip(figure.panels, decorations) {
            colLeft[panel.column] = max(colLeft[panel.column], d.left)
            colRight[panel.column + panel.columnSpan - 1] = max(colRight[panel.column + panel.columnSpan - 1], d.right)
            rowTop[panel.row] = max(rowTop[panel.row], d.top)
            rowBottom[panel.row + panel.rowSpan - 1] = max(rowBottom[panel.row + panel.rowSpan - 1], d.bottom)
        }
        let widths = try distribute(total: page.width, before: colLeft, after: colRight, ratios: figure.widthRatios, what: "width")
        let heights = try distribute(total: page.height, before: rowTop, after: rowBottom, ratios: figure.heightRatios, what: "height")
        var xs: [Double] = [], x = style.padding
        for c in 0..<columns { xs.append(x + colLeft[c]); x += colLeft[c] + widths[c] + colRight[c] + style.panelSpacing }
        var ys: [Double] = [], y = style.padding
        for r in 0..<rows { ys.append(y + rowTop[r]); y += rowTop[r] + heights[r] + rowBottom[r] + style.panelSpacing }
        return figure.panels.map { panel in
            let lastCol = panel.column + panel.columnSpan - 1, lastRow = panel.row + panel.rowSpan - 1
            return Rect(x: xs[panel.column], y: ys[panel.row],
                        width: xs[lastCol] + widths[lastCol] - xs[panel.column],
                        height: ys[lastRow] + heights[lastRow] - ys[panel.row])
        }
    }

    /// Splits what the decorations leave of `total` among cells in proportion to `ratios`.
    private func distribute(total: Double, before: [Double], after: [Double], ratios: [Double]?, what: String) throws -> [Double] {
        let n = before.count
        let ratios = ratios ?? [Double](repeating: 1, count: n)
        let used = 2 * style.padding + before.reduce(0, +) + after.reduce(0, +) + Double(n - 1) * style.panelSpacing
        let free = total - used
        let sum = ratios.reduce(0, +)
        let sizes = ratios.map { free * $0 / sum }
        if let smallest = sizes.min(), smallest < 4 {
            throw PlotError.invalidSize(what: "axes \(what) left after the labels (points; make the figure larger)", value: smallest)
        }
        return sizes
    }
}
