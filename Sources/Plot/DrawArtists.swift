import CCairo
import Foundation

/// A line artist's colour, width and dash after applying the style and the colour cycle.
struct ResolvedLineStyle {
    var color: Color
    var width: Double
    var dash: Dash
    var marker: Marker?
}

extension Renderer {
    /// Styles of the line artists by artist index; `.auto` colours take successive cycle entries.
    func resolveLineStyles(_ axes: Axes) throws -> [Int: ResolvedLineStyle] {
        var result: [Int: ResolvedLineStyle] = [:]
        var next = 0
        for (index, artist) in axes.artists.enumerated() {
            guard case .line(let line) = artist else { continue }
            var cycleIndex: Int?
            switch line.color {
            case .auto: cycleIndex = next; next += 1
            case .cycle(let n): cycleIndex = n
            default: break
            }
            let color = try style.resolve(line.color, cycleIndex: cycleIndex ?? 0).withAlpha(line.opacity)
            let count = style.cycle.count
            let dash = line.dash ?? cycleIndex.map { style.cycle[(($0 % count) + count) % count].dash } ?? .solid
            result[index] = ResolvedLineStyle(color: color, width: line.width ?? style.lineWidth, dash: dash, marker: line.marker)
        }
        return result
    }

    /// Draws the artists: heatmaps, then shaded spans, then everything else in order.
    func drawArtists(_ panel: ResolvedAxes, maps: PanelMaps, lineStyles: [Int: ResolvedLineStyle], on cr: OpaquePointer) throws {
        for (index, artist) in panel.axes.artists.enumerated() {
            if case .heatmap(let heatmap) = artist, let scale = panel.colorScales[index] {
                try drawHeatmap(heatmap, scale: scale, maps: maps, on: cr)
            }
        }
        for artist in panel.axes.artists {
            if case .span(let span) = artist { try drawSpan(span, maps: maps, on: cr) }
        }
        for (index, artist) in panel.axes.artists.enumerated() {
            switch artist {
            case .line(let line):
                if let lineStyle = lineStyles[index] { drawLine(line, style: lineStyle, maps: maps, on: cr) }
            case .contour(let contour): try drawContour(contour, maps: maps, on: cr)
            case .referenceLine(let line): try drawReferenceLine(line, maps: maps, on: cr)
            case .annotation(let annotation): try drawAnnotation(annotation, maps: maps, on: cr)
            case .shape(let shape): try drawShape(shape, maps: maps, on: cr)
            case .heatmap, .span: break
            }
        }
    }

    /// Polyline with NaN breaks, then markers.
    func drawLine(_ line: Line, style lineStyle: ResolvedLineStyle, maps: PanelMaps, on cr: OpaquePointer) {
        let ymap = maps.y(for: line.yAxis)
        let points = zip(line.x, line.y).map { (maps.x($0), ymap($1)) }
        if line.showsLine {
            cairo_new_path(cr)
            var penDown = false
            for (px, py) in points {
                guard px.isFinite, py.isFinite else { penDown = false; continue }
                if penDown { cairo_line_to(cr, px, py) } else { cairo_move_to(cr, px, py); penDown = true }
            }
            setColor(cr, lineStyle.color)
            setStroke(cr, width: lineStyle.width, dash: style.dashLengths(lineStyle.dash, width: lineStyle.width))
            cairo_stroke(cr)
        }
        if let marker = lineStyle.marker {
            for (i, (px, py)) in points.enumerated() where i % marker.every == 0 && px.isFinite && py.isFinite {
                drawMarker(marker, at: px, py, color: lineStyle.color, on: cr)
            }
        }
    }

