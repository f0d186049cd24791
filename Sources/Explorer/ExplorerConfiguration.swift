import Foundation
import Plot

/// What `wgmfig serve` serves and the bounds it keeps: taken as a value (the executable reads the
/// command line and the environment, this module reads neither).
public struct ExplorerConfiguration: Sendable {
    /// Interface to bind: loopback unless told otherwise.
    public var host = "127.0.0.1"
    /// TCP port (0: any free port, printed when listening).
    public var port = 8765
    /// Folder whose `*.yaml` / `*.yml` spec files get pages (nil: none).
    public var specsDirectory: URL?
    /// The figure-data cache shared with the CLI.
    public var cacheDirectory: URL
    /// Style names offered (each resolved by `Style.named`; never a path from a request).
    public var styles: [String] = ["paper", "slides", "slides-dark"]
    /// Where those style names are looked up (default: `./styles`, then the bundled presets).
    public var styleSearchPath = StyleSearchPath.standard
    /// Largest request body read, bytes.
    public var maximumBodyBytes = 64 * 1024
    /// Most sweep points one view may compute (all panels, series included).
    public var maximumGridPoints = 1_000_000
    /// Most pixels of a PNG view (width × height).
    public var maximumPixels = 40_000_000
    /// Computations running at once (each already uses every core).
    public var computeSlots = 2
    /// Requests waiting for a computation slot before new ones are refused (429).
    public var maximumQueued = 256

    /// A configuration using the cache in `cacheDirectory`.
    public init(cacheDirectory: URL) { self.cacheDirectory = cacheDirectory }
}
