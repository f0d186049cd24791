@testable import Plot
import XCTest

final class TickTests: XCTestCase {
    func testLinearNiceTicksUseOneTwoFiveSteps() {
        // [0, 1] with at most 6 ticks: step 0.1 gives 11, step 0.2 gives 6 (0, 0.2, …, 1).
        let a = TickGenerator.linear(lower: 0, upper: 1, maxCount: 6)
        XCTAssertEqual(a.step, 0.2, accuracy: 1e-15)
        XCTAssertEqual(a.ticks.count, 6)
        for (tick, expected) in zip(a.ticks, [0, 0.2, 0.4, 0.6, 0.8, 1.0]) { XCTAssertEqual(tick, expected, accuracy: 1e-12) }
        // [−3, 3] with at most 7 ticks: step 1 (−3…3).
        let b = TickGenerator.linear(lower: -3, upper: 3, maxCount: 7)
        XCTAssertEqual(b.ticks, [-3, -2, -1, 0, 1, 2, 3])
        // [0.35, 3.65] with at most 3 ticks: step 1 gives 1, 2, 3.
        XCTAssertEqual(TickGenerator.linear(lower: 0.35, upper: 3.65, maxCount: 3).ticks, [1, 2, 3])
        // Large values: [0, 3e4] with at most 4 ticks → step 1e4.
        XCTAssertEqual(TickGenerator.linear(lower: 0, upper: 30_000, maxCount: 4).ticks, [0, 10_000, 20_000, 30_000])
    }

    func testLinearMinorTicksSubdivideMajorStep() {
        // Step 0.2 (mantissa 2) → 4 subdivisions of 0.05; step 1 → 5 of 0.2.
        let minor2 = TickGenerator.linearMinor(lower: 0, upper: 0.2, majorStep: 0.2)
        XCTAssertEqual(minor2.count, 3)
        XCTAssertEqual(minor2[0], 0.05, accuracy: 1e-12)
        let minor1 = TickGenerator.linearMinor(lower: 0, upper: 1, majorStep: 1)
        XCTAssertEqual(minor1.count, 4)
        XCTAssertEqual(minor1[0], 0.2, accuracy: 1e-12)
    }

    func testLogDecadesWithMinorTwoToNine() throws {
        let ticks = try XCTUnwrap(TickGenerator.logDecades(lower: 1e-5, upper: 10, maxCount: 7))
        XCTAssertEqual(ticks.major.count, 7)
        for (value, exponent) in zip(ticks.major, -5...1) { XCTAssertEqual(log10(value), Double(exponent), accuracy: 1e-12) }
        // Minor ticks: 2…9 × each decade from 1e-5 to 1 (6 decades × 8 = 48).
        XCTAssertEqual(ticks.minor.count, 48)
        XCTAssertEqual(ticks.minor.first!, 2e-5, accuracy: 1e-18)
        XCTAssertEqual(ticks.minor.last!, 9, accuracy: 1e-12)
        // Too many decades for the room: every second decade, 10⁰ kept.
        let sparse = try XCTUnwrap(TickGenerator.logDecades(lower: 1e-8, upper: 1, maxCount: 5))
        XCTAssertEqual(sparse.major.map { Int(log10($0).rounded()) }, [-8, -6, -4, -2, 0])
        // Under two decades: no decade ticks.
        XCTAssertNil(TickGenerator.logDecades(lower: 2, upper: 50, maxCount: 5))
        let sub = TickGenerator.logSubDecade(lower: 2, upper: 50, maxCount: 5)
        XCTAssertEqual(sub.major, [2, 5, 10, 20, 50])
    }

    func testPiTicksAtMultiplesOfPiOverEight() {
        let ticks = TickGenerator.pi(lower: 0, upper: .pi / 2, maxCount: 5)
        XCTAssertEqual(ticks.step, .pi / 8, accuracy: 1e-15)
        XCTAssertEqual(ticks.ticks.count, 5)
        let labels = ticks.ticks.map { NumberFormat.piFraction($0) }
        XCTAssertEqual(labels, ["0", "π/8", "π/4", "3π/8", "π/2"])
        XCTAssertEqual(NumberFormat.piFraction(-.pi / 4), "\u{2212}π/4")
        XCTAssertEqual(NumberFormat.piFraction(.pi), "π")
        XCTAssertEqual(NumberFormat.piFraction(2 * .pi), "2π")
        // Wider range with room for 3 ticks: step π/4.
        XCTAssertEqual(TickGenerator.pi(lower: 0, upper: .pi / 2, maxCount: 3).ticks.count, 3)
    }

    func testNumberFormatUsesRealMinusAndPowersOfTen() {
        XCTAssertEqual(NumberFormat.decimal(-0.5, places: 1), "\u{2212}0.5")
        XCTAssertEqual(NumberFormat.decimal(-0.0001, places: 2), "0.00")
        XCTAssertEqual(NumberFormat.decimal(3, places: 0), "3")
        XCTAssertFalse(NumberFormat.decimal(-2, places: 0).contains("-"))
        XCTAssertEqual(NumberFormat.powerOfTen(-5), "10<sup>\u{2212}5</sup>")
        XCTAssertEqual(NumberFormat.logLabel(1e-5), "10<sup>\u{2212}5</sup>")
        XCTAssertEqual(NumberFormat.logLabel(100), "10<sup>2</sup>")
        XCTAssertEqual(NumberFormat.scientific(2e-4), "2×10<sup>\u{2212}4</sup>")
        XCTAssertEqual(NumberFormat.scientific(-1e6), "\u{2212}10<sup>6</sup>")
        XCTAssertEqual(NumberFormat.places(forStep: 0.2), 1)
        XCTAssertEqual(NumberFormat.places(forStep: 1), 0)
        XCTAssertEqual(NumberFormat.places(forStep: 0.05), 2)
    }

    func testAxisTickLabelsNeverUseENotation() throws {
        let style = try repoStyle("paper")
        let log = AxisTicks.make(ticks: .auto, minorTicks: .auto, format: .auto, scale: .log,
                                 lower: 1e-6, upper: 1e-2, length: 200, style: style)
        XCTAssertFalse(log.labels.isEmpty)
        for label in log.labels {
            XCTAssertFalse(label.lowercased().contains("e"), label)
            XCTAssertTrue(label.hasPrefix("10<sup>"), label)
        }
        let small = AxisTicks.make(ticks: .auto, minorTicks: .auto, format: .auto, scale: .linear,
                                   lower: 0, upper: 4e-5, length: 200, style: style)
        for label in small.labels { XCTAssertFalse(label.contains("e"), label) }
        let signed = AxisTicks.make(ticks: .auto, minorTicks: .auto, format: .auto, scale: .linear,
                                    lower: -2, upper: 2, length: 200, style: style)
        XCTAssertTrue(signed.labels.contains { $0.hasPrefix("\u{2212}2") }, "\(signed.labels)")
        XCTAssertFalse(signed.labels.joined().contains("-"))
    }
}
