import Foundation

/// A complex number in Cartesian form, a value type with the arithmetic the models need.
///
/// Kept instead of swift-numerics' `ComplexModule.Complex<Double>`: timed side by side on the
/// kernels' operations (a `make bench` group of 2026-12-03, commit 5572b1b) they were equal (multiply-accumulate 0.8–1.0 ns,
/// division 2.6 ns, within ±10 %), and `ComplexModule`'s `magnitude` is the ∞-norm max(|re|, |im|)
/// where every formula here means the modulus |z|: a switch would buy no speed and risk silent
/// changes in the physics.
public struct Complex: Hashable, Sendable, CustomStringConvertible {
    /// The real part.
    public var re: Double
    /// The imaginary part.
    public var im: Double

    /// Creates re + i·im.
    @inlinable public init(_ re: Double, _ im: Double = 0) { self.re = re; self.im = im }

    /// 0.
    public static let zero = Complex(0, 0)
    /// 1.
    public static let one = Complex(1, 0)
    /// The imaginary unit i.
    public static let i = Complex(0, 1)

    /// r·e^{iθ}.
    @inlinable public static func polar(_ r: Double, _ theta: Double) -> Complex {
        Complex(r * cos(theta), r * sin(theta))
    }

    /// The modulus |z|.
    @inlinable public var magnitude: Double { hypot(re, im) }
    /// |z|².
    @inlinable public var normSquared: Double { re * re + im * im }
    /// arg z in (−π, π].
    @inlinable public var phase: Double { atan2(im, re) }
    /// The complex conjugate z*.
    @inlinable public var conjugate: Complex { Complex(re, -im) }
    /// True when both parts are finite.
    @inlinable public var isFinite: Bool { re.isFinite && im.isFinite }

    public var description: String { im >= 0 ? "\(re)+\(im)i" : "\(re)\(im)i" }

    @inlinable public static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    @inlinable public static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    @inlinable public static prefix func - (a: Complex) -> Complex { Complex(-a.re, -a.im) }
    @inlinable public static func * (a: Complex, b: Complex) -> Complex {
        Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    @inlinable public static func * (a: Double, b: Complex) -> Complex { Complex(a * b.re, a * b.im) }
    @inlinable public static func * (a: Complex, b: Double) -> Complex { Complex(a.re * b, a.im * b) }
    @inlinable public static func / (a: Complex, b: Double) -> Complex { Complex(a.re / b, a.im / b) }
    /// Division by Smith's algorithm (no overflow for large |b|).
    @inlinable public static func / (a: Complex, b: Complex) -> Complex {
        if abs(b.re) >= abs(b.im) {
            let r = b.im / b.re, d = b.re + b.im * r
            return Complex((a.re + a.im * r) / d, (a.im - a.re * r) / d)
        } else {
            let r = b.re / b.im, d = b.re * r + b.im
            return Complex((a.re * r + a.im) / d, (a.im * r - a.re) / d)
        }
    }
    @inlinable public static func += (a: inout Complex, b: Complex) { a = a + b }
    @inlinable public static func -= (a: inout Complex, b: Complex) { a = a - b }
    @inlinable public static func *= (a: inout Complex, b: Complex) { a = a * b }

    /// The principal square root.
    public var squareRoot: Complex {
        let r = magnitude
        if r == 0 { return .zero }
        let s = (0.5 * (r + abs(re))).squareRoot()
        return re >= 0 ? Complex(s, im / (2 * s)) : Complex(abs(im) / (2 * s), im >= 0 ? s : -s)
    }
    /// e^{z}.
    public var exp: Complex { Complex.polar(Foundation.exp(re), im) }
}
