import Foundation
import WGMNumerics

/// A panel's data together with where it came from (for the sidecar and `wgmfig show`).
public struct PanelData: Sendable {
    /// The spec that produced it.
    public let spec: FigureSpec
    /// The data.
    public let data: FigureData
    /// The parameter set it was computed with.
    public let inputs: InputValues
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

    /// The notes a reader needs: known differences from the paper (or, when the user changed
    /// parameters, a line saying the paper's numbers do not apply), then computed notes.
    public var notes: [String] { PanelData.notes(spec: spec, inputs: inputs, computed: data.notes) }

    /// The notes of `spec` computed with `inputs`.
    public static func notes(spec: FigureSpec, inputs: InputValues, computed: [String]) -> [String] {
        guard !inputs.isPaper else { return spec.knownDifferences + computed }
        let changed = inputs.overridden.sorted().map { n in
            "\(n) = \((try? inputs.registry.input(n))?.display(inputs.value(n)) ?? ModelInput.text(inputs.value(n)))"
        }
        return ["The parameters differ from the paper's (\(changed.joined(separator: ", "))): the paper's quoted numbers "
                + "and its known differences do not apply; the notes below are computed from these data."] + computed
    }

    /// The effective parameters: every model input (marked when overridden), then the panel's other choices.
    public var parameters: [SpecParameter] { PanelData.parameters(spec: spec, inputs: inputs) }

    /// The effective parameters of `spec` with `inputs` (swept inputs left out: the grid holds them).
    public static func parameters(spec: FigureSpec, inputs: InputValues) -> [SpecParameter] {
        inputs.effective.filter { !spec.sweptInputs.contains($0.input.name) }
            .map { SpecParameter($0.input.name, $0.input.display($0.value)) } + spec.parameters
    }
}

/// Computes panel data or loads it from the cache.
public struct DataProvider: Sendable {
    /// The cache.
    public let cache: FigureCache
    /// When false, always recompute (and refresh the cache).
    public let readCache: Bool
    /// Worker threads for sweeps.
    public let threads: Int
    /// Progress callback (panel id, points done of the running sweep).
    public let progress: (@Sendable (String, SweepProgress) -> Void)?
    /// Where a one-line warning goes (an invalid cache entry being recomputed); default stderr.
    public let warn: @Sendable (String) -> Void
    /// Panels already produced in this process (a whole figure reuses its panels' data).
    private let memo = PanelMemo()

    /// A provider.
    public init(cache: FigureCache, readCache: Bool = true,
                threads: Int = Parallel.defaultThreadCount,
                progress: (@Sendable (String, SweepProgress) -> Void)? = nil,
                warn: @escaping @Sendable (String) -> Void = DataProvider.warnOnStandardError) {
        self.cache = cache; self.readCache = readCache; self.threads = threads; self.progress = progress; self.warn = warn
    }

    /// Writes "warning: …" and a newline to stderr.
    public static let warnOnStandardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data("warning: \(line)\n".utf8))
    }

    /// The verified cached entry, or nil; an invalid entry is reported once through `warn`.
    private func lookUp(_ id: String, key: String) -> (FigureData, computeSeconds: Double)? {
        switch cache.lookup(id: id, key: key) {
        case .hit(let data, let seconds): return (data, seconds)
        case .absent: return nil
        case .invalid(let file, let reason):
            warn("cache entry \(file) is invalid (\(reason)): recomputing and replacing it")
            return nil
        }
    }

    /// The cache key of `spec` at `quality` with `inputs`.
    public static func key(_ spec: FigureSpec, inputs: InputValues, quality: Quality) -> String {
        FigureCache.key(id: spec.id, parameters: PanelData.parameters(spec: spec, inputs: inputs) + exact(inputs),
                        grid: spec.grid(quality), quality: quality)
    }

    /// The cached data of `spec`, if present (never computes).
    public func cached(_ spec: FigureSpec, quality: Quality, overrides: [InputOverride] = []) -> PanelData? {
        guard let inputs = try? spec.inputs(overrides: overrides) else { return nil }
        let key = Self.key(spec, inputs: inputs, quality: quality)
        guard let (data, seconds) = lookUp(spec.id, key: key) else { return nil }
        return PanelData(spec: spec, data: data, inputs: inputs, quality: quality, grid: spec.grid(quality), cacheKey: key,
                         computeSeconds: seconds, cacheHit: true)
    }

    /// The data of `spec` at `quality` with the user's `overrides`: from the cache when possible,
    /// else computed and stored.
    public func data(for spec: FigureSpec, quality: Quality, overrides: [InputOverride] = []) throws -> PanelData {
        let inputs = try spec.inputs(overrides: overrides)
        let grid = spec.grid(quality)
        let key = Self.key(spec, inputs: inputs, quality: quality)
        if let done = memo[key] { return done }
        let result = try produce(spec, inputs: inputs, quality: quality, grid: grid, key: key)
        memo[key] = result
        return result
    }

    /// Every input's exact value (the displayed ones round-trip, but say so in the key).
    private static func exact(_ inputs: InputValues) -> [SpecParameter] {
        inputs.effective.map { SpecParameter("exact:" + $0.input.name, "\($0.value.bitPattern)") }
    }

    private func produce(_ spec: FigureSpec, inputs: InputValues, quality: Quality, grid: [GridAxis], key: String) throws -> PanelData {
        if readCache, let (data, seconds) = lookUp(spec.id, key: key) {
            return PanelData(spec: spec, data: data, inputs: inputs, quality: quality, grid: grid, cacheKey: key,
                             computeSeconds: seconds, cacheHit: true)
        }
        let report = progress.map { p in { @Sendable (s: SweepProgress) in p(spec.id, s) } }
        let context = ComputeContext(quality: quality, inputs: inputs, threads: threads, progress: report)
        let start = Date()
        let data: FigureData
        do { data = try spec.compute(context) } catch let e as FigureError { throw e } catch {
            throw FigureError.computation(spec.id, "\(error)")
        }
        let seconds = Date().timeIntervalSince(start)
        // A cache that cannot be written is not fatal: the figure still renders.
        try? cache.store(data, computeSeconds: seconds, id: spec.id, key: key)
        return PanelData(spec: spec, data: data, inputs: inputs, quality: quality, grid: grid, cacheKey: key,
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
