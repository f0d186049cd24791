import FileOutput
import Foundation

/// Atomic file writes for reports and references, failing as `ImageComparisonError.writeFailed`.
enum AtomicFile {
    /// Writes `data` to `url`, creating missing parent directories.
    static func write(_ data: Data, to url: URL) throws {
        do { try AtomicFileWriter.write(data, to: url) } catch {
            throw ImageComparisonError.writeFailed(path: error.path, reason: error.reason)
        }
    }

    /// Writes UTF-8 text to `url`.
    static func write(_ text: String, to url: URL) throws { try write(Data(text.utf8), to: url) }

    /// A short human reason for a Foundation file error.
    static func reason(_ error: Error) -> String { AtomicFileWriter.reason(error) }
}
