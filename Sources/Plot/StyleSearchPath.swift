import Foundation

/// Where style names are looked up, in order: `directories`, then (when `includesBundled`) the
/// presets bundled with this module (`paper`, `slides`, `slides-dark`, `nature`, `optica`, `ieee`,
/// `talk-16x9`, `talk-4x3`).
///
/// A library takes this as a value and reads no environment variable; the `wgmfig` tool builds
/// `[$WGMFIG_STYLES_DIR, ./styles] + bundled` from its environment and passes it in.
public struct StyleSearchPath: Sendable, Equatable {
    /// Directories searched first, in order (a missing directory is skipped).
    public var directories: [String]
    /// Whether the bundled presets are searched after `directories`.
    public var includesBundled: Bool

    /// A search path of `directories`, then the bundled presets unless `includesBundled` is false.
    public init(directories: [String] = [], includesBundled: Bool = true) {
        self.directories = directories
        self.includesBundled = includesBundled
    }

    /// `./styles` of the current working directory, then the bundled presets: what
    /// `Style.named(_:)` uses when given no search path.
    public static var standard: StyleSearchPath {
        StyleSearchPath(directories: [(FileManager.default.currentDirectoryPath as NSString).appendingPathComponent("styles")])
    }

    /// The bundled presets only.
    public static let bundled = StyleSearchPath()

    /// The directory of the bundled presets: `styles/` inside this module's SwiftPM resource
    /// bundle (`<package>_Plot.resources`), which SwiftPM places beside every executable and test
    /// bundle that links Plot. Nil when no such bundle is there (e.g. a binary copied elsewhere
    /// without it): the lookup then reports the style as not found. `Bundle.module` is consulted
    /// only once a bundle is known to exist beside the executable, because its generated accessor
    /// aborts the process when the bundle is missing.
    public static var bundledDirectory: String? {
        guard resourceBundleBesideExecutable() != nil else { return nil }
        return Bundle.module.url(forResource: "styles", withExtension: nil)?.path
    }

    /// A `*_Plot.resources` directory holding `styles/paper.yaml` in the directory of the
    /// running executable (where SwiftPM's `Bundle.module` looks first).
    static func resourceBundleBesideExecutable() -> String? {
        let directory = Bundle.main.bundleURL.path
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        return entries.sorted().lazy
            .filter { $0.hasSuffix("_Plot.resources") }
            .map { (directory as NSString).appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("styles/paper.yaml")) }
    }

    /// Every directory searched, in order, duplicates removed (the bundled one last).
    public var resolvedDirectories: [String] {
        var dirs = directories.filter { !$0.isEmpty }
        if includesBundled, let bundled = Self.bundledDirectory { dirs.append(bundled) }
        var seen = Set<String>()
        return dirs.filter { seen.insert(($0 as NSString).standardizingPath).inserted }
    }
}
