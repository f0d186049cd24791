import Foundation
import ImageComparison
import XCTest

/// Hand-made 12 × 8 images probing each rule of the anti-aliasing detector.
final class AntiAliasingTests: XCTestCase {
    private let width = 12
    private let height = 8

    /// Columns < `edge` black, columns edge..<edge+bandWidth grey `shade`, the rest white; `noisy` replaces black and white by a texture with no two equal neighbours.
    private func edge(shade: UInt8, bandWidth: Int = 1, noisy: Bool = false) -> RGBAImage {
        var image = RGBAImage(width: width, height: height, filledWith: .white)
        for y in 0..<height {
            for x in 0..<width {
                if x >= 5 && x < 5 + bandWidth {
                    image[x, y] = RGBAPixel(r: shade, g: shade, b: shade)
                } else if noisy {
                    // (37x + 91y) mod 251 takes different values at all 8 neighbours of a pixel.
                    let value = UInt8((37 * x + 91 * y) % 251)
                    image[x, y] = RGBAPixel(r: value, g: value, b: value)
                } else {
                    image[x, y] = x < 5 ? .black : .white
                }
            }
        }
        return image
    }

    func testOnePixelGreyEdgeBetweenFlatRegionsIsAntiAliasing() {
        // Shade 128 → 200: squared YIQ delta 0.5053 · 72² ≈ 2620 > 352, so above threshold; but each
        // edge pixel has a darker and a brighter neighbour, only 2 identical ones (above/below),
        // and its black and white neighbours are flat in both images.
        let result = ImageComparator.compare(expected: edge(shade: 128), actual: edge(shade: 200))
        XCTAssertEqual(result.antiAliasedPixels, height)
        XCTAssertEqual(result.differentPixels, 0)
    }

    func testTwoPixelWideBandIsARealDifference() {
        // With a 2-px band every band pixel has ≥ 3 identical neighbours: not anti-aliasing.
        let result = ImageComparator.compare(
            expected: edge(shade: 128, bandWidth: 2), actual: edge(shade: 200, bandWidth: 2))
        XCTAssertEqual(result.differentPixels, 2 * height)
        XCTAssertEqual(result.antiAliasedPixels, 0)
    }

    func testEdgePixelsWithThreeIdenticalNeighboursAreNotAntiAliasing() {
        // The grey edge column 5 is crossed by a grey line along row 4 into the white half.
        // Edge pixels (5, 3), (5, 4), (5, 5) then have 3 identical grey neighbours: real
        // differences. The other 5 edge pixels stay anti-aliasing; the 6 line pixels (x = 6...11)
        // have no darker neighbour, so they are real differences too: 3 + 6 = 9.
        func crossed(_ shade: UInt8) -> RGBAImage {
            var image = edge(shade: shade)
            for x in 6..<width { image[x, 4] = RGBAPixel(r: shade, g: shade, b: shade) }
            return image
        }
        let result = ImageComparator.compare(expected: crossed(128), actual: crossed(200))
        XCTAssertEqual(result.antiAliasedPixels, 5)
        XCTAssertEqual(result.differentPixels, 9)
    }

    func testEdgeWhoseNeighboursAreNotFlatInTheOtherImageIsARealDifference() {
        // The grey edge of the first image is anti-aliasing-like, but in the second image the
        // regions on both sides are textured, so neither extreme neighbour is flat in both.
        let result = ImageComparator.compare(expected: edge(shade: 128), actual: edge(shade: 200, noisy: true))
        XCTAssertEqual(result.antiAliasedPixels, 0)
        // Every pixel differs: the band by 72 levels, the rest because the texture replaced black/white.
        XCTAssertEqual(result.differentPixels, result.totalPixels - countSimilarTexturePixels())
    }

    func testPixelWithoutBothDarkerAndBrighterNeighboursIsNotAntiAliasing() {
        // A lone black dot on white turning grey: all neighbours are brighter, none darker.
        var one = RGBAImage(width: width, height: height, filledWith: .white)
        one[6, 4] = .black
        var two = one
        two[6, 4] = RGBAPixel(r: 150, g: 150, b: 150)
        let result = ImageComparator.compare(expected: one, actual: two)
        XCTAssertEqual(result.differentPixels, 1)
        XCTAssertEqual(result.antiAliasedPixels, 0)
    }

    /// Pixels outside the band where the texture is within the YIQ threshold of the flat black/white it replaced.
    private func countSimilarTexturePixels() -> Int {
        let flat = edge(shade: 128)
        let noisy = edge(shade: 200, noisy: true)
        let cutoff = YIQ.maximumDelta(forThreshold: 0.1)
        var count = 0
        for y in 0..<height {
            for x in 0..<width where x != 5 && YIQ.delta(flat[x, y], noisy[x, y]) <= cutoff {
                count += 1
            }
        }
        return count
    }
}
