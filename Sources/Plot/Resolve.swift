import Foundation

/// Data extents along one axis, collected from artists.
struct Extent {
    var low = Double.infinity
    var high = -Double.infinity
    var isEmpty: Bool { low > high }

    mutating func include(_ value: Double, scale: Scale) {
        guard value.isFinite, scale == .linear || value > 0 else { return }
        low = min(low, value)
        high = max(high, value)
    }
}

/// An axis with its limits fixed.
struct ResolvedAxis {
    var axis: Axis
    var name: String
    var lower: Double
    var upper: Double
    var scale: Scale { axis.scale }
}

/// One Axes with limits, colour scale and validated content, ready for layout and drawing.
struct ResolvedAxes {
    var axes: Axes
    var x: ResolvedAxis
    var y: ResolvedAxis
    var y2: ResolvedAxis?
    /// The colour scale of each heatmap, by artist index.
    var colorScales: [Int: ColorScale]
    /// The heatmap whose colour bar is drawn (its artist index) and the bar.
    var colorbar: (index: Int, bar: Colorbar, scale: ColorScale)?
    var insets: [ResolvedAxes]

    init(_ axes: Axes, style: Style, path: String) throws {
        self.axes = axes
        try Self.validate(axes, path: path)
        var colorScales: [Int: ColorScale] = [:]
        var colorbar: (Int, Colorbar, ColorScale)?
        for (index, artist) in axes.artists.enumerated() {
            guard case .heatmap(let heatmap) = artist else { continue }
            let scale = try ColorScale(heatmap, defaultColormap: style.colormap)
            colorScales[index] = scale
            if colorbar == nil, let bar = heatmap.colorbar { colorbar = (index, bar, scale) }
        }
        self.colorScales = colorScales
        self.colorbar = colorbar
        let hasHeatmap = !colorScales.isEmpty
        x = try Self.resolve(axes.x, name: "\(path) x", extent: Self.extent(axes, horizontal: true, side: .left),
                             margin: axes.x.margin ?? (hasHeatmap ? 0 : style.xMargin))
        y = try Self.resolve(axes.y, name: "\(path) y", extent: Self.extent(axes, horizontal: false, side: .left),
                             margin: axes.y.margin ?? (hasHeatmap ? 0 : style.yMargin))
        if let axis2 = axes.y2 {
            y2 = try Self.resolve(axis2, name: "\(path) right y", extent: Self.extent(axes, horizontal: false, side: .right),
                                  margin: axis2.margin ?? style.yMargin)
        } else {
            y2 = nil
        }
        insets = try axes.insets.enumerated().map { index, inset in
            for (what, value) in [("inset width", inset.width), ("inset height", inset.height)] where !(value > 0 && value.isFinite) {
                throw PlotError.invalidSize(what: "\(path) \(what)", value: value)
            }
            return try ResolvedAxes(inset.axes, style: style, path: "\(path) inset \(index + 1)")
        }
    }

    /// Shape and length checks of every artist.
    private static func validate(_ axes: Axes, path: String) throws {
        for artist in axes.artists {
            switch artist {
            case .line(let line):
                if line.x.count != line.y.count {
                    throw PlotError.lengthMismatch(what: "\(path) line '\(line.label ?? "")' y (must match x)", expected: line.x.count, actual: line.y.count)
                }
                if let label = line.label { try TextEngine.validate(label) }
            case .heatmap(let heatmap):
                if heatmap.values.count != heatmap.x.count * heatmap.y.count || heatmap.x.isEmpty || heatmap.y.isEmpty {
                    throw PlotError.heatmapShape(xCount: heatmap.x.count, yCount: heatmap.y.count, valueCount: heatmap.values.count)
                }
                try checkMonotonic(heatmap.x, what: "\(path) heatmap x")
                try checkMonotonic(heatmap.y, what: "\(path) heatmap y")
                if let label = heatmap.maskLabel { try TextEngine.validate(label) }
                if let label = heatmap.colorbar?.label { try TextEngine.validate(label) }
            case .contour(let contour):
                if contour.values.count != contour.x.count * contour.y.count {
                    throw PlotError.heatmapShape(xCount: contour.x.count, yCount: contour.y.count, valueCount: contour.values.count)
                }
            case .annotation(let annotation):
                try TextEngine.validate(annotation.text)
            case .shape(let shape):
                let points = shape.dataPoints()
                if points.x.count != points.y.count {
                    throw PlotError.lengthMismatch(what: "\(path) shape y (must match x)", expected: points.x.count, actual: points.y.count)
                }
            case .referenceLine, .span:
                break
            }
        }
        for text in [axes.x.label, axes.y.label, axes.y2?.label, axes.title, axes.panelLabel, axes.legend?.title].compactMap({ $0 }) {
            try TextEngine.validate(text)
        }
    }

