/// One pixel with straight (un-premultiplied) 8-bit red, green, blue and alpha.
public struct RGBAPixel: Equatable, Hashable, Sendable {
    /// Red, 0–255.
    public var r: UInt8
    /// Green, 0–255.
    public var g: UInt8
    /// Blue, 0–255.
    public var b: UInt8
    /// Alpha, 0 (transparent) – 255 (opaque).
    public var a: UInt8

    /// A pixel from its four 8-bit components (alpha 255 = opaque).
    public init(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// Opaque white.
    public static let white = RGBAPixel(r: 255, g: 255, b: 255)
    /// Opaque black.
    public static let black = RGBAPixel(r: 0, g: 0, b: 0)
}

/// Width and height of an image in pixels.
public struct ImageSize: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int

    /// A size in pixels.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Number of pixels, width × height.
    public var pixelCount: Int { width * height }

    public var description: String { "\(width)×\(height) px" }
}

/// A raster image: width × height pixels, row-major from the top-left, straight 8-bit RGBA.
public struct RGBAImage: Equatable, Sendable {
    /// Width in pixels (≥ 1).
    public let width: Int
    /// Height in pixels (≥ 1).
    public let height: Int
    /// Pixel bytes R, G, B, A for each pixel, rows top to bottom; count = width × height × 4.
    public private(set) var bytes: [UInt8]

    /// An image from raw straight-RGBA bytes; throws if the byte count does not match the size.
    public init(width: Int, height: Int, bytes: [UInt8]) throws {
        guard width >= 1, height >= 1, bytes.count == width * height * 4 else {
            throw ImageComparisonError.invalidPixelBuffer(
                width: width, height: height, byteCount: bytes.count)
        }
        self.width = width
        self.height = height
        self.bytes = bytes
    }

    /// An image filled with one colour; sizes below 1 are raised to 1.
    public init(width: Int, height: Int, filledWith pixel: RGBAPixel) {
        self.width = max(1, width)
        self.height = max(1, height)
        let count = self.width * self.height
        var bytes = [UInt8](repeating: 0, count: count * 4)
        for index in 0..<count {
            bytes[4 * index] = pixel.r
            bytes[4 * index + 1] = pixel.g
            bytes[4 * index + 2] = pixel.b
            bytes[4 * index + 3] = pixel.a
        }
        self.bytes = bytes
    }

    /// Width and height in pixels.
    public var size: ImageSize { ImageSize(width: width, height: height) }

    /// Number of pixels, width × height.
    public var pixelCount: Int { width * height }

    /// True when every pixel has alpha 255 (matplotlib then compares RGB only).
    public var isOpaque: Bool {
        var index = 3
        while index < bytes.count {
            if bytes[index] != 255 { return false }
            index += 4
        }
        return true
    }

    /// The pixel at column x, row y (0-based, from the top-left); the index must lie inside the image.
    public subscript(x: Int, y: Int) -> RGBAPixel {
        get {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(size)")
            let offset = 4 * (y * width + x)
            return RGBAPixel(r: bytes[offset], g: bytes[offset + 1], b: bytes[offset + 2], a: bytes[offset + 3])
        }
        set {
            precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(size)")
            let offset = 4 * (y * width + x)
            bytes[offset] = newValue.r
            bytes[offset + 1] = newValue.g
            bytes[offset + 2] = newValue.b
            bytes[offset + 3] = newValue.a
        }
    }
}
