import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
            try writeNew(data, to: temporary)
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

    /// Writes several files as one: every file is first written in full to a temporary file, and
    /// only when all of them are written are they renamed into place, so a failure (a full disk)
    /// leaves every old file as it was, never a new file beside an old companion (a PNG and its sidecar).
    public static func write(all files: [(data: Data, url: URL)]) throws(FileWriteError) {
        var staged: [(temporary: URL, url: URL)] = []
        func discard() { for s in staged { try? FileManager.default.removeItem(at: s.temporary) } }
        for file in files {
            let directory = file.url.deletingLastPathComponent()
            let temporary = directory.appendingPathComponent(".\(file.url.lastPathComponent).\(UUID().uuidString.prefix(12)).tmp")
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try writeNew(file.data, to: temporary)
                staged.append((temporary, file.url))
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                discard()
                throw FileWriteError(path: file.url.path, reason: reason(error))
            }
        }
        for (k, s) in staged.enumerated() where rename(s.temporary.path, s.url.path) != 0 {
            let why = String(cString: strerror(errno))
            for rest in staged[k...] { try? FileManager.default.removeItem(at: rest.temporary) }
            throw FileWriteError(path: s.url.path, reason: why)
        }
    }

    /// Writes UTF-8 `text` to `url`.
    public static func write(_ text: String, to url: URL) throws(FileWriteError) { try write(Data(text.utf8), to: url) }

    /// Writes `data` to a new file with POSIX calls, so a failure keeps the system's reason
    /// ("No space left on device", "File too large") instead of a generic Foundation code.
    static func writeNew(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard fd >= 0 else { throw POSIXFailure(code: errno) }
        var failure: Int32? = nil
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0, failure == nil { failure = errno }
        if let failure { throw POSIXFailure(code: failure) }
    }

    /// A failed system call's errno.
    struct POSIXFailure: Error { let code: Int32 }

    /// A short human reason for a Foundation file error (the POSIX message when there is one).
    public static func reason(_ error: Error) -> String {
        if let posix = error as? POSIXFailure { return String(cString: strerror(posix.code)) }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
