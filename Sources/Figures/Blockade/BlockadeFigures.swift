/// The figures of paper 002 (single-photon blockade): panels spb-1a … spb-4b and composites spb-1 … spb-4.
public enum BlockadeFigures {
    /// Every data panel, in paper order.
    public static let panels: [FigureSpec] = [
        BlockadeFigure1Schematic.panelA, BlockadeFigure1.panelB, BlockadeFigure1.panelC,
        BlockadeFigure2.panelA, BlockadeFigure2.panelB,
        BlockadeFigure3Schematic.panelA, BlockadeFigure3.panelB, BlockadeFigure3.panelC, BlockadeFigure3.panelD,
        BlockadeFigure4.panelA, BlockadeFigure4.panelB,
    ]
    /// Every whole figure, laid out like the paper.
    public static let composites: [CompositeSpec] = [
        BlockadeFigure1.composite, BlockadeFigure2.composite, BlockadeFigure3.composite, BlockadeFigure4.composite,
    ]
}
