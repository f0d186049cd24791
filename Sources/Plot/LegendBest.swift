import Foundation

/// What a legend should not cover, on the page (points): drawn data and shaded bands.
///
/// The badness of a candidate legend box B (matplotlib's `loc="best"` idea, with areas for bands):
///
///     badness(B) = #{samples p ∈ B⁺} + (w_B / s) · Σ_bands area(B ∩ band) / area(B)
///                + 2 (w_B / s) · Σ_texts area(B ∩ text) / area(text)
///
/// where the samples are points along every stroked line, contour and reference line, spaced
/// s = `spacing` apart, and every marker (B⁺ is B grown by the marker's radius); w_B / s is the
/// number of samples a line running across B would put inside it, so a legend lying wholly on a
/// shaded band is as bad as one crossed by a line, and one covering a text twice as bad.
struct LegendObstacles {
    /// Distance between samples along a stroked path, points.
    static let spacing = 2.0
    /// Points along lines (radius 0) and markers (radius = half the marker size).
    var samples: [(x: Double, y: Double, radius: Double)] = []
    /// Shaded bands (spans), clipped to the axes box.
    var bands: [Rect] = []
    /// Texts drawn inside the axes (annotations).
    var texts: [Rect] = []

    /// Adds samples every `spacing` along the segment a → b (a included, b not).
    mutating func addSegment(_ a: (Double, Double), _ b: (Double, Double)) {
        let length = hypot(b.0 - a.0, b.1 - a.1)
        let n = max(1, min(2000, Int((length / Self.spacing).rounded(.up))))
        for k in 0..<n {
            let t = Double(k) / Double(n)
            samples.append((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1), 0))
        }
    }

    /// Adds a stroked polyline (non-finite points break it).
    mutating func addPolyline(_ points: [(Double, Double)]) {
        for i in points.indices where points[i].0.isFinite && points[i].1.isFinite {
            if i + 1 < points.count, points[i + 1].0.isFinite, points[i + 1].1.isFinite {
                addSegment(points[i], points[i + 1])
            } else {
                samples.append((points[i].0, points[i].1, 0))
            }
        }
    }

    /// The badness of a legend box (see the type's documentation).
    func badness(_ box: Rect) -> Double {
        guard box.width > 0, box.height > 0 else { return 0 }
        var score = 0.0
        for p in samples where p.x >= box.minX - p.radius && p.x <= box.maxX + p.radius
            && p.y >= box.minY - p.radius && p.y <= box.maxY + p.radius {
            score += 1
        }
        let crossing = box.width / Self.spacing
        let area = box.width * box.height
        for band in bands { score += crossing * box.overlapArea(band) / area }
        for text in texts where text.width > 0 && text.height > 0 {
            score += 2 * crossing * box.overlapArea(text) / (text.width * text.height)
        }
        return score
    }

    /// The candidate with the least badness; ties go to the earlier candidate.
    func best<Candidate>(_ candidates: [(Candidate, Rect)]) -> Candidate? {
        var best: (Candidate, Double)?
        for (candidate, box) in candidates {
            let score = badness(box)
            if best == nil || score < best!.1 - 1e-9 { best = (candidate, score) }
        }
        return best?.0
    }
}

extension Rect {
    /// Area of the intersection with `other` (0 when disjoint).
    func overlapArea(_ other: Rect) -> Double {
        let w = min(maxX, other.maxX) - max(minX, other.minX)
        let h = min(maxY, other.maxY) - max(minY, other.minY)
        return w > 0 && h > 0 ? w * h : 0
    }
}

extension Renderer {
    /// The candidates `loc = best` tries, in matplotlib's order of preference.
    static let bestCandidates: [LegendPlacement] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight, .centerRight,
                                                     .centerLeft, .lowerCenter, .upperCenter, .center]

    /// Everything a legend in this panel should avoid, in page coordinates.
    func legendObstacles(_ panel: ResolvedAxes, maps: PanelMaps, box: Rect) -> LegendObstacles {
        var obstacles = LegendObstacles()
        let lineStyles = (try? resolveLineStyles(panel.axes)) ?? [:]
        for (index, artist) in panel.axes.artists.enumerated() {
            switch artist {
            case .line(let line):
                let ymap = maps.y(for: line.yAxis)
                let points = zip(line.x, line.y).map { (maps.x($0), ymap($1)) }
                if line.showsLine { obstacles.addPolyline(points) }
                if let marker = lineStyles[index]?.marker ?? line.marker {
                    let radius = (marker.size ?? style.markerSize) / 2
                    for (i, p) in points.enumerated() where i % marker.every == 0 && p.0.isFinite && p.1.isFinite {
                        obstacles.samples.append((p.0, p.1, radius))
                    }
                }
            case .referenceLine(let line):
                if line.orientation == .vertical {
                    let px = maps.x(line.value)
                    if px.isFinite { obstacles.addSegment((px, maps.y.start), (px, maps.y.end)) }
                } else {
                    let py = maps.y(for: line.yAxis)(line.value)
                    if py.isFinite { obstacles.addSegment((maps.x.start, py), (maps.x.end, py)) }
                }
            case .contour(let contour):
                for polyline in contour.polylines() { obstacles.addPolyline(polyline.map { (maps.x($0.x), maps.y($0.y)) }) }
            case .span(let span):
                for band in spanRects(span, maps: maps) {
                    let clippedX = max(band.minX, box.minX), clippedY = max(band.minY, box.minY)
                    let clipped = Rect(x: clippedX, y: clippedY, width: min(band.maxX, box.maxX) - clippedX,
                                       height: min(band.maxY, box.maxY) - clippedY)
                    if clipped.width > 0, clipped.height > 0 { obstacles.bands.append(clipped) }
                }
            case .annotation(let annotation):
                if let r = annotationBox(annotation, maps: maps) { obstacles.texts.append(r) }
            case .heatmap, .shape:
                continue
            }
        }
        return obstacles
    }

    /// The ink box of an annotation on the page (nil when its position is not finite).
    func annotationBox(_ annotation: Annotation, maps: PanelMaps) -> Rect? {
        guard let a = annotationLayout(annotation, maps: maps) else { return nil }
        return Rect(x: a.x + a.extents.inkX, y: a.y + a.extents.inkY, width: a.extents.inkWidth, height: a.extents.inkHeight)
    }
}
