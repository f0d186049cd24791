import Foundation

/// A file that could not be written: the path and the operating system's reason.
public struct FileWriteError: Error, CustomStringConvertible, Equatable {
    /// The destination path.
    public let path: String
    /// Why, in the system's words ("Permission denied", "No space left on device").
    public let reason: String

    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes files all at once: a temporary file in the destination's directory, then a rename, so
/// a reader never sees half a file and a failed write never replaces a good one.
public enum AtomicFileWriter {
    /// Writes `data` to `url`, creating missing parent directories.
    public static func write(_ data: Data, to url: URL) throws(FileWriteError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(12)).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw FileWriteError(path: url.path, reason: reason(error))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let why = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FileWriteError(path: url.path, reason: why)
        }
    }

    /// Writes UTF-8 `text` to `url`.
    public static func write(_ text: String, to url: URL) throws(FileWriteError) { try write(Data(text.utf8), to: url) }

    /// A short human reason for a Foundation file error (the POSIX message when there is one).
    public static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
