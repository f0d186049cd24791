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
