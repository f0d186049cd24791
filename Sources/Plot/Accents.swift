import Foundation

/// A combining accent that is drawn by hand over its base letter.
///
/// Fonts without mark-attachment anchors for a base (CMU Serif has none for Greek capitals, so
/// "Δ̃" puts the tilde on the next glyph) misplace combining marks. The mark stays in the text
/// (invisible, so PDF text still reads "Δ̃") and a spacing accent is drawn centred over the base.
struct AccentRequest: Equatable {
    /// UTF-8 byte index of the base letter in the layout's plain text.
    var byteIndex: Int
    /// The base letter.
    var base: String
    /// The spacing form of the accent (e.g. U+02DC SMALL TILDE for U+0303).
    var spacing: String
    var italic: Bool
    /// Size factor of the surrounding text (inside <sup>/<sub>: 0.72).
    var scale: Double
}

enum Accents {
    /// Spacing forms of the combining marks handled by hand.
    static let spacingForms: [UInt32: String] = [
        0x0300: "\u{60}", 0x0301: "\u{B4}", 0x0302: "\u{2C6}", 0x0303: "\u{2DC}", 0x0304: "\u{AF}",
        0x0306: "\u{2D8}", 0x0307: "\u{2D9}", 0x0308: "\u{A8}", 0x030C: "\u{2C7}",
    ]

    /// Markup with handled marks made invisible, and where to draw their spacing forms.
    static func prepare(_ markup: String) -> (markup: String, accents: [AccentRequest]) {
        guard markup.unicodeScalars.contains(where: { spacingForms[$0.value] != nil }) else { return (markup, []) }
        var output = ""
        var accents: [AccentRequest] = []
        var plainBytes = 0
        var italicDepth = 0, scriptDepth = 0
        var index = markup.startIndex
        while index < markup.endIndex {
            let character = markup[index]
            if character == "<", let close = markup[index...].firstIndex(of: ">") {
                let tag = String(markup[index...close])
                output += tag
                switch tag {
                case "<i>": italicDepth += 1
                case "</i>": italicDepth -= 1
                case "<sup>", "<sub>": scriptDepth += 1
                case "</sup>", "</sub>": scriptDepth -= 1
                default: break
                }
                index = markup.index(after: close)
                continue
            }
            if character == "&", let semicolon = markup[index...].firstIndex(of: ";") {
                let entity = String(markup[index...semicolon])
                output += entity
                plainBytes += entityByteCount(entity)
                index = markup.index(after: semicolon)
                continue
            }
            let scalars = Array(character.unicodeScalars)
            if scalars.count >= 2, let spacing = spacingForms[scalars[1].value] {
                let base = String(String.UnicodeScalarView([scalars[0]]))
                let marks = String(String.UnicodeScalarView(scalars.dropFirst()))
                accents.append(AccentRequest(byteIndex: plainBytes, base: base, spacing: spacing,
                                             italic: italicDepth > 0, scale: scriptDepth > 0 ? 0.72 : 1))
                output += base + "<span fgalpha=\"1\">" + marks + "</span>"
            } else {
                output.append(character)
            }
            plainBytes += character.utf8.count
            index = markup.index(after: index)
        }
        return (output, accents)
    }

    /// UTF-8 length of the character an entity stands for.
    private static func entityByteCount(_ entity: String) -> Int {
        let body = entity.dropFirst().dropLast()
        if body.hasPrefix("#x"), let value = UInt32(body.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
            return String(Character(scalar)).utf8.count
        }
        if body.hasPrefix("#"), let value = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(value) {
            return String(Character(scalar)).utf8.count
        }
        return 1
    }
}
