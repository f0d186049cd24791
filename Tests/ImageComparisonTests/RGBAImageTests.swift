import CCairo
import Foundation
import ImageComparison
import XCTest

final class RGBAImageTests: XCTestCase {
    func testPNGRoundTripIsExactForOpaqueImages() throws {
        let image = try Drawing.figure()
        let decoded = try RGBAImage(pngData: try image.pngData())
        XCTAssertEqual(decoded, image)
        XCTAssertTrue(decoded.isOpaque)
    }

    func testWriteAndLoadThroughAFile() throws {
        let directory = try Drawing.temporaryDirectory()
        let url = directory.appendingPathComponent("nested/dir/figure.png")
        let image = try Drawing.figure()
        try image.write(to: url)
        XCTAssertEqual(try RGBAImage.load(from: url), image)
        // Only the final file is left behind: the temporary file was renamed into place.
        let left = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        XCTAssertEqual(left, ["figure.png"])
    }

    func testCairoSurfaceIsUnpremultiplied() throws {
        // Cairo stores premultiplied ARGB32: straight (200, 100, 50, 128) is stored as
        // round(c·128/255) = (100, 50, 25); un-premultiplying gives back round(c'·255/128)
        // = (199, 100, 50): one level lost on red by 8-bit premultiplication.
        let image = try Drawing.image(width: 2, height: 2) { cr in
            cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
            cairo_set_source_rgba(cr, 200.0 / 255, 100.0 / 255, 50.0 / 255, 128.0 / 255)
            cairo_paint(cr)
        }
        XCTAssertEqual(image[0, 0], RGBAPixel(r: 199, g: 100, b: 50, a: 128))
        XCTAssertFalse(image.isOpaque)
    }

    func testPremultipliedWordsAreUnpremultiplied() throws {
        // 0xFF102030 is opaque (0x10, 0x20, 0x30); 0x80643219 is alpha 128 over premultiplied
        // (100, 50, 25), i.e. straight round(c·255/128) = (199, 100, 50); 0 is fully transparent.
        let image = try RGBAImage(width: 3, height: 1, premultipliedARGB32: [0xFF10_2030, 0x8064_3219, 0])
        XCTAssertEqual(image[0, 0], RGBAPixel(r: 0x10, g: 0x20, b: 0x30))
        XCTAssertEqual(image[1, 0], RGBAPixel(r: 199, g: 100, b: 50, a: 128))
        XCTAssertEqual(image[2, 0], RGBAPixel(r: 0, g: 0, b: 0, a: 0))
        XCTAssertThrowsError(try RGBAImage(width: 2, height: 2, premultipliedARGB32: [0]))
    }

    func testInvalidPixelBufferIsATypedError() {
        XCTAssertThrowsError(try RGBAImage(width: 2, height: 2, bytes: [0, 0, 0])) { error in
            XCTAssertEqual(error as? ImageComparisonError, .invalidPixelBuffer(width: 2, height: 2, byteCount: 3))
        }
        XCTAssertThrowsError(try RGBAImage(width: 0, height: 2, bytes: []))
    }

    func testMissingFileNamesThePath() {
        let url = URL(fileURLWithPath: "/nonexistent/dir/ref.png")
        XCTAssertThrowsError(try RGBAImage.load(from: url)) { error in
            XCTAssertEqual(error as? ImageComparisonError, .fileNotFound(path: url.path))
            XCTAssertEqual("\(error)", "/nonexistent/dir/ref.png: file not found")
        }
    }

    func testRandomBytesAreNotAPNG() throws {
        let url = try Drawing.temporaryDirectory().appendingPathComponent("random.png")
        try Data(SeededBytes.make(count: 512, seed: 7)).write(to: url)
        XCTAssertThrowsError(try RGBAImage.load(from: url)) { error in
            XCTAssertEqual(error as? ImageComparisonError, .notPNG(source: url.path))
            XCTAssertTrue("\(error)".contains("not a PNG"))
            XCTAssertTrue("\(error)".contains(url.path))
        }
    }