    /// One marker centred at (px, py).
    func drawMarker(_ marker: Marker, at px: Double, _ py: Double, color: Color, on cr: OpaquePointer) {
        let size = marker.size ?? style.markerSize
        let r = size / 2
        cairo_new_path(cr)
        switch marker.shape {
        case .circle:
            cairo_arc(cr, px, py, r, 0, 2 * .pi)
        case .square:
            let h = r * 0.9
            cairo_rectangle(cr, px - h, py - h, 2 * h, 2 * h)
        case .triangle, .triangleDown:
            let s: Double = marker.shape == .triangle ? 1 : -1
            let R = r * 1.2
            cairo_move_to(cr, px, py - s * R)
            cairo_line_to(cr, px + R * 0.866, py + s * R * 0.5)
            cairo_line_to(cr, px - R * 0.866, py + s * R * 0.5)
            cairo_close_path(cr)
        case .diamond:
            let R = r * 1.15
            cairo_move_to(cr, px, py - R)
            cairo_line_to(cr, px + R * 0.75, py)
            cairo_line_to(cr, px, py + R)
            cairo_line_to(cr, px - R * 0.75, py)
            cairo_close_path(cr)
        case .plus:
            cairo_move_to(cr, px - r, py); cairo_line_to(cr, px + r, py)
            cairo_move_to(cr, px, py - r); cairo_line_to(cr, px, py + r)
        case .cross:
            let h = r * 0.8
            cairo_move_to(cr, px - h, py - h); cairo_line_to(cr, px + h, py + h)
            cairo_move_to(cr, px - h, py + h); cairo_line_to(cr, px + h, py - h)
        }
        // Open markers are only outlined: whatever lies beneath shows through.
        let isStroke = marker.shape == .plus || marker.shape == .cross
        if !isStroke, marker.filled {
            setColor(cr, color)
            cairo_fill_preserve(cr)
        }
        setColor(cr, color)
        setStroke(cr, width: isStroke ? max(style.markerEdgeWidth, size / 6) : style.markerEdgeWidth, dash: [])
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        cairo_stroke(cr)
    }

