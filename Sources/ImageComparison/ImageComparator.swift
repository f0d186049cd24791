/// Pure comparison of two images: matplotlib's RMS, pixelmatch-style perceptual pixel count, and a diff image.
public enum ImageComparator {
    /// Compares a new render (`actual`) with its reference (`expected`); different sizes give a failed result, never a crash.
    public static func compare(expected: RGBAImage, actual: RGBAImage, tolerance: Tolerance = .standard) -> ImageComparisonResult {
        compareWithDiff(expected: expected, actual: actual, tolerance: tolerance, drawDiff: false).result
    }

    /// Compares like `compare` and also draws the diff image (nil when the sizes differ).
    public static func compareWithDiff(
        expected: RGBAImage, actual: RGBAImage, tolerance: Tolerance = .standard
    ) -> (result: ImageComparisonResult, diff: RGBAImage?) {
        compareWithDiff(expected: expected, actual: actual, tolerance: tolerance, drawDiff: true)
    }

    /// RMS difference on the 0–255 scale with matplotlib's semantics; nil when the sizes differ.
    ///
    /// matplotlib (`testing.compare.compare_images` → `_load_image` → `calculate_rms`) drops the
    /// alpha channel of an image whose alpha is 255 everywhere, keeps RGBA otherwise, and returns
    /// `sqrt(mean((expected − actual)²))` over every channel of every pixel, in float.
    /// So two opaque images are compared on R, G, B (mean over 3·W·H values) and two images with
    /// transparency on R, G, B, A (4·W·H values). When only one of them is translucent matplotlib
    /// raises a shape error; here both are then compared on RGBA (the opaque one's alpha is 255),
    /// which gives a number instead of an exception. Pixel values are straight RGBA as decoded by
    /// Cairo, identical to PIL's for opaque pixels (translucent ones pass through Cairo's 8-bit
    /// premultiplication and may differ from PIL's by a level).
    public static func rms(expected: RGBAImage, actual: RGBAImage) -> Double? {
        guard expected.size == actual.size else { return nil }
        let channels = expected.isOpaque && actual.isOpaque ? 3 : 4
        var sumOfSquares: Int64 = 0
        expected.bytes.withUnsafeBufferPointer { one in
            actual.bytes.withUnsafeBufferPointer { two in
                var offset = 0
                while offset < one.count {
                    for channel in 0..<channels {
                        let difference = Int64(one[offset + channel]) - Int64(two[offset + channel])
                        sumOfSquares += difference * difference
                    }
                    offset += 4
                }
            }
        }
        return (Double(sumOfSquares) / Double(expected.pixelCount * channels)).squareRoot()
    }

    /// Draws the diff image: red where pixels really differ, yellow where the difference is anti-aliasing, elsewhere the reference in faded grey (nil when the sizes differ).
    public static func diffImage(expected: RGBAImage, actual: RGBAImage, tolerance: Tolerance = .standard) -> RGBAImage? {
        compareWithDiff(expected: expected, actual: actual, tolerance: tolerance).diff
    }

    private static func compareWithDiff(
        expected: RGBAImage, actual: RGBAImage, tolerance: Tolerance, drawDiff: Bool
    ) -> (result: ImageComparisonResult, diff: RGBAImage?) {
        guard expected.size == actual.size else {
            let result = ImageComparisonResult(
                expectedSize: expected.size, actualSize: actual.size, rms: nil, differentPixels: nil,
                antiAliasedPixels: nil, totalPixels: expected.pixelCount, tolerance: tolerance)
            return (result, nil)
        }
        let classes = PixelClassifier(tolerance: tolerance).classify(expected: expected, actual: actual)
        let result = ImageComparisonResult(
            expectedSize: expected.size, actualSize: actual.size,
            rms: rms(expected: expected, actual: actual),
            differentPixels: classes.count(of: .different),
            antiAliasedPixels: classes.count(of: .antiAliased),
            totalPixels: expected.pixelCount, tolerance: tolerance)
        let diff = drawDiff ? DiffRenderer().render(reference: expected, classes: classes) : nil
        return (result, diff)
    }
}