    func testTruncatedPNGIsReportedAsTruncated() throws {
        let png = try Drawing.figure().pngData()
        XCTAssertThrowsError(try RGBAImage(pngData: png.prefix(png.count / 2), source: "half.png")) { error in
            XCTAssertEqual(error as? ImageComparisonError, .truncatedPNG(source: "half.png"))
            XCTAssertEqual("\(error)", "half.png: truncated PNG (data ends before the image is complete)")
        }
    }

    func testDamagedPNGIsReportedAsCorrupt() throws {
        // Flipping one byte inside the image data breaks that chunk's CRC (PNG spec §5.3).
        var png = [UInt8](try Drawing.figure().pngData())
        png[png.count / 2] ^= 0xFF
        XCTAssertThrowsError(try RGBAImage(pngData: Data(png), source: "damaged.png")) { error in
            guard case .corruptPNG(let source, _)? = error as? ImageComparisonError else {
                return XCTFail("expected corruptPNG, got \(error)")
            }
            XCTAssertEqual(source, "damaged.png")
        }
    }

    func testDirectoryIsUnreadable() throws {
        let directory = try Drawing.temporaryDirectory()
        XCTAssertThrowsError(try RGBAImage.load(from: directory)) { error in
            XCTAssertEqual(error as? ImageComparisonError, .unreadable(path: directory.path, reason: "is a directory"))
        }
    }
}

/// Deterministic pseudo-random bytes (64-bit LCG, Knuth's MMIX constants) whose first byte is never the PNG signature's.
enum SeededBytes {
    static func make(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        for _ in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            bytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        if bytes.first == 0x89 { bytes[0] = 0 }
        return bytes
    }
}

final class PNGStructureTests: XCTestCase {
    func testCRCOfTheIENDChunkIsTheSpecValue() throws {
        // Every PNG ends with the empty IEND chunk, whose CRC over the 4 type bytes is AE 42 60 82.
        let png = [UInt8](try Drawing.figure().pngData())
        XCTAssertEqual(Array(png.suffix(8)), [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    func testDamagedChunkNamesTheChunkAndTheCRC() throws {
        var png = [UInt8](try Drawing.figure().pngData())
        png[png.count / 2] ^= 0xFF
        XCTAssertThrowsError(try RGBAImage(pngData: Data(png), source: "damaged.png")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("damaged.png: corrupt PNG (CRC mismatch in IDAT chunk at byte "), text)
        }
    }

    func testMissingEndChunkIsTruncation() throws {
        let png = try Drawing.figure().pngData()
        XCTAssertThrowsError(try RGBAImage(pngData: png.dropLast(12), source: "cut.png")) { error in
            XCTAssertEqual(error as? ImageComparisonError, .truncatedPNG(source: "cut.png"))
        }
    }

    func testValidChunksWithUndecodableImageDataAreCorrupt() throws {
        // Damage the zlib stream inside IDAT and repair the chunk's CRC, so only decoding fails.
        var png = [UInt8](try Drawing.figure().pngData())
        let idat = try XCTUnwrap((8..<png.count - 4).first { Array(png[$0..<$0 + 4]) == Array("IDAT".utf8) })
        let length = png[(idat - 4)..<idat].reduce(0) { $0 << 8 | Int($1) }
        for offset in (idat + 6)..<(idat + 4 + length) { png[offset] = 0xFF }
        let crc = Self.bitwiseCRC32(png[idat..<(idat + 4 + length)])
        for index in 0..<4 { png[idat + 4 + length + index] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * index)) }
        XCTAssertThrowsError(try RGBAImage(pngData: Data(png), source: "zlib.png")) { error in
            XCTAssertTrue("\(error)".hasPrefix("zlib.png: corrupt PNG (image data cannot be decoded"), "\(error)")
        }
    }

    /// CRC-32 computed bit by bit (PNG spec Annex D's polynomial), independent of the library's table version.
    private static func bitwiseCRC32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 0 ? 0 : 0xEDB8_8320) }
        }
        return ~crc
    }

    func testSignatureFollowedByGarbageIsCorrupt() {
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("0123456789abcdefghijklmnop".utf8)
        XCTAssertThrowsError(try RGBAImage(pngData: Data(bytes), source: "junk.png")) { error in
            XCTAssertEqual("\(error)", "junk.png: corrupt PNG (invalid chunk header at byte 8)")
        }
    }
}
