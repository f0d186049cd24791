import Foundation
import Plot

/// Where the tool looks up style names: `$WGMFIG_STYLES_DIR` (when set), `./styles`, then the
/// presets bundled with Plot. The environment is read here, never in Plot.
enum ToolStyles {
    /// The environment variable naming a directory of the user's styles, searched first.
    static let environmentVariable = "WGMFIG_STYLES_DIR"

    /// The search path from `environment` and the working directory `currentDirectory`.
    static func searchPath(environment: [String: String] = ProcessInfo.processInfo.environment,
                           currentDirectory: String = FileManager.default.currentDirectoryPath) -> StyleSearchPath {
        var directories: [String] = []
        if let dir = environment[environmentVariable], !dir.isEmpty { directories.append(dir) }
        directories.append((currentDirectory as NSString).appendingPathComponent("styles"))
        return StyleSearchPath(directories: directories)
    }
}
