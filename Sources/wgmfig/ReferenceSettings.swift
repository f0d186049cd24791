import Figures
import Foundation
import Plot

/// The settings references were recorded with (`<reference dir>/settings.json`), so a check
/// renders exactly as the references were made.
struct ReferenceSettings: Codable, Equatable {
    /// Style name or path.
    var style: String
    /// Sampling quality.
    var quality: Quality
    /// PNG resolution (also the rasterisation dpi for PDF checks).
    var dpi: Double

    /// Draft quality (deterministic, fast) in the paper style at 100 dpi.
    static let standard = ReferenceSettings(style: "paper", quality: .draft, dpi: 100)

    static func url(in directory: URL) -> URL { directory.appendingPathComponent("settings.json") }

    /// The settings stored in `directory`, or nil when there are none yet.
    static func load(from directory: URL) throws -> ReferenceSettings? {
        let url = url(in: directory)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do { return try JSONDecoder().decode(ReferenceSettings.self, from: Data(contentsOf: url)) } catch {
            throw FigureError.io("cannot read \(url.path): \(error.localizedDescription) (expected {\"style\", \"quality\", \"dpi\"})")
        }
    }

    /// Writes the settings into `directory`.
    func save(in directory: URL) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try e.encode(self), to: Self.url(in: directory))
    }
}
