import CCairo
import Foundation

/// How an SVG carries its text.
public enum SVGTextMode: String, Sendable, CaseIterable {
    /// Glyph outlines (Cairo's own SVG text): looks the same everywhere, not editable.
    case paths
    /// `<text>` elements, one per Pango run, in the font family Pango chose (editable in
    /// Inkscape or Illustrator; the reader needs the fonts). Each run's `textLength` is the width
    /// Pango laid out, so a viewer with another font still keeps the layout. The text is drawn
    /// above every other element of the page.
    case text
}

/// Collects the text of a page as SVG `<text>` elements while the renderer draws (and draws no
/// glyphs); `insert(into:)` puts them into the finished SVG.
final class SVGTextCollector {
    private(set) var elements: [String] = []
    private var clips: [String] = []
    let page: Rect

    init(page: Rect) { self.page = page }

    /// Adds the runs of `layout`, whose origin is the current point (0, 0) of `cr`'s user space.
    func add(_ layout: OpaquePointer, color: Color, on cr: OpaquePointer) {
        let runs = Self.runs(of: layout)
        guard !runs.isEmpty else { return }
        var m = cairo_matrix_t()
        cairo_get_matrix(cr, &m)
        let transform = "matrix(\(n(m.xx)) \(n(m.yx)) \(n(m.xy)) \(n(m.yy)) \(n(m.x0)) \(n(m.y0)))"
        let clip = clipReference(cr)
        let fill = "rgb(\(channel(color.red)),\(channel(color.green)),\(channel(color.blue)))"
        let opacity = color.alpha < 1 ? " fill-opacity=\"\(n(color.alpha))\"" : ""
        var spans = ""
        for run in runs {
            spans += "<tspan x=\"\(n(run.x))\" y=\"\(n(run.baseline))\" font-family=\"\(Self.escape(run.family))\" "
                + "font-size=\"\(n(run.size))\"" + (run.italic ? " font-style=\"italic\"" : "")
                + (run.bold ? " font-weight=\"bold\"" : "")
                + " textLength=\"\(n(run.width))\" lengthAdjust=\"spacingAndGlyphs\">\(Self.escape(run.text))</tspan>"
        }
        elements.append("<text transform=\"\(transform)\" fill=\"\(fill)\"\(opacity)\(clip) xml:space=\"preserve\">\(spans)</text>")
    }

    /// The SVG with the collected clip paths and texts before its closing `</svg>`.
    func insert(into svg: Data) -> Data {
        guard !elements.isEmpty, var text = String(data: svg, encoding: .utf8),
              let end = text.range(of: "</svg>", options: .backwards) else { return svg }
        let defs = clips.isEmpty ? "" : "<defs>\n" + clips.joined(separator: "\n") + "\n</defs>\n"
        text.insert(contentsOf: "<g id=\"wgmfig-text\">\n" + defs + elements.joined(separator: "\n") + "\n</g>\n", at: end.lowerBound)
        return Data(text.utf8)
    }

    /// ` clip-path="url(#…)"` when `cr` clips to less than the page (text inside an axes box), else "".
    private func clipReference(_ cr: OpaquePointer) -> String {
        guard let box = clipBox(cr, within: page) else { return "" }
        let id = "wgmfig-text-clip-\(clips.count + 1)"
        // Clip coordinates are the page's: the clip path ignores the text's own transform.
        clips.append("<clipPath id=\"\(id)\" clipPathUnits=\"userSpaceOnUse\"><rect x=\"\(n(box.minX))\" y=\"\(n(box.minY))\" "
            + "width=\"\(n(box.width))\" height=\"\(n(box.height))\"/></clipPath>")
        return " clip-path=\"url(#\(id))\""
    }

    /// One Pango run: its text, font and logical position in layout coordinates (points).
    struct Run: Equatable {
        var text: String, family: String, size: Double, italic: Bool, bold: Bool
        var x: Double, baseline: Double, width: Double
    }

    /// The runs of a laid-out text, in order (a font change or a raised script starts a run).
    static func runs(of layout: OpaquePointer) -> [Run] {
        guard let textPointer = pango_layout_get_text(layout) else { return [] }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(textPointer).assumingMemoryBound(to: UInt8.self),
                                              count: strlen(textPointer)))
        let scale = Double(PANGO_SCALE)
        var runs: [Run] = []
        let iter = pango_layout_get_iter(layout)!
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let run = pango_layout_iter_get_run_readonly(iter), let item = run.pointee.item else { continue }
            let offset = Int(item.pointee.offset), length = Int(item.pointee.length)
            guard offset >= 0, length > 0, offset + length <= bytes.count else { continue }
            let text = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            var logical = PangoRectangle()
            pango_layout_iter_get_run_extents(iter, nil, &logical)
            var family = "", size = 0.0, italic = false, bold = false
            if let font = item.pointee.analysis.font, let description = pango_font_describe(font) {
                family = pango_font_description_get_family(description).map { String(cString: $0) } ?? ""
                size = Double(pango_font_description_get_size(description)) / scale
                italic = pango_font_description_get_style(description) != PANGO_STYLE_NORMAL
                bold = pango_font_description_get_weight(description).rawValue >= PANGO_WEIGHT_SEMIBOLD.rawValue
                pango_font_description_free(description)
            }
            runs.append(Run(text: text, family: family, size: size, italic: italic, bold: bold,
                            x: Double(logical.x) / scale, baseline: Double(pango_layout_iter_get_run_baseline(iter)) / scale,
                            width: Double(logical.width) / scale))
        } while pango_layout_iter_next_run(iter) != 0
        return runs
    }

    /// XML text and attribute escaping.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private func n(_ v: Double) -> String {
        let r = (v * 1000).rounded() / 1000
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    private func channel(_ v: Double) -> Int { Int((min(max(v, 0), 1) * 255).rounded()) }
}
