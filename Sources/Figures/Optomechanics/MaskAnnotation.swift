import Foundation
import Plot

/// Explains a heatmap's masked (unstable) cells with a label placed inside the largest masked
/// region, so that no legend hides data; a legend entry when no masked region is large enough
/// (heatmaps are built without a mask label; this sets it when the legend needs one).
enum MaskAnnotation {
    /// Half the label box as fractions of the axes width and height (room for one short word).
    static let halfWidth = 0.12, halfHeight = 0.055
    /// Blocks per axis of the coarse mask the search runs on.
    static let blocks = 48

    /// Adds the "unstable" label (or legend entry) for the NaN cells of `field`, if any.
    static func add(to axes: inout Axes, field: GridField) {
        guard field.values.contains(where: \.isNaN) else { return }
        if let (x, y) = position(field) {
            axes.add(Annotation(OM.unstableLabel, x: x, y: y, coordinates: .axesFraction, anchor: .center, color: .foreground))
            return
        }
        for i in axes.artists.indices {
            if case .heatmap(var h) = axes.artists[i] { h.maskLabel = OM.unstableLabel; axes.artists[i] = .heatmap(h) }
        }
        if axes.legend == nil { axes.legend = Legend(.best) }
    }

    /// The centre (axes fractions) of a label box that covers masked cells only, as far from
    /// unmasked cells as possible; nil when no such box fits.
    static func position(_ field: GridField) -> (Double, Double)? {
        let nx = field.xs.count, ny = field.ys.count
        let bx = min(blocks, nx), by = min(blocks, ny)
        // A block is masked when every cell in it is.
        var masked = [Bool](repeating: true, count: bx * by)
        for iy in 0..<ny {
            for ix in 0..<nx where !field.values[iy * nx + ix].isNaN {
                masked[(iy * by / ny) * bx + ix * bx / nx] = false
            }
        }
        func centre(_ i: Int, _ n: Int) -> Double { (Double(i) + 0.5) / Double(n) }
        let free = (0..<(bx * by)).filter { !masked[$0] }.map { (centre($0 % bx, bx), centre($0 / bx, by)) }
        var best: (clearance: Double, x: Double, y: Double)?
        for k in 0..<(bx * by) where masked[k] {
            let fx = centre(k % bx, bx), fy = centre(k / bx, by)
            var clearance = min(fx, 1 - fx) / halfWidth
            clearance = min(clearance, min(fy, 1 - fy) / halfHeight)
            for (ux, uy) in free {
                // Distance to the nearest unmasked block edge, in label half-sizes.
                let dx = max(0, abs(fx - ux) - 0.5 / Double(bx)) / halfWidth
                let dy = max(0, abs(fy - uy) - 0.5 / Double(by)) / halfHeight
                clearance = min(clearance, max(dx, dy))
                if clearance < 1 { break }
            }
            if clearance >= 1, clearance > (best?.clearance ?? 0) { best = (clearance, fx, fy) }
        }
        return best.map { ($0.x, $0.y) }
    }
}
