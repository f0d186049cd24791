/// Hard limits on what a figure may ask Cairo to allocate, checked before any surface exists
/// (a style with a 10⁶-inch column or a dpi of 10⁵ is an error naming the value, not an abort).
public enum RenderLimits {
    /// The PNG resolutions accepted (dots per inch).
    public static let dpi: ClosedRange<Double> = 10...2400
    /// The largest page side in points: 200 in (PDF's default user space ends at 14 400 units).
    public static let maxPagePoints: Double = 14_400
    /// The largest raster side in pixels (Cairo image surfaces hold at most 32 767).
    public static let maxPixelsPerSide = 32_767
    /// The largest raster in pixels: 100 megapixels (400 MB of ARGB).
    public static let maxPixels = 100_000_000

    /// Throws `invalidValue` naming the dpi and the allowed range.
    public static func check(dpi: Double) throws {
        guard dpi.isFinite, RenderLimits.dpi.contains(dpi) else {
            throw PlotError.invalidValue(what: "dpi", value: "\(dpi)", allowed: "\(format(RenderLimits.dpi.lowerBound))...\(format(RenderLimits.dpi.upperBound))")
        }
    }

    /// Throws `pageTooLarge` when a side exceeds `maxPagePoints`.
    static func check(page: (width: Double, height: Double)) throws {
        guard page.width <= maxPagePoints, page.height <= maxPagePoints else {
            throw PlotError.pageTooLarge(what: "page size", size: "\(format(page.width)) × \(format(page.height)) pt",
                                         limit: "\(format(maxPagePoints)) pt (200 in) per side")
        }
    }

    /// Throws `pageTooLarge` when a raster of `width` × `height` px exceeds the pixel limits.
    static func check(pixels width: Int, _ height: Int, dpi: Double) throws {
        guard width <= maxPixelsPerSide, height <= maxPixelsPerSide, width * height <= maxPixels else {
            throw PlotError.pageTooLarge(what: "PNG at \(format(dpi)) dpi", size: "\(width) × \(height) px",
                                         limit: "\(maxPixelsPerSide) px per side and \(maxPixels / 1_000_000) megapixels")
        }
    }

    private static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}
