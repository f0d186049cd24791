/// Checks the chunk layout of PNG bytes (PNG spec §5: length, type, data, CRC-32; IHDR first, IDAT, IEND last)
/// so a damaged file gets a precise message — Cairo 1.16 reports every libpng failure as "out of memory".
enum PNGStructure {
    /// Throws `truncatedPNG` or `corruptPNG` naming the first problem, `imageTooLarge` when the
    /// IHDR claims more than `maxPixels` pixels; the 8-byte signature must already have been checked.
    static func validate(_ bytes: [UInt8], source: String, maxPixels: Int) throws {
        var offset = 8
        var sawImageData = false
        var isFirst = true
        while true {
            guard offset + 8 <= bytes.count else { throw ImageComparisonError.truncatedPNG(source: source) }
            let length = Int(bigEndianWord(bytes, at: offset))
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            guard length <= Int(Int32.max), bytes[(offset + 4)..<(offset + 8)].allSatisfy(isASCIILetter) else {
                throw corrupt(source, "invalid chunk header at byte \(offset)")
            }
            guard offset + 12 + length <= bytes.count else { throw ImageComparisonError.truncatedPNG(source: source) }
            guard CRC32.checksum(bytes[(offset + 4)..<(offset + 8 + length)]) == bigEndianWord(bytes, at: offset + 8 + length) else {
                throw corrupt(source, "CRC mismatch in \(type) chunk at byte \(offset)")
            }
            if isFirst, type != "IHDR" || length != 13 {
                throw corrupt(source, "first chunk is \(type), not a 13-byte IHDR")
            }
            if isFirst {
                // IHDR data: width and height as big-endian UInt32 (PNG spec §11.2.2), read before any decoding.
                let width = Int(bigEndianWord(bytes, at: offset + 8)), height = Int(bigEndianWord(bytes, at: offset + 12))
                guard width > 0, height > 0 else { throw corrupt(source, "IHDR size \(width) × \(height)") }
                guard width <= maxPixels / height else {
                    throw ImageComparisonError.imageTooLarge(source: source, width: width, height: height, limit: maxPixels)
                }
            }
            isFirst = false
            if type == "IDAT" { sawImageData = true }
            if type == "IEND" {
                guard sawImageData else { throw corrupt(source, "no IDAT image data before IEND") }
                return
            }
            offset += 12 + length
        }
    }

    private static func corrupt(_ source: String, _ detail: String) -> ImageComparisonError {
        .corruptPNG(source: source, detail: detail)
    }

    private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

/// CRC-32 as used by PNG (ISO 3309, reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    /// The CRC-32 of `bytes`.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
