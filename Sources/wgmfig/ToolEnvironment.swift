import Figures
import Foundation
import ImageComparison

/// What the tool takes from its environment besides threads and styles (the library modules read
/// none of it; they get these as values).
enum ToolEnvironment {
    /// The figure-data cache: `$WGMFIG_CACHE_DIR`, else `$XDG_CACHE_HOME/wgmfig`, else `~/.cache/wgmfig`.
    static var cache: FigureCache {
        FigureCache(directory: FigureCache.defaultDirectory(environment: ProcessInfo.processInfo.environment))
    }

    /// PDF CreationDate/ModDate from `SOURCE_DATE_EPOCH` (reproducible builds), else nil (a fixed date).
    static var pdfDate: Date? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
    }

    /// `pdftoppm` looked up on `$PATH`.
    static var rasterizer: PDFRasterizer {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return PDFRasterizer(searchPath: path.split(separator: ":").map(String.init))
    }
}