    /// Heatmap cells: one image with nearest-neighbour sampling when cells are uniform on the page, else rectangles.
    func drawHeatmap(_ heatmap: Heatmap, scale: ColorScale, maps: PanelMaps, on cr: OpaquePointer) throws {
        let mask = try style.resolve(heatmap.maskColor)
        let nx = heatmap.x.count, ny = heatmap.y.count
        let xEdges = cellEdges(heatmap.x, scale: maps.x.scale).map { maps.x($0) }
        let yEdges = cellEdges(heatmap.y, scale: maps.y.scale).map { maps.y($0) }
        func colorAt(_ i: Int, _ j: Int) -> Color { scale.color(heatmap.values[j * nx + i]) ?? mask }
        if isUniform(xEdges), isUniform(yEdges) {
            let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(nx), Int32(ny))!
            defer { cairo_surface_destroy(image) }
            cairo_surface_flush(image)
            let stride = Int(cairo_image_surface_get_stride(image))
            let data = cairo_image_surface_get_data(image)!
            for j in 0..<ny {
                let row = UnsafeMutableRawPointer(data + j * stride).assumingMemoryBound(to: UInt32.self)
                for i in 0..<nx { row[i] = premultipliedPixel(colorAt(i, j)) }
            }
            cairo_surface_mark_dirty(image)
            cairo_save(cr)
            cairo_translate(cr, xEdges[0], yEdges[0])
            cairo_scale(cr, (xEdges[nx] - xEdges[0]) / Double(nx), (yEdges[ny] - yEdges[0]) / Double(ny))
            cairo_set_source_surface(cr, image, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
            cairo_rectangle(cr, 0, 0, Double(nx), Double(ny))
            cairo_fill(cr)
            cairo_restore(cr)
        } else {
            cairo_save(cr)
            cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE)
            for j in 0..<ny {
                for i in 0..<nx {
                    let x0 = xEdges[i], x1 = xEdges[i + 1], y0 = yEdges[j], y1 = yEdges[j + 1]
                    guard x0.isFinite, x1.isFinite, y0.isFinite, y1.isFinite else { continue }
                    setColor(cr, colorAt(i, j))
                    cairo_rectangle(cr, min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))
                    cairo_fill(cr)
                }
            }
            cairo_restore(cr)
        }
    }

    private func isUniform(_ edges: [Double]) -> Bool {
        guard edges.count >= 2, edges.allSatisfy(\.isFinite) else { return false }
        let step = (edges[edges.count - 1] - edges[0]) / Double(edges.count - 1)
        guard step != 0 else { return false }
        return edges.enumerated().allSatisfy { abs($1 - (edges[0] + Double($0) * step)) <= 1e-3 * abs(step) }
    }

    /// Shaded bands across the axes.
    func drawSpan(_ span: Span, maps: PanelMaps, on cr: OpaquePointer) throws {
        let color = try style.resolve(span.color).withAlpha(span.opacity)
        let rects = spanRects(span, maps: maps)
        if span.hatched {
            for r in rects { drawHatch(r, color: color, on: cr) }
            return
        }
        setColor(cr, color)
        for r in rects { cairo_rectangle(cr, r.x, r.y, r.width, r.height) }
        cairo_fill(cr)
    }

    /// The page rectangles of a span's ranges (finite ones), across its `extent` of the axes.
    func spanRects(_ span: Span, maps: PanelMaps) -> [Rect] {
        let lowX = min(maps.x.start, maps.x.end), widthX = abs(maps.x.end - maps.x.start)
        let lowY = max(maps.y.start, maps.y.end), heightY = abs(maps.y.end - maps.y.start)
        let across = (min(1, max(0, span.extent.lowerBound)), min(1, max(0, span.extent.upperBound)))
        return span.ranges.compactMap { range in
            if span.orientation == .vertical {
                let a = maps.x(range.lowerBound), b = maps.x(range.upperBound)
                guard a.isFinite, b.isFinite else { return nil }
                return Rect(x: min(a, b), y: lowY - across.1 * heightY, width: abs(b - a), height: (across.1 - across.0) * heightY)
            }
            let a = maps.y(range.lowerBound), b = maps.y(range.upperBound)
            guard a.isFinite, b.isFinite else { return nil }
            return Rect(x: lowX + across.0 * widthX, y: min(a, b), width: (across.1 - across.0) * widthX, height: abs(b - a))
        }
    }

    /// Diagonal hatching inside `rect`: 45° lines 3 pt apart, 0.6 pt wide.
    func drawHatch(_ rect: Rect, color: Color, on cr: OpaquePointer) {
        guard rect.width > 0, rect.height > 0 else { return }
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        cairo_new_path(cr)
        let spacing = 3.0
        var offset = -rect.height
        while offset < rect.width {
            cairo_move_to(cr, rect.x + offset, rect.maxY)
            cairo_line_to(cr, rect.x + offset + rect.height, rect.y)
            offset += spacing
        }
        setColor(cr, color)
        setStroke(cr, width: 0.6, dash: [])
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    /// Contour polylines at each level.
    func drawContour(_ contour: Contour, maps: PanelMaps, on cr: OpaquePointer) throws {
        let color = try style.resolve(contour.color)
        let width = contour.width ?? style.lineWidth
        cairo_new_path(cr)
        for polyline in contour.polylines() {
            var penDown = false
            for point in polyline {
                let px = maps.x(point.x), py = maps.y(point.y)
                guard px.isFinite, py.isFinite else { penDown = false; continue }
                if penDown { cairo_line_to(cr, px, py) } else { cairo_move_to(cr, px, py); penDown = true }
            }
        }
        setColor(cr, color)
        setStroke(cr, width: width, dash: style.dashLengths(contour.dash, width: width))
        cairo_stroke(cr)
    }

    /// A line across the whole axes.
    func drawReferenceLine(_ line: ReferenceLine, maps: PanelMaps, on cr: OpaquePointer) throws {
        let width = line.width ?? style.referenceLineWidth
        cairo_new_path(cr)
        if line.orientation == .vertical {
            let px = maps.x(line.value)
            guard px.isFinite else { return }
            cairo_move_to(cr, px, maps.y.start); cairo_line_to(cr, px, maps.y.end)
        } else {
            let ymap = maps.y(for: line.yAxis)
            let py = ymap(line.value)
            guard py.isFinite else { return }
            cairo_move_to(cr, maps.x.start, py); cairo_line_to(cr, maps.x.end, py)
        }
        setColor(cr, try style.resolve(line.color))
        setStroke(cr, width: width, dash: style.dashLengths(line.dash, width: width))
        cairo_stroke(cr)
    }

    /// An annotation's font size: its own or the style's tick label size, within the box's limit.
    func annotationSize(_ annotation: Annotation, maps: PanelMaps) -> Double {
        let size = annotation.size ?? style.tickLabelSize
        return maps.annotationSizeLimit.map { min(size, $0) } ?? size
    }

    /// An annotation's anchor point on the page (nil when not finite).
    func annotationPosition(_ annotation: Annotation, maps: PanelMaps) -> (Double, Double)? {
        let px: Double, py: Double
        switch annotation.coordinates {
        case .data: px = maps.x(annotation.x); py = maps.y(annotation.y)
        case .axesFraction:
            px = min(maps.x.start, maps.x.end) + annotation.x * abs(maps.x.end - maps.x.start)
            py = max(maps.y.start, maps.y.end) - annotation.y * abs(maps.y.end - maps.y.start)
        }
        return px.isFinite && py.isFinite ? (px, py) : nil
    }

    /// Where an annotation's text goes: layout origin, size and extents (nil when its position
    /// is not finite). A text anchored inside the axes box that would run past its edge is
    /// moved back inside (large slide fonts), when it fits.
    func annotationLayout(_ annotation: Annotation, maps: PanelMaps) -> (x: Double, y: Double, size: Double, extents: TextExtents)? {
        guard let (px, py) = annotationPosition(annotation, maps: maps) else { return nil }
        let size = annotationSize(annotation, maps: maps)
        let e = text.measure(annotation.text, size: size)
        var (ox, oy) = anchoredOrigin(e, anchor: annotation.anchor, x: px, y: py)
        let minX = min(maps.x.start, maps.x.end), maxX = max(maps.x.start, maps.x.end)
        let minY = min(maps.y.start, maps.y.end), maxY = max(maps.y.start, maps.y.end)
        if px >= minX, px <= maxX, py >= minY, py <= maxY {
            func inside(_ origin: Double, ink: Double, width: Double, low: Double, high: Double) -> Double {
                guard width <= high - low else { return origin }
                if origin + ink + width > high { return high - ink - width }
                if origin + ink < low { return low - ink }
                return origin
            }
            ox = inside(ox, ink: e.inkX, width: e.inkWidth, low: minX, high: maxX)
            oy = inside(oy, ink: e.inkY, width: e.inkHeight, low: minY, high: maxY)
        }
        return (ox, oy, size, e)
    }

    /// Text at a data or axes-fraction position.
    func drawAnnotation(_ annotation: Annotation, maps: PanelMaps, on cr: OpaquePointer) throws {
        guard let a = annotationLayout(annotation, maps: maps) else { return }
        text.draw(annotation.text, size: a.size, color: try style.resolve(annotation.color), originX: a.x, originY: a.y, on: cr)
    }

    /// Layout origin that puts the ink box's `anchor` point at (x, y).
    func anchoredOrigin(_ e: TextExtents, anchor: TextAnchor, x: Double, y: Double) -> (Double, Double) {
        let left = e.inkX, right = e.inkX + e.inkWidth, midX = e.inkX + e.inkWidth / 2
        let top = e.inkY, bottom = e.inkY + e.inkHeight, midY = e.inkY + e.inkHeight / 2
        let ax: Double, ay: Double
        switch anchor {
        case .center: (ax, ay) = (midX, midY)
        case .left: (ax, ay) = (left, midY)
        case .right: (ax, ay) = (right, midY)
        case .top: (ax, ay) = (midX, top)
        case .bottom: (ax, ay) = (midX, bottom)
        case .topLeft: (ax, ay) = (left, top)
        case .topRight: (ax, ay) = (right, top)
        case .bottomLeft: (ax, ay) = (left, bottom)
        case .bottomRight: (ax, ay) = (right, bottom)
        }
        return (x - ax, y - ay)
    }
}

