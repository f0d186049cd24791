import Foundation

/// Renumbers the element ids Cairo writes into an SVG (`image14`, `surface7`, `clip3`, …) in
/// order of first definition, per prefix, and every `#id` reference with them. Cairo numbers
/// some of them from process-wide counters, so without this a figure's SVG depended on what
/// else the process had rendered before it (or in parallel with it).
enum SVGIdentifiers {
    /// The SVG with ids `<letters><digits>` renumbered from 1 per prefix; other bytes unchanged.
    static func renumber(_ svg: Data) -> Data {
        let bytes = [UInt8](svg)
        var mapping: [ArraySlice<UInt8>: [UInt8]] = [:]
        var counters: [ArraySlice<UInt8>: Int] = [:]
        let idOpen = Array("id=\"".utf8)
        var i = 0
        while let start = find(idOpen, in: bytes, from: i) {
            let nameStart = start + idOpen.count
            if let (prefixEnd, end) = simpleName(bytes, at: nameStart), end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                let name = bytes[nameStart..<end], prefix = bytes[nameStart..<prefixEnd]
                if mapping[name] == nil {
                    let n = (counters[prefix] ?? 0) + 1
                    counters[prefix] = n
                    mapping[name] = Array(prefix) + Array(String(n).utf8)
                }
                i = end
            } else {
                i = nameStart
            }
        }
        guard !mapping.isEmpty else { return svg }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            // A name is replaced where it is defined (after `id="`) or referenced (after `#`).
            let afterHash = bytes[k] == UInt8(ascii: "#")
            let afterID = !afterHash && k + idOpen.count <= bytes.count && bytes[k..<k + idOpen.count].elementsEqual(idOpen)
            if afterHash || afterID {
                let nameStart = k + (afterHash ? 1 : idOpen.count)
                if let (_, end) = simpleName(bytes, at: nameStart), let new = mapping[bytes[nameStart..<end]] {
                    out.append(contentsOf: bytes[k..<nameStart])
                    out.append(contentsOf: new)
                    k = end
                    continue
                }
            }
            out.append(bytes[k])
            k += 1
        }
        return Data(out)
    }

    /// The end of the letters and the end of the digits of a `<letters><digits>` name at `start`
    /// not followed by another name character (nil when there is no such name).
    private static func simpleName(_ b: [UInt8], at start: Int) -> (prefixEnd: Int, end: Int)? {
        var j = start
        while j < b.count, isLetter(b[j]) { j += 1 }
        let prefixEnd = j
        while j < b.count, isDigit(b[j]) { j += 1 }
        guard prefixEnd > start, j > prefixEnd else { return nil }
        if j < b.count, isLetter(b[j]) || b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "_") { return nil }
        return (prefixEnd, j)
    }

    private static func find(_ needle: [UInt8], in b: [UInt8], from: Int) -> Int? {
        guard needle.count <= b.count else { return nil }
        var j = from
        while j + needle.count <= b.count {
            if b[j] == needle[0], b[j..<j + needle.count].elementsEqual(needle) { return j }
            j += 1
        }
        return nil
    }

    private static func isLetter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
    private static func isDigit(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) }
}
