/// The tool's version, written into every sidecar and cache key.
enum WGMFigVersion {
    static let string = "0.1.0"
}
