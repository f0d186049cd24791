import CCairo
import Foundation

/// Measured extents of a piece of text, in points, relative to the layout origin (top-left of the logical box).
struct TextExtents {
    /// Ink box (the drawn glyphs).
    var inkX: Double, inkY: Double, inkWidth: Double, inkHeight: Double
    /// Logical box (advance widths, font ascent + descent).
    var logicalWidth: Double, logicalHeight: Double
    /// Baseline below the layout origin.
    var baseline: Double
    /// Ink above the baseline.
    var ascent: Double { baseline - inkY }
    /// Ink below the baseline.
    var descent: Double { inkY + inkHeight - baseline }
}

/// Pango text layout and drawing with pinned font options (no hinting, no metric hinting, grey AA),
/// so text measures the same at every resolution and in every output format.
final class TextEngine {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    let family: String
    /// The family list Pango gets: the pinned family, then the fallbacks for missing glyphs.
    private let familyList: String
    /// Collects the ink box of every text drawn (layout checks), when set.
    var recorder: TextRecorder?
    /// Takes the text as SVG `<text>` elements instead of drawing glyphs, when set.
    var svgText: SVGTextCollector?

    init(family: String, fallback: [String] = []) {
        self.family = family
        familyList = ([family] + fallback).joined(separator: ",")
        fontMap = pango_cairo_font_map_new()
        context = pango_font_map_create_context(fontMap)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT)
        pango_cairo_context_set_font_options(contextPointer, options)
        cairo_font_options_destroy(options)
        pango_cairo_context_set_resolution(contextPointer, 72)
        pango_context_set_round_glyph_positions(contextPointer, 0)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    private var contextPointer: OpaquePointer { context }

    /// The family fontconfig actually uses for the requested one.
    func resolvedFamily() -> String {
        let description = pango_font_description_new()
        defer { pango_font_description_free(description) }
        pango_font_description_set_family(description, family)
        pango_font_description_set_size(description, 10 * PANGO_SCALE)
        guard let font = pango_font_map_load_font(fontMap, context, description) else { return "" }
        defer { g_object_unref(font) }
        let actual = pango_font_describe(font)
        defer { pango_font_description_free(actual) }
        return pango_font_description_get_family(actual).map { String(cString: $0) } ?? ""
    }

    /// Checks that `markup` is valid Pango markup.
    static func validate(_ markup: String) throws {
        var error: UnsafeMutablePointer<GError>?
        let ok = pango_parse_markup(markup, -1, 0, nil, nil, nil, &error)
        if ok == 0 {
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "parse error"
            if let error { g_error_free(error) }
            throw PlotError.invalidMarkup(text: markup, problem: message)
        }
    }

