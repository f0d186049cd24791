/// Perceptual colour distance in the NTSC YIQ space (Kotsarenko & Ramos 2010), the metric pixelmatch uses.
///
/// Translucent pixels are first blended onto white. The squared distance is
/// 0.5053 ΔY² + 0.299 ΔI² + 0.1957 ΔQ² on a 0–255 channel scale; its largest possible value,
/// `YIQ.maximumDelta` ≈ 35215, is reached between red and cyan (black vs white gives
/// 0.5053 · 255² ≈ 32857, since both have I = Q = 0).
public enum YIQ {
    /// pixelmatch's normalisation constant: the largest squared YIQ distance between two 8-bit colours.
    public static let maximumDelta = 35215.0

    /// Squared YIQ distance between two pixels, 0 ... `maximumDelta`.
    public static func delta(_ first: RGBAPixel, _ second: RGBAPixel) -> Double {
        if first == second { return 0 }
        let one = BlendedRGB(first)
        let two = BlendedRGB(second)
        let y = one.luma - two.luma
        let i = one.inPhase - two.inPhase
        let q = one.quadrature - two.quadrature
        return 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q
    }

    /// Difference of luma Y (0–255 scale) between two pixels after blending onto white; positive when `first` is brighter.
    public static func lumaDifference(_ first: RGBAPixel, _ second: RGBAPixel) -> Double {
        if first == second { return 0 }
        return BlendedRGB(first).luma - BlendedRGB(second).luma
    }

    /// Squared-distance cut-off for a pixelmatch threshold t in 0...1: `maximumDelta` · t².
    public static func maximumDelta(forThreshold threshold: Double) -> Double {
        maximumDelta * threshold * threshold
    }
}

/// A pixel's colour blended onto white, as Double channels on 0–255, with its YIQ coordinates.
struct BlendedRGB {
    let r: Double
    let g: Double
    let b: Double

    init(_ pixel: RGBAPixel) {
        let alpha = Double(pixel.a) / 255
        func blend(_ c: UInt8) -> Double { 255 + (Double(c) - 255) * alpha }
        r = blend(pixel.r)
        g = blend(pixel.g)
        b = blend(pixel.b)
    }

    /// Luma Y (NTSC coefficients as in pixelmatch).
    var luma: Double { r * 0.29889531 + g * 0.58662247 + b * 0.11448223 }
    /// In-phase chroma I.
    var inPhase: Double { r * 0.59597799 - g * 0.27417610 - b * 0.32180189 }
    /// Quadrature chroma Q.
    var quadrature: Double { r * 0.21147017 - g * 0.52261711 + b * 0.31114694 }
}
