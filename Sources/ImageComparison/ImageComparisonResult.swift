import Foundation

/// The numbers from comparing one render with its reference, and whether they are within tolerance.
public struct ImageComparisonResult: Equatable, Sendable {
    /// Size of the reference (expected) image.
    public let expectedSize: ImageSize
    /// Size of the new (actual) render.
    public let actualSize: ImageSize
    /// matplotlib RMS difference on the 0–255 scale; nil when the sizes differ.
    public let rms: Double?
    /// Perceptibly different pixels, anti-aliasing excluded; nil when the sizes differ.
    public let differentPixels: Int?
    /// Pixels above the YIQ threshold that were ignored as anti-aliasing; nil when the sizes differ.
    public let antiAliasedPixels: Int?
    /// Number of pixels of the reference image.
    public let totalPixels: Int
    /// The tolerance the verdict was made with.
    public let tolerance: Tolerance

    /// Whether the sizes agree (otherwise nothing pixel-wise was compared and the result fails).
    public var sizesMatch: Bool { expectedSize == actualSize }

    /// The largest number of different pixels the tolerance allows for this image.
    public var allowedDifferentPixels: Int { tolerance.maxDifferentPixels.allowedPixels(outOf: totalPixels) }

    /// True when the sizes agree, rms ≤ maxRMS and differentPixels ≤ the allowed count.
    public var passed: Bool {
        guard let rms, let differentPixels else { return false }
        return rms <= tolerance.maxRMS && differentPixels <= allowedDifferentPixels
    }

    /// One line with the numbers, e.g. "rms 5.12 > 2 allowed; 812 of 30000 pixels differ (2.707%) > 3 allowed".
    public var message: String {
        guard let rms, let differentPixels, let antiAliasedPixels else {
            return "size mismatch: expected \(expectedSize), actual \(actualSize)"
        }
        let rmsPart = "rms \(Self.format(rms, digits: 3)) "
            + (rms <= tolerance.maxRMS ? "≤" : ">") + " \(Self.format(tolerance.maxRMS, digits: 3)) allowed"
        let percent = Self.format(100 * Double(differentPixels) / Double(max(totalPixels, 1)), digits: 3)
        let pixelPart = "\(differentPixels) of \(totalPixels) pixels differ (\(percent)%) "
            + (differentPixels <= allowedDifferentPixels ? "≤" : ">") + " \(allowedDifferentPixels) allowed"
        let aaPart = antiAliasedPixels > 0 ? " (\(antiAliasedPixels) anti-aliased ignored)" : ""
        return rmsPart + "; " + pixelPart + aaPart
    }

    /// A number with at most `digits` decimals, trailing zeros removed.
    static func format(_ value: Double, digits: Int) -> String {
        var text = String(format: "%.\(digits)f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