    /// A Pango layout for markup at `size` points (caller releases with `g_object_unref`).
    private func makeLayout(_ markup: String, size: Double, bold: Bool) -> OpaquePointer {
        let layout: OpaquePointer = pango_layout_new(contextPointer)
        let description = pango_font_description_new()
        pango_font_description_set_family(description, familyList)
        pango_font_description_set_size(description, Int32((size * Double(PANGO_SCALE)).rounded()))
        pango_font_description_set_weight(description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_layout_set_font_description(layout, description)
        // The context's description is the base that markup's relative sizes (<sup>, <sub>,
        // smaller) scale from; without it they scale from Pango's default size.
        pango_context_set_font_description(context, description)
        pango_layout_context_changed(layout)
        pango_font_description_free(description)
        pango_layout_set_markup(layout, Self.scriptsAsSpans(markup, size: size), -1)
        return layout
    }

    /// Replaces <sup>/<sub> by spans with an explicit scale and rise: Pango's own tags size
    /// scripts from the font's OS/2 superscript metrics, which CMU fonts set far too large.
    static func scriptsAsSpans(_ markup: String, size: Double) -> String {
        guard markup.contains("<su") else { return markup }
        let up = Int((0.36 * size * Double(PANGO_SCALE)).rounded())
        let down = Int((-0.18 * size * Double(PANGO_SCALE)).rounded())
        return markup
            .replacingOccurrences(of: "<sup>", with: "<span size=\"72%\" rise=\"\(up)\">")
            .replacingOccurrences(of: "<sub>", with: "<span size=\"72%\" rise=\"\(down)\">")
            .replacingOccurrences(of: "</sup>", with: "</span>")
            .replacingOccurrences(of: "</sub>", with: "</span>")
    }

    /// A laid-out text with the hand-placed accents it needs (origin-relative, points).
    private struct Prepared {
        var layout: OpaquePointer
        var accents: [(markup: String, size: Double, x: Double, y: Double, ink: TextExtents)]
    }

    private func prepare(_ markup: String, size: Double, bold: Bool) -> Prepared {
        let (text, requests) = Accents.prepare(markup)
        let layout = makeLayout(text, size: size, bold: bold)
        guard !requests.isEmpty else { return Prepared(layout: layout, accents: []) }
        let baseline = Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
        var accents: [(String, Double, Double, Double, TextExtents)] = []
        for request in requests {
            var position = PangoRectangle()
            pango_layout_index_to_pos(layout, Int32(request.byteIndex), &position)
            let letterSize = size * request.scale
            let baseMarkup = request.italic ? "<i>\(request.base)</i>" : request.base
            let base = measure(baseMarkup, size: letterSize, bold: bold)
            let accent = measure(request.spacing, size: letterSize, bold: bold)
            // Italic letters lean right: the top of the glyph sits about tan(14°) × height right of its foot.
            let lean = request.italic ? 0.25 * base.ascent / 2 : 0
            let centreX = Double(position.x) / Double(PANGO_SCALE) + base.inkX + base.inkWidth / 2 + lean
            let gap = 0.08 * letterSize
            let accentBottom = baseline - base.ascent - gap
            let x = centreX - (accent.inkX + accent.inkWidth / 2)
            let y = accentBottom - (accent.inkY + accent.inkHeight)
            accents.append((request.spacing, letterSize, x, y, accent))
        }
        return Prepared(layout: layout, accents: accents.map { (markup: $0.0, size: $0.1, x: $0.2, y: $0.3, ink: $0.4) })
    }

    /// Extents of `markup` at `size` points (hand-placed accents included in the ink box).
    func measure(_ markup: String, size: Double, bold: Bool = false) -> TextExtents {
        let prepared = prepare(markup, size: size, bold: bold)
        defer { g_object_unref(UnsafeMutableRawPointer(prepared.layout)) }
        var result = extents(prepared.layout)
        for accent in prepared.accents {
            let left = min(result.inkX, accent.x + accent.ink.inkX)
            let top = min(result.inkY, accent.y + accent.ink.inkY)
            let right = max(result.inkX + result.inkWidth, accent.x + accent.ink.inkX + accent.ink.inkWidth)
            let bottom = max(result.inkY + result.inkHeight, accent.y + accent.ink.inkY + accent.ink.inkHeight)
            result.inkX = left; result.inkY = top
            result.inkWidth = right - left; result.inkHeight = bottom - top
        }
        return result
    }

    private func extents(_ layout: OpaquePointer) -> TextExtents {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let scale = Double(PANGO_SCALE)
        return TextExtents(
            inkX: Double(ink.x) / scale, inkY: Double(ink.y) / scale,
            inkWidth: Double(ink.width) / scale, inkHeight: Double(ink.height) / scale,
            logicalWidth: Double(logical.width) / scale, logicalHeight: Double(logical.height) / scale,
            baseline: Double(pango_layout_get_baseline(layout)) / scale)
    }

    /// Draws `markup` with its layout origin at (x, y), rotated by `angle` (radians, counter-clockwise on the page).
    func draw(_ markup: String, size: Double, bold: Bool = false, color: Color,
              originX x: Double, originY y: Double, angle: Double = 0, on cr: OpaquePointer) {
        if let recorder { recorder.add(markup, ink: measure(markup, size: size, bold: bold), x: x, y: y, angle: angle, on: cr) }
        let prepared = prepare(markup, size: size, bold: bold)
        defer { g_object_unref(UnsafeMutableRawPointer(prepared.layout)) }
        cairo_save(cr)
        cairo_translate(cr, x, y)
        if angle != 0 { cairo_rotate(cr, -angle) }
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
        show(prepared.layout, color: color, on: cr)
        for accent in prepared.accents {
            let layout = makeLayout(accent.markup, size: accent.size, bold: bold)
            cairo_save(cr)
            cairo_translate(cr, accent.x, accent.y)
            show(layout, color: color, on: cr)
            cairo_restore(cr)
            g_object_unref(UnsafeMutableRawPointer(layout))
        }
        cairo_restore(cr)
    }

    /// Draws a layout with its origin at the user-space origin (or hands it to `svgText`).
    private func show(_ layout: OpaquePointer, color: Color, on cr: OpaquePointer) {
        pango_cairo_update_layout(cr, layout)
        if let svgText { return svgText.add(layout, color: color, on: cr) }
        cairo_move_to(cr, 0, 0)
        pango_cairo_show_layout(cr, layout)
    }
}
