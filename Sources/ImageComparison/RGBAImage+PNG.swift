import CCairo
import Foundation

extension RGBAImage {
    /// The 8-byte signature every PNG file starts with (PNG spec §5.2).
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The most pixels a decoded PNG may have (100 megapixels, 400 MB of RGBA): the header is
    /// checked against it before anything is decoded.
    public static let maxPixelCount = 100_000_000
    /// The largest PNG file read (bytes), checked before reading.
    public static let maxFileBytes = 512 << 20

    /// Loads a PNG file; throws `fileNotFound`, `unreadable`, `notPNG`, `truncatedPNG`, `corruptPNG`
    /// or `imageTooLarge` naming the file (size and pixel count are checked before reading or decoding).
    public static func load(from url: URL) throws -> RGBAImage {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImageComparisonError.fileNotFound(path: url.path)
        }
        guard !isDirectory.boolValue else {
            throw ImageComparisonError.unreadable(path: url.path, reason: "is a directory")
        }
        return try RGBAImage(pngData: try BoundedRead.data(url, limit: maxFileBytes), source: url.path)
    }

    /// Decodes PNG bytes held in memory (chunk structure and CRCs are checked first); `source` names them in error messages.
    public init(pngData data: Data, source: String = "in-memory PNG data", maxPixels: Int = RGBAImage.maxPixelCount) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 8, Array(bytes[0..<8]) == RGBAImage.pngSignature else {
            throw ImageComparisonError.notPNG(source: source)
        }
        try PNGStructure.validate(bytes, source: source, maxPixels: maxPixels)
        let cursor = PNGReadCursor(bytes: bytes)
        let surface = withExtendedLifetime(cursor) {
            cairo_image_surface_create_from_png_stream(
                pngReadCallback, Unmanaged.passUnretained(cursor).toOpaque())!
        }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        if cursor.ranOut { throw ImageComparisonError.truncatedPNG(source: source) }
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ImageComparisonError.corruptPNG(source: source, detail: Self.decodeFailure(status))
        }
        self = try RGBAImage(cairoImageSurface: surface)
    }

    /// Why Cairo could not decode structurally valid PNG bytes; Cairo 1.16 reports libpng errors as NO_MEMORY.
    private static func decodeFailure(_ status: cairo_status_t) -> String {
        if status == CAIRO_STATUS_NO_MEMORY || status == CAIRO_STATUS_PNG_ERROR {
            return "image data cannot be decoded: bad compressed data, or an image too large for memory"
        }
        return "image data cannot be decoded (cairo: \(String(cString: cairo_status_to_string(status))))"
    }

    /// Encodes the image as an 8-bit RGBA PNG (translucent pixels pass through Cairo's premultiplication, so they round-trip to within ±1 per channel only when alpha is high).
    public func pngData() throws -> Data {
        let writer = PNGWriteBuffer()
        let status = try withCairoSurface { surface in
            withExtendedLifetime(writer) {
                cairo_surface_write_to_png_stream(
                    surface, pngWriteCallback, Unmanaged.passUnretained(writer).toOpaque())
            }
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ImageComparisonError.writeFailed(
                path: "PNG encoder", reason: String(cString: cairo_status_to_string(status)))
        }
        return Data(writer.bytes)
    }

    /// Writes the image as PNG to `url` through a temporary file renamed into place (parent directories are created).
    public func write(to url: URL) throws {
        let data: Data
        do {
            data = try pngData()
        } catch let error as ImageComparisonError {
            if case .writeFailed(_, let reason) = error {
                throw ImageComparisonError.writeFailed(path: url.path, reason: reason)
            }
            throw error
        }
        try AtomicFile.write(data, to: url)
    }
}

/// Read position in PNG bytes handed to Cairo; records whether the decoder asked for bytes past the end.
private final class PNGReadCursor {
    let bytes: [UInt8]
    var offset = 0
    var ranOut = false

    init(bytes: [UInt8]) { self.bytes = bytes }
}

/// Accumulates the bytes Cairo's PNG encoder emits.
private final class PNGWriteBuffer {
    var bytes: [UInt8] = []
}

/// Cairo read callback: copies the next `length` bytes or fails with READ_ERROR when the data ends.
private func pngReadCallback(
    _ closure: UnsafeMutableRawPointer?, _ data: UnsafeMutablePointer<UInt8>?, _ length: UInt32
) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
    let cursor = Unmanaged<PNGReadCursor>.fromOpaque(closure).takeUnretainedValue()
    let count = Int(length)
    guard cursor.offset + count <= cursor.bytes.count else {
        cursor.ranOut = true
        return CAIRO_STATUS_READ_ERROR
    }
    cursor.bytes.withUnsafeBufferPointer { source in
        data.update(from: source.baseAddress! + cursor.offset, count: count)
    }
    cursor.offset += count
    return CAIRO_STATUS_SUCCESS
}

/// Cairo write callback: appends the encoder's bytes to the buffer.
private func pngWriteCallback(
    _ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32
) -> cairo_status_t {
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let buffer = Unmanaged<PNGWriteBuffer>.fromOpaque(closure).takeUnretainedValue()
    buffer.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}
