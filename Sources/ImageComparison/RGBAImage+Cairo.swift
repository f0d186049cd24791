import CCairo

extension RGBAImage {
    /// A copy of a Cairo image surface, un-premultiplied to straight RGBA (any Cairo image format is accepted).
    public init(cairoImageSurface surface: OpaquePointer) throws {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ImageComparisonError.corruptPNG(
                source: "Cairo surface", detail: String(cString: cairo_status_to_string(status)))
        }
        let format = cairo_image_surface_get_format(surface)
        if format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24 {
            self = try RGBAImage.copyPixels(of: surface, opaque: format == CAIRO_FORMAT_RGB24)
        } else {
            let converted = try RGBAImage.convertToARGB32(surface)
            defer { cairo_surface_destroy(converted) }
            self = try RGBAImage.copyPixels(of: converted, opaque: false)
        }
    }

    /// An image from premultiplied 0xAARRGGBB words (Cairo's ARGB32 as 32-bit values, row 0 at the top), un-premultiplied.
    public init(width: Int, height: Int, premultipliedARGB32 words: [UInt32]) throws {
        guard width >= 1, height >= 1, words.count == width * height else {
            throw ImageComparisonError.invalidPixelBuffer(width: width, height: height, byteCount: 4 * words.count)
        }
        var bytes = [UInt8](repeating: 0, count: 4 * words.count)
        bytes.withUnsafeMutableBufferPointer { target in
            for (index, word) in words.enumerated() { Premultiplied.unpack(word, into: target, at: 4 * index) }
        }
        try self.init(width: width, height: height, bytes: bytes)
    }

    /// Runs `body` with a new ARGB32 Cairo image surface holding this image (premultiplied); the surface is destroyed afterwards.
    public func withCairoSurface<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw ImageComparisonError.writeFailed(path: "Cairo surface", reason: "cannot create surface")
        }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ImageComparisonError.writeFailed(
                path: "Cairo surface", reason: String(cString: cairo_status_to_string(status)))
        }
        fillPremultiplied(surface)
        return try body(surface)
    }

    /// Copies straight RGBA into an ARGB32 surface as premultiplied native-endian words.
    private func fillPremultiplied(_ surface: OpaquePointer) {
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        bytes.withUnsafeBufferPointer { source in
            for y in 0..<height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width {
                    let offset = 4 * (y * width + x)
                    row[x] = Premultiplied.word(
                        r: source[offset], g: source[offset + 1], b: source[offset + 2], a: source[offset + 3])
                }
            }
        }
        cairo_surface_mark_dirty(surface)
    }

    /// Reads an ARGB32 or RGB24 surface into straight RGBA bytes.
    private static func copyPixels(of surface: OpaquePointer, opaque: Bool) throws -> RGBAImage {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard width >= 1, height >= 1, let data = cairo_image_surface_get_data(surface) else {
            throw ImageComparisonError.invalidPixelBuffer(width: width, height: height, byteCount: 0)
        }
        var bytes = [UInt8](repeating: 0, count: width * height * 4)
        bytes.withUnsafeMutableBufferPointer { target in
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width {
                    let word = opaque ? (row[x] | 0xFF00_0000) : row[x]
                    Premultiplied.unpack(word, into: target, at: 4 * (y * width + x))
                }
            }
        }
        return try RGBAImage(width: width, height: height, bytes: bytes)
    }

    /// Paints a surface of any image format onto a fresh ARGB32 surface.
    private static func convertToARGB32(_ surface: OpaquePointer) throws -> OpaquePointer {
        let width = cairo_image_surface_get_width(surface)
        let height = cairo_image_surface_get_height(surface)
        guard let target = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height) else {
            throw ImageComparisonError.corruptPNG(source: "Cairo surface", detail: "cannot convert pixel format")
        }
        let context = cairo_create(target)
        cairo_set_source_surface(context, surface, 0, 0)
        cairo_set_operator(context, CAIRO_OPERATOR_SOURCE)
        cairo_paint(context)
        cairo_destroy(context)
        return target
    }
}

/// Conversion between straight 8-bit RGBA and Cairo's premultiplied native-endian ARGB32 words.
enum Premultiplied {
    /// The premultiplied ARGB32 word for a straight pixel (channels rounded to nearest).
    static func word(r: UInt8, g: UInt8, b: UInt8, a: UInt8) -> UInt32 {
        let alpha = UInt32(a)
        func scale(_ c: UInt8) -> UInt32 { (UInt32(c) * alpha + 127) / 255 }
        return alpha << 24 | scale(r) << 16 | scale(g) << 8 | scale(b)
    }

    /// Writes the straight RGBA bytes of a premultiplied ARGB32 word at `offset` (transparent → 0,0,0,0).
    static func unpack(_ word: UInt32, into target: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        let alpha = word >> 24
        func straight(_ channel: UInt32) -> UInt8 {
            alpha == 0 ? 0 : UInt8(min(255, (channel * 255 + alpha / 2) / alpha))
        }
        target[offset] = straight((word >> 16) & 0xFF)
        target[offset + 1] = straight((word >> 8) & 0xFF)
        target[offset + 2] = straight(word & 0xFF)
        target[offset + 3] = UInt8(alpha)
    }
}
