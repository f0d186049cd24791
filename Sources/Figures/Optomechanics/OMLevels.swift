import Foundation
import Plot

/// Reference levels (ideal and defect-only values) and the ranges where a sweep beats one.
enum OMLevels {
    /// A levels table: series (ideal, defect) and one value column.
    static func levels(_ column: String, ideal: Double, defect: Double) throws -> DataTable {
        var b = TidyTableBuilder(name: "levels", numericColumns: [column])
        b.append("ideal", [ideal])
        b.append("defect", [defect])
        return try b.build()
    }

    /// The maximal x ranges where `values` exceed `level`, with ends interpolated linearly
    /// between grid points (NaN counts as not exceeding).
    static func ranges(_ xs: [Double], _ values: [Double], above level: Double) -> [ClosedRange<Double>] {
        func crossing(_ i: Int) -> Double {
            let (x0, x1, y0, y1) = (xs[i - 1], xs[i], values[i - 1], values[i])
            guard y0.isFinite, y1.isFinite, y1 != y0 else { return (x0 + x1) / 2 }
            return x0 + (level - y0) / (y1 - y0) * (x1 - x0)
        }
        var result: [ClosedRange<Double>] = [], start: Double?
        for i in xs.indices {
            let above = values[i] > level
            if above, start == nil { start = i == 0 ? xs[0] : crossing(i) }
            if !above, let s = start { result.append(s...crossing(i)); start = nil }
        }
        if let s = start, let last = xs.last { result.append(s...last) }
        return result
    }

    static func rangeText(_ ranges: [ClosedRange<Double>]) -> String {
        ranges.isEmpty ? "nowhere" : ranges.map { String(format: "(%.4f, %.4f)", $0.lowerBound, $0.upperBound) }.joined(separator: " ∪ ")
    }

    /// The style of the ideal and defect reference levels (dotted, in the case colours).
    static func lines(ideal: Double, defect: Double, yAxis: YAxisSide = .left) -> [ReferenceLine] {
        [ReferenceLine(.horizontal, at: ideal, label: "ideal", color: OMCase.style("ideal").color, dash: .dotted, yAxis: yAxis),
         ReferenceLine(.horizontal, at: defect, label: "defect", color: OMCase.style("defect").color, dash: .dotted, yAxis: yAxis)]
    }
}
