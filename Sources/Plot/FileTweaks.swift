import Foundation

/// PNG chunk editing: the physical resolution (pHYs) that Cairo does not write.
enum PNGChunks {
    /// The PNG with a pHYs chunk (pixels per metre = dpi / 0.0254, unit metre) right after IHDR,
    /// so that other programs open a 300 dpi figure at its size in inches. Unchanged if not a PNG.
    static func withPhysicalDPI(_ png: Data, dpi: Double) -> Data {
        let bytes = [UInt8](png)
        // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC) = 33 bytes.
        guard bytes.count > 33, bytes[12..<16].elementsEqual("IHDR".utf8), dpi > 0, dpi.isFinite,
              !contains(bytes, type: "pHYs") else { return png }
        let perMetre = UInt32(min(Double(UInt32.max), (dpi / 0.0254).rounded()))
        var body = [UInt8]("pHYs".utf8)
        for _ in 0..<2 { body += bigEndian(perMetre) }
        body.append(1)
        var chunk = bigEndian(9) + body
        chunk += bigEndian(crc32(body))
        return Data(bytes[0..<33] + chunk + bytes[33...])
    }

    /// The pixels-per-metre pair of the pHYs chunk, if any (for tests and checks).
    static func physicalPixelsPerMetre(_ png: Data) -> (x: UInt32, y: UInt32, unit: UInt8)? {
        let bytes = [UInt8](png)
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(readUInt32(bytes, offset))
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            if type == "pHYs", length == 9, offset + 17 <= bytes.count {
                return (readUInt32(bytes, offset + 8), readUInt32(bytes, offset + 12), bytes[offset + 16])
            }
            offset += 12 + length
        }
        return nil
    }

    private static func contains(_ bytes: [UInt8], type: String) -> Bool {
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(readUInt32(bytes, offset))
            if bytes[(offset + 4)..<(offset + 8)].elementsEqual(type.utf8) { return true }
            offset += 12 + length
        }
        return false
    }

    private static func readUInt32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)] }

    /// CRC-32 (ISO 3309, polynomial 0xEDB88320) over chunk type and data, as PNG requires.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xffff_ffff
    }
}

/// SVG editing: heatmap and colour-bar images drawn cell by cell, not smoothed by the viewer.
enum SVGImages {
    /// The SVG with every `<image` asking for nearest-neighbour scaling (CSS `image-rendering`:
    /// `pixelated` for Chromium, `crisp-edges` for Firefox; Cairo 1.16 writes no filter hint).
    /// Every image the Plot backend embeds is sampled nearest-neighbour, so all of them get it.
    static func crisp(_ svg: Data) -> Data {
        guard let text = String(data: svg, encoding: .utf8), text.contains("<image ") else { return svg }
        let style = "image-rendering:optimizeSpeed;image-rendering:crisp-edges;image-rendering:pixelated"
        var pieces = text.components(separatedBy: "<image ")
        for i in pieces.indices.dropFirst() {
            let tag = pieces[i].prefix { $0 != ">" }
            if !tag.contains("image-rendering") && !tag.contains("style=") { pieces[i] = "style=\"\(style)\" " + pieces[i] }
        }
        return Data(pieces.joined(separator: "<image ").utf8)
    }
}
