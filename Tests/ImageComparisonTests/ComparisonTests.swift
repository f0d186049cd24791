import CCairo
import Foundation
import ImageComparison
import XCTest

final class ComparisonTests: XCTestCase {
    func testIdenticalImagesPassWithZeroRMS() throws {
        let image = try Drawing.figure()
        let result = ImageComparator.compare(expected: image, actual: try Drawing.figure())
        XCTAssertTrue(result.passed)
        XCTAssertEqual(result.rms, 0)
        XCTAssertEqual(result.differentPixels, 0)
        XCTAssertEqual(result.antiAliasedPixels, 0)
        XCTAssertEqual(result.totalPixels, 200 * 150)
    }

    func testRMSOfUniformOpaqueImagesDifferingByTenIsTen() throws {
        // matplotlib drops alpha when it is 255 everywhere; every one of the 3·W·H values differs
        // by 10, so sqrt(mean(10²)) = 10 exactly.
        let one = RGBAImage(width: 30, height: 20, filledWith: RGBAPixel(r: 100, g: 150, b: 200))
        let two = RGBAImage(width: 30, height: 20, filledWith: RGBAPixel(r: 110, g: 160, b: 210))
        XCTAssertEqual(try XCTUnwrap(ImageComparator.rms(expected: one, actual: two)), 10, accuracy: 1e-12)
    }

    func testRMSKeepsAlphaForTranslucentImages() throws {
        // With transparency matplotlib keeps RGBA: differences (10, 10, 10, 0) per pixel give
        // sqrt((3·100 + 0)/4) = sqrt(75) = 8.660254037844386.
        let one = RGBAImage(width: 8, height: 8, filledWith: RGBAPixel(r: 100, g: 100, b: 100, a: 128))
        let two = RGBAImage(width: 8, height: 8, filledWith: RGBAPixel(r: 110, g: 110, b: 110, a: 128))
        XCTAssertEqual(try XCTUnwrap(ImageComparator.rms(expected: one, actual: two)), 75.0.squareRoot(), accuracy: 1e-12)
    }

    func testRMSOfAHalfChangedRedChannel() throws {
        // Right half: red differs by 20, G and B equal. Mean over 3·W·H values of the squared
        // difference = (W·H/2 · 400)/(3·W·H) = 200/3, so rms = sqrt(200/3) = 8.16496580927726.
        let one = RGBAImage(width: 40, height: 10, filledWith: RGBAPixel(r: 50, g: 60, b: 70))
        var two = one
        for y in 0..<10 { for x in 20..<40 { two[x, y] = RGBAPixel(r: 70, g: 60, b: 70) } }
        XCTAssertEqual(try XCTUnwrap(ImageComparator.rms(expected: one, actual: two)), (200.0 / 3).squareRoot(), accuracy: 1e-12)
    }

    func testYIQDeltaOfBlackAndWhite() {
        // Y coefficients sum to 1.00000001 while I and Q coefficients sum to 0 (pixelmatch's
        // constants), so black vs white = 0.5053 · (255 · 1.00000001)² = 32857.13...
        let expected = 0.5053 * pow(255 * (0.29889531 + 0.58662247 + 0.11448223), 2)
        XCTAssertEqual(YIQ.delta(.black, .white), expected, accuracy: 1e-6)
        XCTAssertEqual(YIQ.delta(.black, .white), 32857.13, accuracy: 0.01)
    }

    func testYIQMaximumIsPixelmatchsConstant() {
        // The squared distance is a convex quadratic form in (ΔR, ΔG, ΔB), so its maximum over
        // the RGB cube sits at a pair of opposite corners; enumerating them gives red vs cyan,
        // 35214.75 (computed independently in Python), which pixelmatch rounds to 35215.
        let red = RGBAPixel(r: 255, g: 0, b: 0)
        let cyan = RGBAPixel(r: 0, g: 255, b: 255)
        XCTAssertEqual(YIQ.delta(red, cyan), 35214.75, accuracy: 0.01)
        var largest = 0.0
        for corner in 0..<8 {
            let pixel = RGBAPixel(r: corner & 1 == 0 ? 0 : 255, g: corner & 2 == 0 ? 0 : 255, b: corner & 4 == 0 ? 0 : 255)
            let opposite = RGBAPixel(r: 255 - pixel.r, g: 255 - pixel.g, b: 255 - pixel.b)
            largest = max(largest, YIQ.delta(pixel, opposite))
        }
        XCTAssertEqual(largest, YIQ.maximumDelta, accuracy: 0.5)
        XCTAssertLessThanOrEqual(largest, YIQ.maximumDelta)
    }

