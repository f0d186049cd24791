/// The figures of paper 002 (single-photon blockade): panels spb-1b … spb-4b and composites spb-1 … spb-4.
public enum BlockadeFigures {
    /// Every data panel, in paper order.
    public static let panels: [FigureSpec] = []
    /// Every whole figure.
    public static let composites: [CompositeSpec] = []
}
