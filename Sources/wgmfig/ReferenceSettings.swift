import Figures
import Foundation
import ImageComparison
import Plot

/// The settings references were recorded with (`<reference dir>/settings.json`), so a check
/// renders exactly as the references were made, and the panels' own tolerances.
struct ReferenceSettings: Codable, Equatable {
    /// One panel's tolerance in settings.json: `{"maxRMS": 3, "maxDifferentPixels": "0.05%"}`
    /// (either key may be left out: the check's default applies).
    struct PanelTolerance: Codable, Equatable {
        var maxRMS: Double?
        var maxDifferentPixels: String?

        /// The tolerance on top of `base`; an out-of-range value is an error naming the panel.
        func tolerance(over base: Tolerance, panel: String, file: URL) throws -> Tolerance {
            do {
                return try Tolerance(
                    maxRMS: maxRMS ?? base.maxRMS,
                    maxDifferentPixels: try maxDifferentPixels.map(PixelLimit.init(parsing:)) ?? base.maxDifferentPixels,
                    yiqThreshold: base.yiqThreshold, detectsAntiAliasing: base.detectsAntiAliasing)
            } catch {
                throw FigureError.io("\(file.path): tolerance of '\(panel)': \(error)")
            }
        }
    }

    /// Style name or path.
    var style: String
    /// Sampling quality.
    var quality: Quality
    /// PNG resolution (also the rasterisation dpi for PDF checks).
    var dpi: Double
    /// Per-panel tolerances by reference name (absent: the check's tolerance).
    var tolerances: [String: PanelTolerance]?

    /// Draft quality (deterministic, fast) in the paper style at 100 dpi.
    static let standard = ReferenceSettings(style: "paper", quality: .draft, dpi: 100, tolerances: nil)

    static func url(in directory: URL) -> URL { directory.appendingPathComponent("settings.json") }

    /// The settings stored in `directory`, or nil when there are none yet.
    static func load(from directory: URL) throws -> ReferenceSettings? {
        let url = url(in: directory)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let expected = "expected {\"style\", \"quality\", \"dpi\", optional \"tolerances\"}"
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue,
              size <= 1 << 20 else {
            throw FigureError.io("cannot read \(url.path): not a settings file of at most 1 MiB (\(expected))")
        }
        do { return try JSONDecoder().decode(ReferenceSettings.self, from: Data(contentsOf: url)) } catch {
            throw FigureError.io("cannot read \(url.path): \(error.localizedDescription) (\(expected))")
        }
    }

    /// The per-panel tolerances on top of `base`.
    func panelTolerances(over base: Tolerance, in directory: URL) throws -> [String: Tolerance] {
        var result: [String: Tolerance] = [:]
        for (name, t) in tolerances ?? [:] {
            result[name] = try t.tolerance(over: base, panel: name, file: Self.url(in: directory))
        }
        return result
    }

    /// Writes the settings into `directory`.
    func save(in directory: URL) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try e.encode(self), to: Self.url(in: directory))
    }
}

/// Where `check` finds its references: the folder given, or `figures/reference` in the
/// repository (package) root found from the working directory upwards.
enum ReferenceLocation {
    /// The folder and a note on how it was found (for the summary line).
    struct Found { let directory: URL; let how: String }

    /// The reference folder; throws a one-line error saying where it looked.
    static func find(explicit: String?, recording: Bool, from start: URL) throws -> Found {
        if let explicit {
            let dir = URL(fileURLWithPath: explicit, isDirectory: true).standardizedFileURL
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue { throw CheckUsageError("--reference \(explicit): not a directory") }
            if !exists && !recording {
                throw CheckUsageError("--reference \(explicit): no such directory (give the folder holding settings.json and <id>.png, or record into it with --record missing)")
            }
            return Found(directory: dir, how: "given by --reference")
        }
        var looked: [String] = []
        var dir = start.standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent("figures/reference", isDirectory: true)
            looked.append(candidate.path)
            if FileManager.default.fileExists(atPath: ReferenceSettings.url(in: candidate).path) {
                return Found(directory: candidate, how: "found from \(start.path)")
            }
            // The package root ends the search: references are never taken from outside it.
            let isRoot = ["Package.swift", ".git"].contains { FileManager.default.fileExists(atPath: dir.appendingPathComponent($0).path) }
            let parent = dir.deletingLastPathComponent()
            if isRoot || parent.path == dir.path { break }
            dir = parent
        }
        throw CheckFailure("no reference folder found: looked for figures/reference/settings.json in \(looked.joined(separator: ", ")); run check inside the repository or give --reference DIR")
    }
}

/// A bad `check` argument (exit 2).
struct CheckUsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A check that could not run (exit 1).
struct CheckFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
