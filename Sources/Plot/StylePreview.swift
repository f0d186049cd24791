import Foundation

/// A sample sheet exercising every panel kind, for previewing a style (smooth made-up data only).
public enum StylePreview {
    /// Two rows × three panels: lines with legend, masked heatmap with contours, log axis,
    /// π ticks with a right axis, an inset, and a diverging heatmap on a log-spaced grid.
    public static func figure() -> Figure {
        var figure = Figure(width: .doubleColumn, height: .auto, rows: 2, columns: 3)
        figure.add(linePanel(), row: 0, column: 0)
        figure.add(heatmapPanel(), row: 0, column: 1)
        figure.add(logPanel(), row: 0, column: 2)
        figure.add(piPanel(), row: 1, column: 0)
        figure.add(insetPanel(), row: 1, column: 1)
        figure.add(divergingPanel(), row: 1, column: 2)
        figure.labelPanels()
        return figure
    }

    static func grid(_ lower: Double, _ upper: Double, _ count: Int) -> [Double] {
        (0..<count).map { lower + (upper - lower) * Double($0) / Double(count - 1) }
    }

    static func linePanel() -> Axes {
        let x = grid(-3, 3, 241)
        var axes = Axes(x: Axis(label: "<i>Δ</i>/<i>Γ</i>", limits: -3...3),
                        y: Axis(label: "<i>E</i><sub>N,r</sub>", limits: -0.2...2.4))
        axes.add(Span(ranges: [-0.8...0.4], label: "band"))
        axes.add(Line(x: x, y: x.map { exp(-$0 * $0 / 2) }, label: "gauss"))
        axes.add(Line(x: x, y: x.map { 0.8 * exp(-($0 - 0.8) * ($0 - 0.8)) }, label: "shift"))
        axes.add(Line(x: x, y: x.map { 0.5 + 0.3 * sin(2 * $0) }, label: "sine"))
        let xm = grid(-2.5, 2.5, 11)
        axes.add(Line(x: xm, y: xm.map { 0.3 * cos($0) + 0.1 }, label: "dots", color: .named("purple"),
                      marker: Marker(.square, filled: false), showsLine: false))
        axes.add(ReferenceLine(.horizontal, at: 0.5))
        axes.legend = Legend(.best, columns: 2)
        return axes
    }

    static func heatmapPanel() -> Axes {
        let x = grid(-3, 3, 121), y = grid(0, 2, 81)
        var values: [Double] = []
        for yv in y {
            for xv in x {
                let r2 = xv * xv / 4 + (yv - 1) * (yv - 1)
                let masked = abs(xv - 1.5) < 0.35 && yv > 1.2
                values.append(masked ? .nan : exp(-r2) * (1 + 0.3 * cos(3 * xv)))
            }
        }
        var axes = Axes(x: Axis(label: "<i>Δ̃</i>/<i>Γ</i>"), y: Axis(label: "<i>ε</i>/<i>Γ</i>"))
        axes.add(Heatmap(x: x, y: y, values: values, colormap: .viridis,
                         colorbar: Colorbar(label: "<i>N</i><sub>r</sub>/<i>N</i><sub>r</sub><sup>ideal</sup>"),
                         maskLabel: "masked"))
        axes.add(Contour(x: x, y: y, values: values, levels: [0.5], label: "contour 0.5", color: .white, dash: .dashed))
        axes.add(Line(x: y.map { 1 + $0 }, y: y, color: .white, dash: .dotted))
        axes.legend = Legend(.lowerLeft)
        return axes
    }

    static func logPanel() -> Axes {
        let x = grid(0, 10, 201)
        var axes = Axes(x: Axis(label: "<i>τγ</i><sub>1</sub>", limits: 0...10),
                        y: Axis(label: "<i>g</i><sup>(2)</sup>(<i>τ</i>)", scale: .log, limits: 1e-5...10))
        axes.add(Line(x: x, y: x.map { 1 - 0.99999 * exp(-$0) * cos($0) * cos($0) }, label: "a"))
        axes.add(Line(x: x, y: x.map { 1e-4 + exp(-$0) * 2 }, label: "b"))
        axes.add(Line(x: x, y: x.map { 1e-3 * exp(-$0 * 0.3) }, label: "c"))
        axes.legend = Legend(.best)
        return axes
    }

    static func piPanel() -> Axes {
        let x = grid(0, .pi / 2, 181)
        var axes = Axes(x: Axis(label: "<i>β</i> (rad)", limits: 0...(.pi / 2), format: .pi),
                        y: Axis(label: "max <i>E</i><sub>N</sub>", limits: 0.15...0.5),
                        y2: Axis(label: "|<i>J</i><sub>1</sub>|/<i>Γ</i>", limits: 0...3))
        axes.add(Line(x: x, y: x.map { 0.2 + 0.15 * pow(sin(4 * $0), 2) }, label: "left"))
        axes.add(Line(x: x, y: x.map { 1 + cos(8 * $0) }, label: "right", color: .named("red"), dash: .dashed, yAxis: .right))
        for k in 0..<2 { axes.add(ReferenceLine(.vertical, at: .pi / 8 + Double(k) * .pi / 4, color: .named("grey"))) }
        axes.legend = Legend(.upperRight)
        return axes
    }

    static func insetPanel() -> Axes {
        let x = grid(0, 1, 201)
        var axes = Axes(x: Axis(label: "<i>φ</i> (µm)", limits: 0...1),
                        y: Axis(label: "|<i>J</i>|<sup>2</sup>/<i>γ</i><sup>2</sup>", limits: 0...8))
        axes.add(Line(x: x, y: x.map { 2 + 1.5 * sin(2 * .pi * 2 * $0) }, marker: Marker(.circle, every: 20)))
        var inset = Axes(x: Axis(limits: 0...1, ticks: .at([0, 0.5, 1])), y: Axis(ticks: .at([0, 1, 2])))
        inset.add(Line(x: x, y: x.map { 1 + cos(2 * .pi * 3 * $0) }, color: .named("red"), width: 0.8))
        inset.add(ReferenceLine(.horizontal, at: 1, dash: .dashed))
        axes.add(Inset(x: 0.6, y: 0.62, width: 0.36, height: 0.32, axes: inset))
        return axes
    }

    static func divergingPanel() -> Axes {
        let x = grid(0, 1, 101)
        let y = (0..<60).map { pow(10, -1 + 2 * Double($0) / 59) }
        var values: [Double] = []
        for yv in y { for xv in x { values.append(sin(2 * .pi * xv) * cos(log10(yv) * 2)) } }
        var axes = Axes(x: Axis(label: "<i>φ</i> (µm)"), y: Axis(label: "<i>χ</i>/<i>γ</i>", scale: .log))
        axes.add(Heatmap(x: x, y: y, values: values, colormap: .rdBuReversed, vmin: -1, vmax: 1,
                         colorbar: Colorbar(label: "sin · cos")))
        axes.add(Contour(x: x, y: y, values: values, levels: [-0.5, 0.5], color: .black, width: 0.6, dash: .solid))
        return axes
    }
}
