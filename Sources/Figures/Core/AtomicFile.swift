import FileOutput
import Foundation

/// Atomic file writes for the figure layer (temporary file + rename), failing as `FigureError.io`.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating the parent directory if needed.
    public static func write(_ data: Data, to url: URL) throws {
        do { try AtomicFileWriter.write(data, to: url) } catch { throw FigureError.io(error.description) }
    }

    /// Writes several files all or nothing (see `AtomicFileWriter.write(all:)`): a file and its sidecar.
    public static func write(all files: [(data: Data, url: URL)]) throws {
        do { try AtomicFileWriter.write(all: files) } catch { throw FigureError.io(error.description) }
    }

    /// Writes UTF-8 `text` to `url` atomically.
    public static func write(_ text: String, to url: URL) throws { try write(Data(text.utf8), to: url) }
}