    func testYIQBlendsTransparencyOntoWhite() {
        XCTAssertEqual(YIQ.delta(RGBAPixel(r: 0, g: 0, b: 0, a: 0), .white), 0)
    }

    func testSizeMismatchIsAFailedResultNamingBothSizes() throws {
        let result = ImageComparator.compare(
            expected: try Drawing.figure(width: 200, height: 150), actual: try Drawing.figure(width: 201, height: 150))
        XCTAssertFalse(result.passed)
        XCTAssertNil(result.rms)
        XCTAssertEqual(result.message, "size mismatch: expected 200×150 px, actual 201×150 px")
        XCTAssertNil(ImageComparator.diffImage(expected: try Drawing.figure(), actual: try Drawing.figure(width: 10, height: 10)))
    }

    func testLineMovedByFourPixelsFails() throws {
        let (result, diff) = ImageComparator.compareWithDiff(expected: try verticalLine(at: 60), actual: try verticalLine(at: 64))
        XCTAssertFalse(result.passed)
        // Old and new 2-px lines each cover 2 columns × 150 rows of solid black: 600 pixels.
        XCTAssertEqual(result.differentPixels, 600)
        XCTAssertEqual(Drawing.redPixels(in: try XCTUnwrap(diff)), 600)
    }

    func testRecolouredGradientFails() throws {
        // The same ramp through two different colormaps (viridis-like vs grey).
        let viridis = try Drawing.gradient([(0.267, 0.005, 0.329), (0.128, 0.567, 0.551), (0.993, 0.906, 0.144)])
        let grey = try Drawing.gradient([(0, 0, 0), (0.5, 0.5, 0.5), (1, 1, 1)])
        let result = ImageComparator.compare(expected: viridis, actual: grey)
        XCTAssertFalse(result.passed)
        XCTAssertGreaterThan(try XCTUnwrap(result.rms), Tolerance.standard.maxRMS)
        XCTAssertGreaterThan(try XCTUnwrap(result.differentPixels), result.allowedDifferentPixels)
    }

    func testSubtleUniformShiftIsCaughtByRMSOnly() throws {
        // +6 grey levels everywhere: YIQ delta 0.5053·6² ≈ 18 is far below the 0.1 threshold
        // (35215·0.01 ≈ 352), so no pixel counts as different, but rms = 6 > 2.
        let one = RGBAImage(width: 50, height: 50, filledWith: RGBAPixel(r: 120, g: 120, b: 120))
        let two = RGBAImage(width: 50, height: 50, filledWith: RGBAPixel(r: 126, g: 126, b: 126))
        let result = ImageComparator.compare(expected: one, actual: two)
        XCTAssertEqual(result.differentPixels, 0)
        XCTAssertEqual(try XCTUnwrap(result.rms), 6, accuracy: 1e-12)
        XCTAssertFalse(result.passed)
    }

    func testBlackBandFails() throws {
        let original = try Drawing.figure()
        let banded = try Drawing.image { cr in
            try? original.withCairoSurface { surface in
                cairo_set_source_surface(cr, surface, 0, 0)
                cairo_paint(cr)
            }
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_rectangle(cr, 0, 60, 200, 20)
            cairo_fill(cr)
        }
        let result = ImageComparator.compare(expected: original, actual: banded)
        XCTAssertFalse(result.passed)
        // The band is 200 × 20 = 4000 pixels; those already black in the original do not differ.
        XCTAssertGreaterThan(try XCTUnwrap(result.differentPixels), 3500)
        XCTAssertLessThanOrEqual(try XCTUnwrap(result.differentPixels), 4000)
    }

