import CCairo
import Foundation

/// The ink box of one drawn text on the page, in points (origin top-left, y down).
public struct TextBox: Sendable, Equatable {
    /// The text (Pango markup) drawn.
    public var text: String
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width.
    public var width: Double
    /// Height.
    public var height: Double
    /// Visible part when the text lies inside a clipped axes box (nil: not clipped).
    public var clippedTo: (x: Double, y: Double, width: Double, height: Double)? {
        get { clip.map { ($0.x, $0.y, $0.width, $0.height) } }
        set { clip = newValue.map { Rect(x: $0.x, y: $0.y, width: $0.width, height: $0.height) } }
    }
    var clip: Rect?

    /// How far this box and `other` overlap along x and along y (both > 0: they overlap).
    public func overlap(with other: TextBox) -> (x: Double, y: Double) {
        (min(x + width, other.x + other.width) - max(x, other.x), min(y + height, other.y + other.height) - max(y, other.y))
    }

    public static func == (a: TextBox, b: TextBox) -> Bool {
        a.text == b.text && a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height && a.clip == b.clip
    }
}

/// Collects text boxes as the renderer draws.
final class TextRecorder {
    private(set) var boxes: [TextBox] = []
    let page: Rect

    init(page: Rect) { self.page = page }

    func add(_ markup: String, ink: TextExtents, x: Double, y: Double, angle: Double, on cr: OpaquePointer) {
        // Corners of the ink box in layout space, rotated by `angle` about the origin (x, y).
        let corners = [(ink.inkX, ink.inkY), (ink.inkX + ink.inkWidth, ink.inkY),
                       (ink.inkX, ink.inkY + ink.inkHeight), (ink.inkX + ink.inkWidth, ink.inkY + ink.inkHeight)]
        let c = cos(-angle), s = sin(-angle)
        let points = corners.map { (x + $0.0 * c - $0.1 * s, y + $0.0 * s + $0.1 * c) }
        let minX = points.map(\.0).min()!, maxX = points.map(\.0).max()!, minY = points.map(\.1).min()!, maxY = points.map(\.1).max()!
        var box = TextBox(text: markup, x: minX, y: minY, width: maxX - minX, height: maxY - minY)
        box.clip = clipBox(cr, within: page)
        boxes.append(box)
    }
}

/// The bounding box of `cr`'s current clip in device space (the page's points), or nil when it
/// covers all of `page` (text outside any axes box).
func clipBox(_ cr: OpaquePointer, within page: Rect) -> Rect? {
    var x1 = 0.0, y1 = 0.0, x2 = 0.0, y2 = 0.0
    cairo_clip_extents(cr, &x1, &y1, &x2, &y2)
    var xs: [Double] = [], ys: [Double] = []
    for (x, y) in [(x1, y1), (x2, y1), (x1, y2), (x2, y2)] {
        var dx = x, dy = y
        cairo_user_to_device(cr, &dx, &dy)
        xs.append(dx); ys.append(dy)
    }
    let box = Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    let covers = box.minX <= page.minX + 0.01 && box.minY <= page.minY + 0.01 && box.maxX >= page.maxX - 0.01 && box.maxY >= page.maxY - 0.01
    return covers ? nil : box
}

extension Figure {
    /// The ink box of every text the figure draws under `style` (tick and axis labels, legends,
    /// colour bars, panel labels, annotations), for layout checks: inside the page, not overlapping.
    public func textBoxes(style: Style) throws -> [TextBox] {
        let renderer = Renderer(style: style)
        let page = try renderer.pageSize(self)
        let recorder = TextRecorder(page: Rect(x: 0, y: 0, width: page.width, height: page.height))
        renderer.text.recorder = recorder
        var extents = cairo_rectangle_t(x: 0, y: 0, width: page.width, height: page.height)
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        try renderer.draw(self, page: page, on: cr)
        return recorder.boxes
    }
}
