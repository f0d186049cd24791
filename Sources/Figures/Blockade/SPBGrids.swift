/// The sampling of the blockade panels: ≥ 401 points per line and 121 × 121 maps at final
/// quality, coarse at draft quality (the whole set in seconds).
enum SPBGrid {
    /// Points per curve.
    static func linePoints(_ q: Quality) -> Int { q.pick(final: 401, draft: 41) }
    /// Points per map axis.
    static func mapPoints(_ q: Quality) -> Int { q.pick(final: 121, draft: 21) }
    /// Markers of the analytic (weak-drive) results per curve.
    static func markerPoints(_ q: Quality) -> Int { q.pick(final: 41, draft: 11) }

    /// φ ∈ [0, 1] µm.
    static func phi(_ count: Int) -> GridAxis { GridAxis("phi_um", 0, 1, count: count) }
    /// r ∈ [0, 0.8] µm.
    static func radius(_ count: Int) -> GridAxis { GridAxis("r_um", 0, 0.8, count: count) }
    /// The tip-position map of spb-3b and spb-4a: φ × r.
    static func tipPositionMap(_ q: Quality) -> [GridAxis] { [phi(mapPoints(q)), radius(mapPoints(q))] }
}
