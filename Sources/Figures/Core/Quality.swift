/// How finely a figure is sampled: `final` is print-ready, `draft` is coarse and takes seconds.
public enum Quality: String, CaseIterable, Sendable, Codable {
    /// Print-ready: ≥ 401 points per line, 201×201 om heatmaps, 121×121 spb heatmaps.
    case final
    /// Coarse sampling for quick looks and tests.
    case draft

    /// Picks the value for this quality.
    public func pick<T>(final f: T, draft d: T) -> T { self == .final ? f : d }
}
