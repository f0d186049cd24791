import Foundation

/// How many perceptibly different (non-anti-aliasing) pixels a panel may have: an absolute count or a fraction of all pixels.
public enum PixelLimit: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// At most this many pixels.
    case count(Int)
    /// At most this fraction (0...1) of the panel's pixels, rounded down.
    case fraction(Double)

    /// The allowed number of different pixels in an image of `totalPixels` pixels.
    public func allowedPixels(outOf totalPixels: Int) -> Int {
        switch self {
        case .count(let count): return count
        case .fraction(let fraction): return Int((fraction * Double(totalPixels)).rounded(.down))
        }
    }

    /// Parses "120" (a count) or "0.05%" (a percentage of all pixels); `description` prints the same forms.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let invalid = ImageComparisonError.invalidTolerance(
            parameter: "pixel limit", value: text,
            allowed: "a pixel count ≥ 0 (e.g. 120) or a percentage 0%...100% (e.g. 0.05%)")
        if trimmed.hasSuffix("%") {
            guard let percent = Double(trimmed.dropLast()), percent >= 0, percent <= 100 else { throw invalid }
            self = .fraction(percent / 100)
        } else {
            guard let count = Int(trimmed), count >= 0 else { throw invalid }
            self = .count(count)
        }
    }

    public var description: String {
        switch self {
        case .count(let count): return String(count)
        case .fraction(let fraction): return ImageComparisonResult.format(fraction * 100, digits: 6) + "%"
        }
    }
}

/// When two renders of a panel count as the same.
///
/// Defaults, and why:
/// - `maxRMS` = 2.0 (0–255 scale, matplotlib's `calculate_rms`): pytest-mpl's default tolerance.
///   References are recorded and checked with the same pinned toolchain, so unchanged code gives
///   RMS 0. RMS is the only guard against broad changes below the YIQ threshold (under ~26 grey
///   levels), e.g. a heatmap whose colours drift by 3 levels over half the panel (RMS ≈ 2.1),
///   which the pixel count cannot see. It is not anti-aliasing aware, so it also grows with
///   sub-pixel motion of edges: measured here, a disc shifted by (0.3, 0.2) px in a 400 × 300 panel
///   gives RMS 1.5 (passes); four crossing 1.5 px curves in a 900 × 600 panel shifted by 0.1 px give
///   1.3 (passes), by 0.3 px 3.9 (fails, as do the 164 non-anti-aliasing pixels where they cross).
///   Data moving a third of a pixel is a real, if tiny, change: re-record with `--record failed`.
/// - `maxDifferentPixels` = 0.01 % of the panel (≈ 100 px of a 1200 × 900 panel): anti-aliasing is
///   already excluded, so any real change (a moved curve, a band, a recoloured area) is hundreds of
///   pixels; a small allowance keeps isolated non-detectable edge pixels (where an edge crosses
///   another feature) from failing a panel.
/// - `yiqThreshold` = 0.1: pixelmatch's default; a pixel differs when its squared YIQ distance
///   exceeds 35215 · 0.1² ≈ 352, i.e. about 26 grey levels.
/// - `detectsAntiAliasing` = true: pixelmatch's default (`includeAA: false`).
public struct Tolerance: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Largest allowed RMS difference on the 0–255 scale.
    public let maxRMS: Double
    /// Largest allowed number of perceptibly different pixels (anti-aliasing excluded).
    public let maxDifferentPixels: PixelLimit
    /// pixelmatch threshold t in 0...1; a pixel differs when its squared YIQ distance exceeds 35215 · t².
    public let yiqThreshold: Double
    /// Whether pixels detected as anti-aliasing in either image are ignored (counted separately).
    public let detectsAntiAliasing: Bool

    /// The defaults: maxRMS 2.0, 0.01 % different pixels, YIQ threshold 0.1, anti-aliasing ignored.
    public static let standard = Tolerance(
        uncheckedMaxRMS: 2.0, maxDifferentPixels: .fraction(0.0001), yiqThreshold: 0.1, detectsAntiAliasing: true)

    /// A tolerance; throws `invalidTolerance` for a negative or non-finite RMS, a threshold outside 0...1 or a negative pixel limit.
    public init(
        maxRMS: Double = Tolerance.standard.maxRMS,
        maxDifferentPixels: PixelLimit = Tolerance.standard.maxDifferentPixels,
        yiqThreshold: Double = Tolerance.standard.yiqThreshold,
        detectsAntiAliasing: Bool = true
    ) throws {
        guard maxRMS.isFinite, maxRMS >= 0 else {
            throw ImageComparisonError.invalidTolerance(
                parameter: "maximum RMS", value: "\(maxRMS)", allowed: "a finite number ≥ 0 (0–255 scale)")
        }
        guard yiqThreshold.isFinite, yiqThreshold >= 0, yiqThreshold <= 1 else {
            throw ImageComparisonError.invalidTolerance(
                parameter: "YIQ threshold", value: "\(yiqThreshold)", allowed: "0...1")
        }
        guard maxDifferentPixels.isValid else {
            throw ImageComparisonError.invalidTolerance(
                parameter: "pixel limit", value: "\(maxDifferentPixels)",
                allowed: "a count ≥ 0 or a fraction 0...1")
        }
        self.init(uncheckedMaxRMS: maxRMS, maxDifferentPixels: maxDifferentPixels,
                  yiqThreshold: yiqThreshold, detectsAntiAliasing: detectsAntiAliasing)
    }

    /// Parses the CLI's `--tolerance T`: the maximum RMS as a number ≥ 0, other fields at their defaults.
    public init(parsingMaxRMS text: String) throws {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 0 else {
            throw ImageComparisonError.invalidTolerance(
                parameter: "tolerance", value: text, allowed: "a maximum RMS ≥ 0 on the 0–255 scale, e.g. 2.0")
        }
        try self.init(maxRMS: value)
    }

    private init(uncheckedMaxRMS: Double, maxDifferentPixels: PixelLimit, yiqThreshold: Double, detectsAntiAliasing: Bool) {
        self.maxRMS = uncheckedMaxRMS
        self.maxDifferentPixels = maxDifferentPixels
        self.yiqThreshold = yiqThreshold
        self.detectsAntiAliasing = detectsAntiAliasing
    }

    public var description: String {
        "max RMS \(maxRMS), max different pixels \(maxDifferentPixels), YIQ threshold \(yiqThreshold)"
            + (detectsAntiAliasing ? "" : ", anti-aliasing counted")
    }
}

extension PixelLimit {
    /// A count ≥ 0 or a fraction in 0...1.
    var isValid: Bool {
        switch self {
        case .count(let count): return count >= 0
        case .fraction(let fraction): return fraction >= 0 && fraction <= 1
        }
    }
}
