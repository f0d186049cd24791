import Foundation

/// A 128-bit non-cryptographic hash (two independent 64-bit FNV-1a-style lanes with a final
/// avalanche), stable across runs and machines: cache keys, not security.
public struct StableHash: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    /// An empty hash state.
    public init() {}

    /// Mixes in bytes.
    public mutating func combine<S: Sequence>(bytes: S) where S.Element == UInt8 {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_0129 ^ 0x9e37_79b9_7f4a_7c15
        }
    }

    /// Mixes in a string (UTF-8) followed by a separator, so ("ab","c") ≠ ("a","bc").
    public mutating func combine(_ s: String) { combine(bytes: s.utf8); combine(bytes: [0x1f]) }

    /// Mixes in raw memory quickly, 8 bytes at a time (for large files).
    public mutating func combine(raw: UnsafeRawBufferPointer) {
        var i = 0
        while i + 8 <= raw.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            a = (a ^ w) &* 0x0000_0100_0000_01b3
            b = (b ^ (w &+ 0x9e37_79b9_7f4a_7c15)) &* 0xff51_afd7_ed55_8ccd
            i += 8
        }
        combine(bytes: UnsafeRawBufferPointer(rebasing: raw[i...]))
    }

    /// 32 hex digits.
    public var hex: String {
        func mix(_ x: UInt64) -> UInt64 {
            var z = x
            z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
            z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
            return z ^ (z >> 33)
        }
        return String(format: "%016llx%016llx", mix(a ^ (b << 1)), mix(b ^ (a >> 1)))
    }
}

/// The version of the code that computed a figure's data: the tool version plus a hash of the
/// running executable, so any rebuild with changed code invalidates the cache.
public enum CodeVersion {
    /// The tool's release version.
    public static let tool = "0.1.0"

    /// `tool` + "+" + the executable's hash (computed once per process).
    public static let current: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        guard let data = try? Data(contentsOf: exe, options: .alwaysMapped) else { return tool }
        var h = StableHash()
        data.withUnsafeBytes { h.combine(raw: $0) }
        return tool + "+" + String(h.hex.prefix(12))
    }()
}