    private static func checkMonotonic(_ values: [Double], what: String) throws {
        guard values.allSatisfy(\.isFinite) else {
            throw PlotError.invalidValue(what: what, value: "non-finite centre", allowed: "finite, strictly monotonic cell centres")
        }
        guard values.count >= 2 else { return }
        let increasing = values[1] > values[0]
        for i in 1..<values.count where (values[i] > values[i - 1]) != increasing || values[i] == values[i - 1] {
            throw PlotError.invalidValue(what: what, value: "\(values[i - 1]), \(values[i])", allowed: "strictly monotonic cell centres")
        }
    }

    /// Data extent of the artists along x (horizontal) or along the y axis on `side`.
    private static func extent(_ axes: Axes, horizontal: Bool, side: YAxisSide) -> Extent {
        let scale = horizontal ? axes.x.scale : (side == .left ? axes.y.scale : (axes.y2?.scale ?? .linear))
        var extent = Extent()
        for artist in axes.artists {
            switch artist {
            case .line(let line):
                guard horizontal || line.yAxis == side else { continue }
                for (xv, yv) in zip(line.x, line.y) where xv.isFinite && yv.isFinite {
                    extent.include(horizontal ? xv : yv, scale: scale)
                }
            case .heatmap(let heatmap):
                guard horizontal || side == .left else { continue }
                for edge in cellEdges(horizontal ? heatmap.x : heatmap.y, scale: scale) {
                    extent.include(edge, scale: scale)
                }
            case .contour(let contour):
                guard horizontal || side == .left else { continue }
                for value in horizontal ? contour.x : contour.y { extent.include(value, scale: scale) }
            case .referenceLine(let line):
                let along = line.orientation == .vertical
                guard along == horizontal, horizontal || line.yAxis == side else { continue }
                extent.include(line.value, scale: scale)
            case .span(let span):
                let along = span.orientation == .vertical
                guard along == horizontal, horizontal || side == .left else { continue }
                for range in span.ranges {
                    extent.include(range.lowerBound, scale: scale)
                    extent.include(range.upperBound, scale: scale)
                }
            case .annotation:
                break
            case .shape(let shape):
                let points = shape.dataPoints()
                for (xv, yv) in zip(points.x, points.y) { extent.include(horizontal ? xv : yv, scale: scale) }
            }
        }
        return extent
    }

    /// Limits from explicit values or the data extent plus margins; validated for the scale.
    private static func resolve(_ axis: Axis, name: String, extent: Extent, margin: Double) throws -> ResolvedAxis {
        var low: Double, high: Double
        let log = axis.scale == .log
        let t: (Double) -> Double = { log ? log10($0) : $0 }
        let inv: (Double) -> Double = { log ? pow(10, $0) : $0 }
        if extent.isEmpty {
            low = log ? 1 : 0
            high = log ? 10 : 1
        } else {
            low = extent.low
            high = extent.high
            if low == high {
                if log { low /= 10; high *= 10 } else {
                    let pad = low == 0 ? 0.5 : abs(low) * 0.1
                    low -= pad; high += pad
                }
            }
            let span = t(high) - t(low)
            low = inv(t(low) - margin * span)
            high = inv(t(high) + margin * span)
        }
        if let lower = axis.lower { low = lower }
        if let upper = axis.upper { high = upper }
        if log && (low <= 0 || high <= 0) {
            throw PlotError.nonPositiveLogLimit(axis: name, lower: low, upper: high)
        }
        guard low.isFinite, high.isFinite, low < high else {
            throw PlotError.invalidLimits(axis: name, lower: low, upper: high)
        }
        return ResolvedAxis(axis: axis, name: name, lower: low, upper: high)
    }
}

/// Cell edges for cell centres: halfway between neighbours (in the scale's space), half a step beyond the ends.
func cellEdges(_ centres: [Double], scale: Scale) -> [Double] {
    let log = scale == .log && centres.allSatisfy { $0 > 0 }
    let t = log ? centres.map(log10) : centres
    guard t.count >= 2 else {
        let c = t.first ?? 0
        let edges = [c - 0.5, c + 0.5]
        return log ? edges.map { pow(10, $0) } : edges
    }
    var edges = [t[0] - (t[1] - t[0]) / 2]
    for i in 0..<(t.count - 1) { edges.append((t[i] + t[i + 1]) / 2) }
    edges.append(t[t.count - 1] + (t[t.count - 1] - t[t.count - 2]) / 2)
    return log ? edges.map { pow(10, $0) } : edges
}

extension ResolvedAxes {
    /// The axes with the narrower data range widened (about its centre) so that one data unit
    /// has the same page length along x and y in `box`.
    func withEqualAspect(box: Rect) -> ResolvedAxes {
        guard x.scale == .linear, y.scale == .linear, box.width > 0, box.height > 0 else { return self }
        var result = self
        let xPerPoint = (x.upper - x.lower) / box.width, yPerPoint = (y.upper - y.lower) / box.height
        if xPerPoint < yPerPoint {
            let half = yPerPoint * box.width / 2, mid = (x.lower + x.upper) / 2
            result.x.lower = mid - half; result.x.upper = mid + half
        } else {
            let half = xPerPoint * box.height / 2, mid = (y.lower + y.upper) / 2
            result.y.lower = mid - half; result.y.upper = mid + half
        }
        return result
    }
}
