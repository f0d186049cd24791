import Foundation

/// A panel's data together with where it came from (for the sidecar and `wgmfig show`).
public struct PanelData: Sendable {
    /// The spec that produced it.
    public let spec: FigureSpec
    /// The data.
    public let data: FigureData
    /// The quality it was computed at.
    public let quality: Quality
    /// The grid it was computed on.
    public let grid: [GridAxis]
    /// The cache key.
    public let cacheKey: String
    /// Wall time of the computation (when it was first computed, for a cache hit).
    public let computeSeconds: Double
    /// True when loaded from the cache.
    public let cacheHit: Bool

    /// The notes a reader needs: known differences from the paper, then computed notes.
    public var notes: [String] { spec.knownDifferences + data.notes }
}

/// Computes panel data or loads it from the cache.
public struct DataProvider: Sendable {
    /// The cache.
    public let cache: FigureCache
    /// When false, always recompute (and refresh the cache).
    public let readCache: Bool
    /// Worker threads for sweeps.
    public let threads: Int
    /// Progress callback (panel id, fraction done).
    public let progress: (@Sendable (String, Double) -> Void)?
    /// Panels already produced in this process (a whole figure reuses its panels' data).
    private let memo = PanelMemo()

    /// A provider.
    public init(cache: FigureCache = FigureCache(directory: FigureCache.defaultDirectory), readCache: Bool = true,
                threads: Int = ComputeContext(quality: .draft).threads,
                progress: (@Sendable (String, Double) -> Void)? = nil) {
        self.cache = cache; self.readCache = readCache; self.threads = threads; self.progress = progress
    }

    /// The data of `spec` at `quality`: from the cache when possible, else computed and stored.
    public func data(for spec: FigureSpec, quality: Quality) throws -> PanelData {
        let grid = spec.grid(quality)
        let key = FigureCache.key(id: spec.id, parameters: spec.parameters, grid: grid, quality: quality)
        if let done = memo[key] { return done }
        let result = try produce(spec, quality: quality, grid: grid, key: key)
        memo[key] = result
        return result
    }

    private func produce(_ spec: FigureSpec, quality: Quality, grid: [GridAxis], key: String) throws -> PanelData {
        if readCache, let (data, seconds) = cache.load(id: spec.id, key: key) {
            return PanelData(spec: spec, data: data, quality: quality, grid: grid, cacheKey: key,
                             computeSeconds: seconds, cacheHit: true)
        }
        let report = progress.map { p in { @Sendable (f: Double) in p(spec.id, f) } }
        let context = ComputeContext(quality: quality, threads: threads, progress: report)
        let start = Date()
        let data: FigureData
        do { data = try spec.compute(context) } catch let e as FigureError { throw e } catch {
            throw FigureError.computation(spec.id, "\(error)")
        }
        let seconds = Date().timeIntervalSince(start)
        // A cache that cannot be written is not fatal: the figure still renders.
        try? cache.store(data, computeSeconds: seconds, id: spec.id, key: key)
        return PanelData(spec: spec, data: data, quality: quality, grid: grid, cacheKey: key,
                         computeSeconds: seconds, cacheHit: false)
    }
}

/// A thread-safe memo of panel data by cache key, private to one provider.
private final class PanelMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: PanelData] = [:]
    subscript(key: String) -> PanelData? {
        get { lock.lock(); defer { lock.unlock() }; return entries[key] }
        set { lock.lock(); defer { lock.unlock() }; entries[key] = newValue }
    }
}
