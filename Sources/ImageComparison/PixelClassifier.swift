/// What one pixel position looks like between two images of equal size.
enum PixelClass: UInt8 {
    /// Below the YIQ threshold.
    case same
    /// Above the threshold but anti-aliasing in one of the images: ignored.
    case antiAliased
    /// Above the threshold and not anti-aliasing: a real difference.
    case different
}

/// Per-pixel classes of a comparison, row-major like the images.
struct PixelClasses {
    let width: Int
    let height: Int
    let classes: [PixelClass]

    /// How many pixels fall in `kind`.
    func count(of kind: PixelClass) -> Int {
        classes.reduce(0) { $0 + ($1 == kind ? 1 : 0) }
    }
}

/// pixelmatch's pixel loop: YIQ distance above the threshold, then the anti-aliasing test in both images.
struct PixelClassifier {
    let tolerance: Tolerance

    /// Classifies every pixel; the images must have equal sizes.
    func classify(expected: RGBAImage, actual: RGBAImage) -> PixelClasses {
        precondition(expected.size == actual.size, "classify needs equal sizes")
        let cutoff = YIQ.maximumDelta(forThreshold: tolerance.yiqThreshold)
        var classes = [PixelClass](repeating: .same, count: expected.pixelCount)
        for y in 0..<expected.height {
            for x in 0..<expected.width {
                let one = expected[x, y]
                let two = actual[x, y]
                guard one != two, YIQ.delta(one, two) > cutoff else { continue }
                classes[y * expected.width + x] = isAntiAliasing(expected, actual, x: x, y: y) ? .antiAliased : .different
            }
        }
        return PixelClasses(width: expected.width, height: expected.height, classes: classes)
    }

    /// Whether the difference at (x, y) is anti-aliasing in either image (never, when detection is off).
    private func isAntiAliasing(_ expected: RGBAImage, _ actual: RGBAImage, x: Int, y: Int) -> Bool {
        guard tolerance.detectsAntiAliasing else { return false }
        return AntiAliasing.isAntiAliased(expected, x: x, y: y, other: actual)
            || AntiAliasing.isAntiAliased(actual, x: x, y: y, other: expected)
    }
}

/// Draws a pixelmatch-style diff: red = different, yellow = anti-aliasing, otherwise the reference as faded grey.
struct DiffRenderer {
    /// Colour of real differences.
    var differentColour = RGBAPixel(r: 255, g: 0, b: 0)
    /// Colour of ignored anti-aliasing differences.
    var antiAliasedColour = RGBAPixel(r: 255, g: 255, b: 0)
    /// Opacity of the reference's luma over white for unchanged pixels (pixelmatch's `alpha`, 0.1).
    var backgroundOpacity = 0.1

    /// The diff image over the reference.
    func render(reference: RGBAImage, classes: PixelClasses) -> RGBAImage {
        var diff = reference
        for y in 0..<reference.height {
            for x in 0..<reference.width {
                switch classes.classes[y * reference.width + x] {
                case .different: diff[x, y] = differentColour
                case .antiAliased: diff[x, y] = antiAliasedColour
                case .same: diff[x, y] = fadedGrey(reference[x, y])
                }
            }
        }
        return diff
    }

    /// The pixel's luma blended onto white with opacity `backgroundOpacity` × its own alpha.
    private func fadedGrey(_ pixel: RGBAPixel) -> RGBAPixel {
        let luma = BlendedRGB(RGBAPixel(r: pixel.r, g: pixel.g, b: pixel.b)).luma
        let opacity = backgroundOpacity * Double(pixel.a) / 255
        let value = UInt8(max(0, min(255, (255 + (luma - 255) * opacity).rounded())))
        return RGBAPixel(r: value, g: value, b: value)
    }
}
