import CCairo
import Foundation
import ImageComparison
import XCTest

final class PDFRasterizerTests: XCTestCase {
    /// A 72 × 36 pt PDF page: left half pure red, right half pure blue.
    private func makePDF() throws -> URL {
        let url = try Drawing.temporaryDirectory().appendingPathComponent("tiny.pdf")
        let surface = cairo_pdf_surface_create(url.path, 72, 36)!
        let cr = cairo_create(surface)!
        cairo_set_source_rgb(cr, 1, 0, 0)
        cairo_rectangle(cr, 0, 0, 36, 36)
        cairo_fill(cr)
        cairo_set_source_rgb(cr, 0, 0, 1)
        cairo_rectangle(cr, 36, 0, 36, 36)
        cairo_fill(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        XCTAssertEqual(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS)
        cairo_surface_destroy(surface)
        return url
    }

    func testRasterisesAt72DPIToOnePixelPerPoint() throws {
        // 72 dpi: 1 px per PostScript point, so a 72 × 36 pt page becomes 72 × 36 px.
        let image = try PDFRasterizer().rasterize(pdf: try makePDF(), dpi: 72)
        XCTAssertEqual(image.size, ImageSize(width: 72, height: 36))
        XCTAssertEqual(image[10, 18], RGBAPixel(r: 255, g: 0, b: 0))
        XCTAssertEqual(image[60, 18], RGBAPixel(r: 0, g: 0, b: 255))
    }

    func testDoubleDPIDoublesTheSize() throws {
        let image = try PDFRasterizer().rasterize(pdf: try makePDF(), dpi: 144)
        XCTAssertEqual(image.size, ImageSize(width: 144, height: 72))
    }

    func testMissingExecutableIsAClearError() throws {
        let pdf = try makePDF()
        XCTAssertThrowsError(try PDFRasterizer(executable: "/nonexistent/pdftoppm").rasterize(pdf: pdf, dpi: 72)) { error in
            XCTAssertEqual(error as? ImageComparisonError, .rasteriserMissing(executable: "/nonexistent/pdftoppm"))
            XCTAssertTrue("\(error)".contains("poppler-utils"))
        }
        XCTAssertThrowsError(try PDFRasterizer(executable: "no-such-pdftoppm-xyz").rasterize(pdf: pdf, dpi: 72))
    }

    func testNonPDFInputReportsPdftoppmFailure() throws {
        let url = try Drawing.temporaryDirectory().appendingPathComponent("fake.pdf")
        try Data("this is not a PDF".utf8).write(to: url)
        XCTAssertThrowsError(try PDFRasterizer().rasterize(pdf: url, dpi: 72)) { error in
            guard case .rasterisationFailed(let pdf, _)? = error as? ImageComparisonError else {
                return XCTFail("expected rasterisationFailed, got \(error)")
            }
            XCTAssertEqual(pdf, url.path)
        }
    }

    func testMissingPDFAndBadDPI() throws {
        XCTAssertThrowsError(try PDFRasterizer().rasterize(pdf: URL(fileURLWithPath: "/nonexistent.pdf"), dpi: 72)) { error in
            XCTAssertEqual(error as? ImageComparisonError, .fileNotFound(path: "/nonexistent.pdf"))
        }
        XCTAssertThrowsError(try PDFRasterizer().rasterize(pdf: try makePDF(), dpi: 0)) { error in
            XCTAssertEqual(error as? ImageComparisonError, .invalidDPI(0))
        }
    }
}
