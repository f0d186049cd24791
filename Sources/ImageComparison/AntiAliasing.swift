/// Anti-aliasing detection after Vyšniauskas (2009), the idea pixelmatch uses to ignore edge jitter.
///
/// A pixel is taken to be anti-aliasing when, among its 8 neighbours, there are both darker and
/// brighter ones, at most two are identical to it (counting the image border as one), and the
/// darkest or the brightest neighbour lies in a flat region (three or more identical neighbours)
/// in *both* images — i.e. the pixel is an intermediate shade between two solid areas that
/// exist in both renders.
enum AntiAliasing {
    /// True when pixel (x, y) of `image` looks like anti-aliasing, judged with `other` for the flat-region test.
    static func isAntiAliased(_ image: RGBAImage, x: Int, y: Int, other: RGBAImage) -> Bool {
        let centre = image[x, y]
        var identical = touchesBorder(image, x: x, y: y) ? 1 : 0
        var darkest: (delta: Double, x: Int, y: Int)? = nil
        var brightest: (delta: Double, x: Int, y: Int)? = nil
        for (nx, ny) in neighbours(of: x, y, in: image) {
            let neighbour = image[nx, ny]
            let delta = YIQ.lumaDifference(neighbour, centre)
            if neighbour == centre {
                identical += 1
                if identical > 2 { return false }
            } else if delta < 0, delta < (darkest?.delta ?? 0) {
                darkest = (delta, nx, ny)
            } else if delta > 0, delta > (brightest?.delta ?? 0) {
                brightest = (delta, nx, ny)
            }
        }
        guard let darkest, let brightest else { return false }
        return (isInFlatRegion(image, x: darkest.x, y: darkest.y)
                && isInFlatRegion(other, x: darkest.x, y: darkest.y))
            || (isInFlatRegion(image, x: brightest.x, y: brightest.y)
                && isInFlatRegion(other, x: brightest.x, y: brightest.y))
    }

    /// True when pixel (x, y) has three or more identical neighbours (the border counts as one).
    static func isInFlatRegion(_ image: RGBAImage, x: Int, y: Int) -> Bool {
        let centre = image[x, y]
        var identical = touchesBorder(image, x: x, y: y) ? 1 : 0
        for (nx, ny) in neighbours(of: x, y, in: image) where image[nx, ny] == centre {
            identical += 1
            if identical > 2 { return true }
        }
        return false
    }

    /// Whether the pixel sits on the image's outer edge.
    private static func touchesBorder(_ image: RGBAImage, x: Int, y: Int) -> Bool {
        x == 0 || y == 0 || x == image.width - 1 || y == image.height - 1
    }

    /// The up-to-8 in-bounds neighbours of (x, y).
    private static func neighbours(of x: Int, _ y: Int, in image: RGBAImage) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        result.reserveCapacity(8)
        for ny in max(y - 1, 0)...min(y + 1, image.height - 1) {
            for nx in max(x - 1, 0)...min(x + 1, image.width - 1) where nx != x || ny != y {
                result.append((nx, ny))
            }
        }
        return result
    }
}
