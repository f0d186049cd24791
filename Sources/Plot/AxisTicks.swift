import Foundation

/// Tick positions and labels for a resolved axis of a given length on the page.
enum AxisTicks {
    /// The ticks of an axis with limits [lower, upper] drawn over `length` points.
    static func make(ticks: Ticks, minorTicks: MinorTicks, format: TickFormat, scale: Scale,
                     lower: Double, upper: Double, length: Double, style: Style, vertical: Bool = false,
                     maxCount limit: Int? = nil) -> TickSet {
        // Labels stacked vertically need less room than side by side (matplotlib: 2 vs 3 font sizes),
        // and decade labels are compact, so log axes take more of them.
        var spacing = vertical ? style.tickSpacing * 2 / 3 : style.tickSpacing
        if scale == .log { spacing *= 0.75 }
        let maxCount = limit ?? max(3, Int((length / spacing).rounded()) + 1)
        let inRange: (Double) -> Bool = { value in
            guard value.isFinite, scale == .linear || value > 0 else { return false }
            let tol = scale == .log ? 1e-9 * value : 1e-9 * (upper - lower)
            return value >= lower - tol && value <= upper + tol
        }
        var major: [Double] = []
        var labels: [String]?
        var step: Double?
        var autoMinor: [Double] = []
        switch ticks {
        case .none:
            return TickSet(major: [], labels: [], minor: [])
        case .step(let s):
            major = scale == .log ? [] : TickGenerator.multiples(of: s, lower: lower, upper: upper)
            step = s
        case .at(let values):
            major = values.filter(inRange)
            step = uniformStep(major)
        case .labeled(let values, let texts):
            let pairs = zip(values, texts).filter { inRange($0.0) }
            major = pairs.map(\.0)
            labels = pairs.map(\.1)
            step = uniformStep(major)
        case .auto:
            switch (scale, format) {
            case (.log, _):
                if let decades = TickGenerator.logDecades(lower: lower, upper: upper, maxCount: maxCount) {
                    major = decades.major
                    autoMinor = decades.minor
                } else {
                    let sub = TickGenerator.logSubDecade(lower: lower, upper: upper, maxCount: maxCount)
                    major = sub.major
                    autoMinor = sub.minor
                }
            case (.linear, .pi):
                (major, step) = TickGenerator.pi(lower: lower, upper: upper, maxCount: maxCount)
            default:
                (major, step) = TickGenerator.linear(lower: lower, upper: upper, maxCount: maxCount)
            }
        }
        let text = labels ?? formatLabels(major, format: format, scale: scale, step: step)
        var minor: [Double] = []
        if style.minorTicksVisible || minorTicks != .auto {
            switch minorTicks {
            case .none: minor = []
            case .at(let values): minor = values.filter(inRange)
            case .auto:
                if scale == .log {
                    minor = ticks == .auto ? autoMinor : []
                } else if let step, step > 0 {
                    if format == .pi {
                        minor = TickGenerator.multiples(of: step / 2, lower: lower, upper: upper)
                            .filter { v in !major.contains { abs($0 - v) < 1e-9 * step } }
                    } else {
                        minor = TickGenerator.linearMinor(lower: lower, upper: upper, majorStep: step)
                    }
                }
            }
        }
        return TickSet(major: major, labels: text, minor: minor)
    }

    /// The common spacing of equally spaced values (nil otherwise).
    static func uniformStep(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let step = values[1] - values[0]
        guard step > 0 else { return nil }
        for i in 1..<values.count where abs(values[i] - values[i - 1] - step) > 1e-6 * step { return nil }
        return step
    }

    /// Labels for tick values in a format.
    static func formatLabels(_ values: [Double], format: TickFormat, scale: Scale, step: Double?) -> [String] {
        switch format {
        case .decimal(let places):
            return values.map { NumberFormat.decimal($0, places: places) }
        case .pi:
            return values.map { NumberFormat.piFraction($0) }
        case .percent:
            let places = NumberFormat.placesNeeded(values.map { $0 * 100 })
            return values.map { NumberFormat.decimal($0 * 100, places: places) + "%" }
        case .powerOfTen:
            return values.map { scale == .log ? NumberFormat.logLabel($0) : NumberFormat.scientific($0) }
        case .auto:
            if scale == .log {
                let allDecades = values.allSatisfy { abs(log10($0) - log10($0).rounded()) < 1e-9 }
                if allDecades { return values.map(NumberFormat.logLabel) }
                // Mixed (sub-decade) ticks: plain decimals unless magnitudes are extreme.
                if NumberFormat.needsScientific(values) { return values.map(NumberFormat.scientific) }
                let places = NumberFormat.placesNeeded(values)
                return values.map { NumberFormat.decimal($0, places: places) }
            }
            if NumberFormat.needsScientific(values) { return values.map(NumberFormat.scientific) }
            let places = step.map { max(NumberFormat.places(forStep: $0), NumberFormat.placesNeeded(values)) }
                ?? NumberFormat.placesNeeded(values)
            return values.map { NumberFormat.decimal($0, places: min(places, 6)) }
        }
    }
}
