import Foundation

/// A disk cache of figure data keyed by a hash of the spec id, its parameters, its grid, the
/// quality and the code version: re-rendering in another style or format recomputes nothing.
public struct FigureCache: Sendable {
    /// The directory holding `<id>-<key>.wgmc` files.
    public let directory: URL

    /// A cache in `directory`.
    public init(directory: URL) { self.directory = directory }

    /// The default location: `$WGMFIG_CACHE_DIR`, else `$XDG_CACHE_HOME/wgmfig`, else `~/.cache/wgmfig`.
    public static var defaultDirectory: URL {
        let env = ProcessInfo.processInfo.environment
        if let d = env["WGMFIG_CACHE_DIR"], !d.isEmpty { return URL(fileURLWithPath: d) }
        if let x = env["XDG_CACHE_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("wgmfig") }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/wgmfig")
    }

    /// The cache key for a spec at a quality: a hash of everything that determines its data.
    public static func key(id: String, parameters: [SpecParameter], grid: [GridAxis], quality: Quality,
                           codeVersion: String = CodeVersion.current) -> String {
        var h = StableHash()
        h.combine("wgmfig-data-v1")
        h.combine(codeVersion)
        h.combine(id)
        h.combine(quality.rawValue)
        for p in parameters { h.combine(p.name); h.combine(p.value) }
        for g in grid { h.combine(g.description) }
        return h.hex
    }

    func url(id: String, key: String) -> URL { directory.appendingPathComponent("\(id)-\(key).wgmc") }

    /// The cached data, or nil when absent or unreadable (an unreadable entry is recomputed).
    public func load(id: String, key: String) -> (FigureData, computeSeconds: Double)? {
        guard let blob = try? Data(contentsOf: url(id: id, key: key)) else { return nil }
        return try? CacheCodec.decode(blob)
    }

    /// Stores data atomically.
    public func store(_ data: FigureData, computeSeconds: Double, id: String, key: String) throws {
        try AtomicFile.write(try CacheCodec.encode(data, computeSeconds: computeSeconds), to: url(id: id, key: key))
    }
}
