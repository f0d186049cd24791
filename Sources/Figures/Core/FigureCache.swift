import FileOutput
import Foundation

/// A disk cache of figure data keyed by a hash of the spec id, its parameters, its grid, the
/// quality and the code version: re-rendering in another style or format recomputes nothing.
public struct FigureCache: Sendable {
    /// The directory holding `<id>-<key>.wgmc` files.
    public let directory: URL

    /// A cache in `directory`.
    public init(directory: URL) { self.directory = directory }

    /// The tools' location given their `environment`: `$WGMFIG_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/wgmfig`, else `~/.cache/wgmfig`.
    public static func defaultDirectory(environment env: [String: String]) -> URL {
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

    /// The largest entry read (bytes, checked before reading): a 201 × 201 heatmap with ten
    /// columns is 3 MB; anything near this limit is not an entry this tool wrote.
    public static let maxEntryBytes = 256 << 20

    /// What a lookup found.
    public enum Lookup: Sendable {
        /// A verified entry.
        case hit(FigureData, computeSeconds: Double)
        /// No entry.
        case absent
        /// An entry that failed verification (damaged, truncated, oversized or another panel's):
        /// the file and why, in one line; it is recomputed and replaced.
        case invalid(file: String, reason: String)
    }

    /// The entry for `id` and `key`, verified (magic, checksum, panel id and key, table schema,
    /// exact length) after a size check, so a bad entry is never used and a huge file never read.
    public func lookup(id: String, key: String) -> Lookup {
        let url = url(id: id, key: key)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return .absent }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Self.maxEntryBytes else {
            return .invalid(file: url.path, reason: "\(size) bytes, over the \(Self.maxEntryBytes >> 20) MiB limit")
        }
        do {
            let blob = try Data(contentsOf: url)
            let (data, seconds) = try CacheCodec.decode(blob, expecting: .init(panel: id, key: key))
            return .hit(data, computeSeconds: seconds)
        } catch let FigureError.corruptCache(why) {
            return .invalid(file: url.path, reason: why)
        } catch {
            return .invalid(file: url.path, reason: AtomicFileWriter.reason(error))
        }
    }

    /// The cached data, or nil when absent or invalid (an invalid entry is recomputed).
    public func load(id: String, key: String) -> (FigureData, computeSeconds: Double)? {
        if case .hit(let data, let seconds) = lookup(id: id, key: key) { return (data, seconds) }
        return nil
    }

    /// Stores data atomically (replacing an invalid entry).
    public func store(_ data: FigureData, computeSeconds: Double, id: String, key: String) throws {
        let blob = try CacheCodec.encode(data, computeSeconds: computeSeconds, identity: .init(panel: id, key: key))
        try AtomicFile.write(blob, to: url(id: id, key: key))
    }
}
