import Foundation

/// Everything that can go wrong while loading, writing, rasterising or checking images; each case reads as one line naming the file or value.
public enum ImageComparisonError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but could not be read (permissions, a directory, I/O error).
    case unreadable(path: String, reason: String)
    /// The bytes do not start with the 8-byte PNG signature.
    case notPNG(source: String)
    /// The PNG stream ends before the image is complete.
    case truncatedPNG(source: String)
    /// The PNG starts correctly but cannot be decoded (bad CRC, bad chunk, unsupported data).
    case corruptPNG(source: String, detail: String)
    /// Writing a file (or encoding a PNG) failed.
    case writeFailed(path: String, reason: String)
    /// A pixel buffer whose length is not width × height × 4, or a non-positive size.
    case invalidPixelBuffer(width: Int, height: Int, byteCount: Int)
    /// `pdftoppm` (poppler-utils) is not on PATH or not executable.
    case rasteriserMissing(executable: String)
    /// `pdftoppm` ran but failed or produced no image.
    case rasterisationFailed(pdf: String, reason: String)
    /// A dpi outside 1...4800.
    case invalidDPI(Int)
    /// A record mode that is not one of `RecordMode.allCases`; `origin` is the flag or variable it came from.
    case invalidRecordMode(value: String, origin: String)
    /// A check mode that is not one of `CheckMode.allCases`.
    case invalidCheckMode(String)
    /// A PNG whose header claims more pixels than the decoder accepts (checked before decoding).
    case imageTooLarge(source: String, width: Int, height: Int, limit: Int)
    /// A tolerance parameter outside its allowed range.
    case invalidTolerance(parameter: String, value: String, allowed: String)
    /// A panel id that cannot be used as a file name.
    case invalidPanelID(String)
    /// A reference check that did not pass (thrown by `assertMatchesReference`).
    case referenceMismatch(name: String, message: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): file not found"
        case .unreadable(let path, let reason):
            return "\(path): cannot read file (\(reason))"
        case .notPNG(let source):
            return "\(source): not a PNG file (missing PNG signature)"
        case .truncatedPNG(let source):
            return "\(source): truncated PNG (data ends before the image is complete)"
        case .corruptPNG(let source, let detail):
            return "\(source): corrupt PNG (\(detail))"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write file (\(reason))"
        case .invalidPixelBuffer(let width, let height, let byteCount):
            return "invalid RGBA buffer: \(byteCount) bytes for \(width)×\(height) px "
                + "(need width, height ≥ 1 and exactly width × height × 4 bytes)"
        case .rasteriserMissing(let executable):
            return "'\(executable)' not found on PATH: install poppler-utils to rasterise PDFs"
        case .rasterisationFailed(let pdf, let reason):
            return "\(pdf): pdftoppm failed (\(reason))"
        case .invalidDPI(let dpi):
            return "invalid dpi \(dpi): allowed 1...4800"
        case .invalidRecordMode(let value, let origin):
            let allowed = RecordMode.allCases.map(\.rawValue).joined(separator: ", ")
            return "invalid record mode '\(value)' (from \(origin)); allowed: \(allowed)"
        case .invalidCheckMode(let value):
            return "invalid --mode '\(value)'; allowed: \(CheckMode.allCases.map(\.rawValue).joined(separator: ", "))"
        case .imageTooLarge(let source, let width, let height, let limit):
            return "\(source): PNG of \(width) × \(height) px exceeds the limit of \(limit) pixels (not decoded)"
        case .invalidTolerance(let parameter, let value, let allowed):
            return "invalid \(parameter) '\(value)'; allowed: \(allowed)"
        case .invalidPanelID(let id):
            return "invalid panel id '\(id)': must be non-empty, without '/', not starting with '.'"
        case .referenceMismatch(let name, let message):
            return "\(name): \(message)"
        }
    }
}
