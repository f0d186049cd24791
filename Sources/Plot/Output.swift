import CCairo
import FileOutput
import Foundation

/// Output file formats.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Portable Network Graphics raster at the style's (or the given) dpi, with a pHYs chunk.
    case png
    /// PDF vector page (text as outlines, fonts embedded by Cairo).
    case pdf
    /// SVG vector page (text as paths, or as `<text>`: ``SVGTextMode``).
    case svg

    /// The format for a file name's extension (nil when not png/pdf/svg).
    public init?(path: String) {
        self.init(rawValue: (path as NSString).pathExtension.lowercased())
    }
}

/// A rendered raster: premultiplied ARGB32 pixels, row-major, `width` × `height`.
public struct RasterImage: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Pixels as 0xAARRGGBB (premultiplied alpha), row 0 at the top.
    public var pixels: [UInt32]

    /// The pixel at column x, row y (row 0 at the top).
    public func pixel(x: Int, y: Int) -> UInt32 { pixels[y * width + x] }

    /// The colour at column x, row y (alpha-divided).
    public func color(x: Int, y: Int) -> Color {
        let p = pixel(x: x, y: y)
        let a = Double(p >> 24) / 255
        guard a > 0 else { return .clear }
        return Color(red: Double((p >> 16) & 0xff) / 255 / a, green: Double((p >> 8) & 0xff) / 255 / a,
                     blue: Double(p & 0xff) / 255 / a, alpha: a)
    }
}

/// Fixed date for PDF metadata when no date is given (reproducible output).
private let fixedPDFDate = "2000-01-01T00:00:00Z"

extension Figure {
    /// Page size in points under `style` (width, height).
    public func pageSize(style: Style) throws -> (width: Double, height: Double) {
        try Renderer(style: style).pageSize(self)
    }

    /// Renders to the bytes of a PNG, PDF or SVG file (`dpi` only matters for PNG; nil: the style's
    /// dpi). `date` is the PDF's CreationDate/ModDate (nil: 2000-01-01, so that equal figures give
    /// equal files; the `wgmfig` tool passes `SOURCE_DATE_EPOCH` when set).
    /// `svgText` says how an SVG carries its text (outlines by default; see ``SVGTextMode``).
    public func render(style: Style, format: OutputFormat, dpi: Double? = nil, date: Date? = nil,
                       svgText: SVGTextMode = .paths) throws -> Data {
        switch format {
        case .png: return try pngData(style: style, dpi: dpi)
        case .pdf: return try vectorData(style: style, format: .pdf, date: date, svgText: .paths)
        case .svg: return try vectorData(style: style, format: .svg, date: date, svgText: svgText)
        }
    }

    /// Renders to PNG bytes in memory at `dpi` (nil: the style's dpi); pixel size = inches × dpi, rounded.
    public func pngData(style: Style, dpi: Double? = nil) throws -> Data {
        let surface = try rasterSurface(style: style, dpi: dpi)
        defer { cairo_surface_destroy(surface) }
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, byteSinkWrite, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.output(path: "(memory)", problem: String(cString: cairo_status_to_string(status)))
        }
        return PNGChunks.withPhysicalDPI(sink.data, dpi: dpi ?? style.dpi)
    }

    /// Renders to pixels in memory at `dpi` (nil: the style's dpi).
    public func rasterize(style: Style, dpi: Double? = nil) throws -> RasterImage {
        let surface = try rasterSurface(style: style, dpi: dpi)
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        var pixels = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels[y * width + x] = row[x] }
        }
        return RasterImage(width: width, height: height, pixels: pixels)
    }

    /// Writes the figure to `path` (format from the extension unless given) via a temporary file and a rename.
    public func write(to path: String, style: Style, format: OutputFormat? = nil, dpi: Double? = nil) throws {
        guard let format = format ?? OutputFormat(path: path) else {
            throw PlotError.invalidValue(what: "output file extension", value: (path as NSString).pathExtension, allowed: "png, pdf, svg")
        }
        let data = try render(style: style, format: format, dpi: dpi)
        try writeAtomically(data, to: path)
    }

    private func rasterSurface(style: Style, dpi: Double?) throws -> OpaquePointer {
        let dpi = dpi ?? style.dpi
        try RenderLimits.check(dpi: dpi)
        let renderer = Renderer(style: style)
        let page = try renderer.pageSize(self)
        let width = max(1, Int((page.width / 72 * dpi).rounded())), height = max(1, Int((page.height / 72 * dpi).rounded()))
        try RenderLimits.check(pixels: width, height, dpi: dpi)
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_scale(cr, Double(width) / page.width, Double(height) / page.height)
        do {
            try renderer.draw(self, page: page, on: cr)
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        return surface
    }

    private func vectorData(style: Style, format: OutputFormat, date: Date?, svgText: SVGTextMode) throws -> Data {
        let renderer = Renderer(style: style)
        let page = try renderer.pageSize(self)
        let texts = svgText == .text ? SVGTextCollector(page: Rect(x: 0, y: 0, width: page.width, height: page.height)) : nil
        renderer.text.svgText = texts
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let surface: OpaquePointer
        if format == .pdf {
            surface = cairo_pdf_surface_create_for_stream(byteSinkWrite, closure, page.width, page.height)
            let stamp = pdfDate(date)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "wgmfig Plot")
            if let title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        } else {
            surface = cairo_svg_surface_create_for_stream(byteSinkWrite, closure, page.width, page.height)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
        }
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        do {
            try renderer.draw(self, page: page, on: cr)
        } catch {
            cairo_destroy(cr)
            throw error
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.output(path: "(memory)", problem: String(cString: cairo_status_to_string(status)))
        }
        guard format == .svg else { return sink.data }
        let svg = SVGIdentifiers.renumber(SVGImages.crisp(sink.data))
        return texts?.insert(into: svg) ?? svg
    }
}

/// `date` as ISO 8601 in UTC, else the fixed date.
func pdfDate(_ date: Date?) -> String {
    guard let date else { return fixedPDFDate }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}

/// Collects bytes written by Cairo's stream callbacks.
final class ByteSink {
    var data = Data()
}

/// Cairo write callback appending to the `ByteSink` passed as closure.
let byteSinkWrite: cairo_write_func_t = { closure, bytes, length in
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
}

/// Writes data to a temporary file in the destination's directory, then renames it into place.
func writeAtomically(_ data: Data, to path: String) throws {
    do { try AtomicFileWriter.write(data, to: URL(fileURLWithPath: path)) } catch {
        throw PlotError.output(path: path, problem: error.reason)
    }
}
