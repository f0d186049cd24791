/// The figures of paper 000 (optomechanics): panels om-1c … om-5d and composites om-1 … om-5.
public enum OptomechanicsFigures {
    /// Every data panel, in paper order.
    public static let panels: [FigureSpec] = []
    /// Every whole figure.
    public static let composites: [CompositeSpec] = []
}
