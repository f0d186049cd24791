import Foundation

/// Tick label text: real minus signs (U+2212), powers of ten as Pango markup, π fractions.
public enum NumberFormat {
    /// The typographic minus sign used in every negative label.
    public static let minus = "\u{2212}"

    /// `value` with `places` decimals, "−" for negatives, never "−0".
    public static func decimal(_ value: Double, places: Int) -> String {
        let places = max(0, min(places, 12))
        var text = String(format: "%.\(places)f", value)
        if text.hasPrefix("-") {
            let magnitude = text.dropFirst()
            if magnitude.allSatisfy({ $0 == "0" || $0 == "." }) { return String(magnitude) }
            text = minus + magnitude
        }
        return text
    }

    /// Fewest decimal places (≤ 6) that show every value to 1e-9 of the largest magnitude.
    public static func placesNeeded(_ values: [Double]) -> Int {
        let scale = values.map(abs).max() ?? 0
        guard scale > 0 else { return 0 }
        for places in 0...6 {
            let factor = pow(10, Double(places))
            let ok = values.allSatisfy { abs(($0 * factor).rounded() / factor - $0) <= 1e-9 * max(scale, 1) }
            if ok { return places }
        }
        return 6
    }

    /// Decimal places that show a tick step (0.2 → 1, 0.05 → 2, 5 → 0).
    public static func places(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        return max(0, Int((-log10(step) - 1e-9).rounded(.up)))
    }

    /// An integer with a typographic minus.
    public static func integer(_ value: Int) -> String {
        value < 0 ? minus + String(-value) : String(value)
    }

    /// 10ⁿ as Pango markup: "10<sup>−5</sup>".
    public static func powerOfTen(_ exponent: Int) -> String {
        "10<sup>\(integer(exponent))</sup>"
    }

    /// m × 10ⁿ as markup ("2×10<sup>−4</sup>", "10<sup>3</sup>" when m = 1, "0" for zero).
    public static func scientific(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return value == 0 ? "0" : "\(value)" }
        var exponent = Int(floor(log10(abs(value))))
        var mantissa = value / pow(10, Double(exponent))
        if abs(abs(mantissa) - 10) < 1e-9 { mantissa /= 10; exponent += 1 }
        let places = placesNeeded([mantissa])
        if abs(abs(mantissa) - 1) < 1e-9 {
            return (mantissa < 0 ? minus : "") + powerOfTen(exponent)
        }
        return decimal(mantissa, places: min(places, 3)) + "×" + powerOfTen(exponent)
    }

    /// A log-axis label: 10ⁿ markup when `value` is a power of ten, else the decimal value.
    public static func logLabel(_ value: Double) -> String {
        let exponent = log10(value)
        if abs(exponent - exponent.rounded()) < 1e-9 { return powerOfTen(Int(exponent.rounded())) }
        let places = placesNeeded([value])
        return decimal(value, places: places)
    }

    /// A multiple of π as a fraction with denominator dividing `denominator`: "0", "π/8", "3π/8", "π/2", "π", "−π/4".
    public static func piFraction(_ value: Double, denominator: Int = 16) -> String {
        let numeratorValue = (value / .pi * Double(denominator)).rounded()
        var numerator = Int(numeratorValue)
        var denom = denominator
        if numerator == 0 { return "0" }
        let divisor = gcd(abs(numerator), denom)
        numerator /= divisor
        denom /= divisor
        let sign = numerator < 0 ? minus : ""
        let n = abs(numerator)
        let head = n == 1 ? "π" : "\(n)π"
        return denom == 1 ? sign + head : sign + head + "/\(denom)"
    }

    /// Whether a set of values reads badly as plain decimals (too large or too small magnitudes).
    public static func needsScientific(_ values: [Double]) -> Bool {
        let largest = values.map(abs).max() ?? 0
        guard largest > 0 else { return false }
        return largest >= 1e5 || largest < 1e-3
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? max(a, 1) : gcd(b, a % b) }
}
