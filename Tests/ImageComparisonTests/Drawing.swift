import CCairo
import Foundation
import ImageComparison
import XCTest

/// Synthetic test images drawn with Cairo on a white background.
enum Drawing {
    /// A width × height image: white, then whatever `body` draws on the Cairo context.
    static func image(width: Int = 200, height: Int = 150, _ body: (OpaquePointer) -> Void) throws -> RGBAImage {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        let context = cairo_create(surface)!
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        body(context)
        cairo_destroy(context)
        return try RGBAImage(cairoImageSurface: surface)
    }

    /// A small "figure": a frame, a sine curve, a filled marker and a text label, all shifted by (dx, dy) px.
    static func figure(dx: Double = 0, dy: Double = 0, width: Int = 200, height: Int = 150) throws -> RGBAImage {
        try image(width: width, height: height) { cr in
            cairo_translate(cr, dx, dy)
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_set_line_width(cr, 1)
            cairo_rectangle(cr, 20.5, 10.5, Double(width) - 40, Double(height) - 40)
            cairo_stroke(cr)
            cairo_set_source_rgb(cr, 0.12, 0.47, 0.71)
            cairo_set_line_width(cr, 1.5)
            for step in 0...160 {
                let x = 20 + Double(step) * Double(width - 40) / 160
                let y = Double(height) / 2 - 30 * sin(Double(step) / 160 * 2 * .pi)
                if step == 0 { cairo_move_to(cr, x, y) } else { cairo_line_to(cr, x, y) }
            }
            cairo_stroke(cr)
            cairo_set_source_rgb(cr, 0.84, 0.15, 0.16)
            cairo_arc(cr, Double(width) * 0.7, Double(height) * 0.35, 6, 0, 2 * .pi)
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
            cairo_set_font_size(cr, 11)
            cairo_move_to(cr, 24, Double(height) - 12)
            cairo_show_text(cr, "t (ms)")
        }
    }

    /// A horizontal gradient through `colours` (each an RGB triple in 0...1), like a colormap strip.
    static func gradient(_ colours: [(Double, Double, Double)], width: Int = 200, height: Int = 150) throws -> RGBAImage {
        try image(width: width, height: height) { cr in
            let pattern = cairo_pattern_create_linear(0, 0, Double(width), 0)!
            for (index, colour) in colours.enumerated() {
                let offset = Double(index) / Double(colours.count - 1)
                cairo_pattern_add_color_stop_rgb(pattern, offset, colour.0, colour.1, colour.2)
            }
            cairo_set_source(cr, pattern)
            cairo_paint(cr)
            cairo_pattern_destroy(pattern)
        }
    }

    /// A fresh empty directory under the system temporary directory.
    static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("imgcmp-\(safe)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Number of pure-red (255, 0, 0) pixels, the diff colour of real differences.
    static func redPixels(in image: RGBAImage) -> Int {
        var count = 0
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] == RGBAPixel(r: 255, g: 0, b: 0) {
                count += 1
            }
        }
        return count
    }
}