/// An opaque colour as a premultiplied ARGB32 pixel.
func premultipliedPixel(_ color: Color) -> UInt32 {
    let a = max(0, min(1, color.alpha))
    func channel(_ v: Double) -> UInt32 { UInt32((max(0, min(1, v)) * a * 255).rounded()) }
    return (UInt32((a * 255).rounded()) << 24) | (channel(color.red) << 16) | (channel(color.green) << 8) | channel(color.blue)
}

extension Renderer {
    /// A shape: its outline mapped to the page, filled and/or stroked, then its arrow heads.
    func drawShape(_ shape: Shape, maps: PanelMaps, on cr: OpaquePointer) throws {
        let data = shape.dataPoints()
        var points = zip(data.x, data.y).map { (maps.x($0), maps.y($1)) }.filter { $0.0.isFinite && $0.1.isFinite }
        guard points.count >= 2 else { return }
        let width = shape.width ?? shape.widthScale * style.lineWidth
        let head = shape.headLength ?? max(3, 4 * width)
        let open = !data.closed
        let startHead = open && (shape.arrows == .start || shape.arrows == .both)
        let endHead = open && (shape.arrows == .end || shape.arrows == .both)
        // Heads: tip at the end point, pointing along the last (first) segment; the stroke stops at the head's base.
        var heads: [(tip: (Double, Double), direction: (Double, Double))] = []
        if endHead, let d = direction(points, fromEnd: true) {
            heads.append((points[points.count - 1], d))
            points[points.count - 1] = shortened(points[points.count - 1], d, by: head * 0.8)
        }
        if startHead, let d = direction(points, fromEnd: false) {
            heads.append((points[0], d))
            points[0] = shortened(points[0], d, by: head * 0.8)
        }
        cairo_new_path(cr)
        cairo_move_to(cr, points[0].0, points[0].1)
        for p in points.dropFirst() { cairo_line_to(cr, p.0, p.1) }
        if data.closed { cairo_close_path(cr) }
        if let fill = shape.fill {
            setColor(cr, try style.resolve(fill))
            shape.stroke == nil ? cairo_fill(cr) : cairo_fill_preserve(cr)
        }
        guard let stroke = shape.stroke else { cairo_new_path(cr); return }
        let color = try style.resolve(stroke)
        setColor(cr, color)
        setStroke(cr, width: width, dash: style.dashLengths(shape.dash, width: width))
        cairo_stroke(cr)
        for h in heads {
            let (ux, uy) = h.direction, (tx, ty) = h.tip
            let half = head * 0.38
            cairo_new_path(cr)
            cairo_move_to(cr, tx, ty)
            cairo_line_to(cr, tx - head * ux - half * uy, ty - head * uy + half * ux)
            cairo_line_to(cr, tx - head * ux + half * uy, ty - head * uy - half * ux)
            cairo_close_path(cr)
            cairo_fill(cr)
        }
    }

    /// Unit page direction of travel at the end (or start, pointing outwards) of a polyline.
    private func direction(_ points: [(Double, Double)], fromEnd: Bool) -> (Double, Double)? {
        let ordered = fromEnd ? points : points.reversed()
        let tip = ordered[ordered.count - 1]
        // The first point at least a point away from the tip sets the direction (arcs are finely sampled).
        for p in ordered.dropLast().reversed() {
            let dx = tip.0 - p.0, dy = tip.1 - p.1, length = hypot(dx, dy)
            if length >= 1 { return (dx / length, dy / length) }
        }
        let p = ordered[ordered.count - 2]
        let length = hypot(tip.0 - p.0, tip.1 - p.1)
        return length > 0 ? ((tip.0 - p.0) / length, (tip.1 - p.1) / length) : nil
    }

    private func shortened(_ p: (Double, Double), _ d: (Double, Double), by amount: Double) -> (Double, Double) {
        (p.0 - d.0 * amount, p.1 - d.1 * amount)
    }
}