    func testSubPixelJitterOfAntiAliasedEdgesPassesThanksToAADetection() throws {
        // A disc in matplotlib's first line colour, redrawn 0.3 px right and 0.2 px down: only
        // anti-aliased edge pixels change, many by more than the YIQ threshold.
        let reference = try antiAliasedShapes(dx: 0, dy: 0)
        let jittered = try antiAliasedShapes(dx: 0.3, dy: 0.2)
        let result = ImageComparator.compare(expected: reference, actual: jittered)
        XCTAssertTrue(result.passed, result.message)
        XCTAssertEqual(result.differentPixels, 0)
        XCTAssertGreaterThan(try XCTUnwrap(result.antiAliasedPixels), 100)
        XCTAssertLessThan(try XCTUnwrap(result.rms), Tolerance.standard.maxRMS)
        XCTAssertGreaterThan(try XCTUnwrap(result.rms), 0.5)
        // Without anti-aliasing detection the same pixels count as different and the check fails.
        let counted = ImageComparator.compare(
            expected: reference, actual: jittered, tolerance: try Tolerance(detectsAntiAliasing: false))
        XCTAssertFalse(counted.passed)
        XCTAssertEqual(counted.differentPixels, result.antiAliasedPixels)
        XCTAssertGreaterThan(try XCTUnwrap(counted.differentPixels), counted.allowedDifferentPixels)
    }

    func testDiffImageColoursAndFadedBackground() throws {
        let reference = try antiAliasedShapes(dx: 0, dy: 0)
        var changed = try antiAliasedShapes(dx: 0.3, dy: 0.2)
        for y in 10..<20 { for x in 10..<20 { changed[x, y] = .black } }
        let (result, diff) = ImageComparator.compareWithDiff(expected: reference, actual: changed)
        let image = try XCTUnwrap(diff)
        XCTAssertEqual(result.differentPixels, 100)
        XCTAssertEqual(image[15, 15], RGBAPixel(r: 255, g: 0, b: 0))
        var yellow = 0
        for y in 0..<image.height { for x in 0..<image.width where image[x, y] == RGBAPixel(r: 255, g: 255, b: 0) { yellow += 1 } }
        XCTAssertEqual(yellow, result.antiAliasedPixels)
        // Unchanged white stays white; the disc centre (luma Y0) fades to 255 + (Y0 − 255)·0.1.
        XCTAssertEqual(image[5, 5], .white)
        let centre = reference[200, 150]
        let luma = 0.29889531 * Double(centre.r) + 0.58662247 * Double(centre.g) + 0.11448223 * Double(centre.b)
        let grey = UInt8((255 + (luma - 255) * 0.1).rounded())
        XCTAssertEqual(image[200, 150], RGBAPixel(r: grey, g: grey, b: grey))
    }

    func testToleranceValidationAndParsing() throws {
        XCTAssertThrowsError(try Tolerance(maxRMS: -1))
        XCTAssertThrowsError(try Tolerance(yiqThreshold: 1.5))
        XCTAssertThrowsError(try Tolerance(maxDifferentPixels: .fraction(2)))
        XCTAssertThrowsError(try Tolerance(maxDifferentPixels: .count(-3)))
        XCTAssertEqual(try Tolerance(parsingMaxRMS: "3.5").maxRMS, 3.5)
        XCTAssertThrowsError(try Tolerance(parsingMaxRMS: "lots")) { error in
            XCTAssertEqual("\(error)", "invalid tolerance 'lots'; allowed: a maximum RMS ≥ 0 on the 0–255 scale, e.g. 2.0")
        }
        XCTAssertEqual(try PixelLimit(parsing: "120"), .count(120))
        XCTAssertEqual(try PixelLimit(parsing: "0.5%"), .fraction(0.005))
        XCTAssertThrowsError(try PixelLimit(parsing: "-1"))
        XCTAssertEqual(PixelLimit.fraction(0.0001).allowedPixels(outOf: 1_080_000), 108)
    }

    // MARK: - Drawings

    private func verticalLine(at x: Double) throws -> RGBAImage {
        try Drawing.image { cr in
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_rectangle(cr, x, 0, 2, 150)
            cairo_fill(cr)
        }
    }

    private func antiAliasedShapes(dx: Double, dy: Double) throws -> RGBAImage {
        try Drawing.image(width: 400, height: 300) { cr in
            cairo_translate(cr, dx, dy)
            cairo_set_source_rgb(cr, 0.12, 0.47, 0.71)
            cairo_arc(cr, 200, 150, 30, 0, 2 * .pi)
            cairo_fill(cr)
        }
    }
}
