import Foundation
import Plot

/// An axis of a spec's plot: label (Pango markup), scale, limits.
public struct PlotAxisSpec: Sendable, Equatable {
    /// Label in Pango markup (nil: the column name).
    public var label: String?
    /// Logarithmic scale.
    public var log: Bool = false
    /// Fixed limits (nil: from the data).
    public var limits: ClosedRange<Double>?

    /// An axis.
    public init(label: String? = nil, log: Bool = false, limits: ClosedRange<Double>? = nil) {
        self.label = label; self.log = log; self.limits = limits
    }

    func axis(default name: String) -> Axis {
        Axis(label: label ?? name, scale: log ? .log : .linear, limits: limits)
    }
}

/// A reference line of a spec's plot.
public struct ReferenceLineSpec: Sendable, Equatable {
    /// True for a vertical line (at an x value), false for horizontal.
    public var vertical: Bool
    /// Where.
    public var at: Double
    /// Legend label (nil: none).
    public var label: String?
}

/// The plot of a spec, as data: lines of outputs against the first swept input, or a heatmap of
/// one output over the two swept inputs. Built from the figure data alone.
public struct PlotSpec: Sendable, Equatable {
    /// Lines or heatmap.
    public enum Kind: String, Sendable, Equatable {
        /// One line per series over the first swept input.
        case lines
        /// A colour map over the two swept inputs.
        case heatmap
    }

    /// What is drawn.
    public var kind: Kind
    /// x axis.
    public var x = PlotAxisSpec()
    /// y axis (lines: left axis).
    public var y = PlotAxisSpec()
    /// Lines: outputs on the left axis (default: every output not on the right).
    public var left: [String] = []
    /// Lines: outputs on a right axis.
    public var right: [String] = []
    /// Lines: right axis.
    public var y2 = PlotAxisSpec()
    /// Lines: markers at the points.
    public var markers = false
    /// Legend placement.
    public var legend: LegendPlacement = .best
    /// Heatmap: the output drawn (default: the first).
    public var value: String?
    /// Heatmap: colormap.
    public var colormap: Colormap = .viridis
    /// Heatmap: logarithmic colour scale.
    public var logColor = false
    /// Heatmap: colour range (nil ends: from the data).
    public var colorMin: Double?
    /// Heatmap: upper end of the colour range (nil: from the data).
    public var colorMax: Double?
    /// Heatmap: colour-bar label (nil: the output's name).
    public var colorbarLabel: String?
    /// Heatmap: contour levels drawn dashed in white.
    public var levels: [Double] = []
    /// Heatmap: legend text for masked cells.
    public var maskLabel = "no value"
    /// Reference lines.
    public var referenceLines: [ReferenceLineSpec] = []

    /// A plot of `kind` with defaults.
    public init(kind: Kind) { self.kind = kind }

    /// The axes drawn from a sweep's data.
    public func axes(_ data: FigureData, sweep: SweepSpec) throws -> Axes {
        var axes = try kind == .lines ? lineAxes(try data.table(), sweep) : heatmapAxes(try data.table(), sweep)
        for r in referenceLines {
            axes.add(ReferenceLine(r.vertical ? .vertical : .horizontal, at: r.at, label: r.label, dash: .dotted))
        }
        return axes
    }

    private func lineAxes(_ table: DataTable, _ sweep: SweepSpec) throws -> Axes {
        let xName = sweep.axes[0].input
        let leftOutputs = left.isEmpty ? sweep.outputs.filter { !right.contains($0) } : left
        // The x axis spans the swept range even where the ends have no value (unstable points).
        var xAxis = x
        if xAxis.limits == nil, sweep.axes[0].lower < sweep.axes[0].upper { xAxis.limits = sweep.axes[0].lower...sweep.axes[0].upper }
        var axes = Axes(x: xAxis.axis(default: xName), y: y.axis(default: leftOutputs.joined(separator: ", ")),
                        y2: right.isEmpty ? nil : y2.axis(default: right.joined(separator: ", ")))
        let groups: [(label: String?, rows: DataTable)] = sweep.series.isEmpty ? [(nil, table)]
            : try sweep.series.map { ($0.label, try table.rows(where: "series", equals: $0.label)) }
        let outputs = leftOutputs.map { ($0, YAxisSide.left) } + right.map { ($0, YAxisSide.right) }
        let dashes: [Dash] = [.solid, .dashed, .dotted, .dashDot]
        var index = 0
        for (k, (name, side)) in outputs.enumerated() {
            for (g, group) in groups.enumerated() {
                let which = outputs.count == 1 ? nil : !right.isEmpty && leftOutputs.count == 1 ? "(\(side == .left ? "left" : "right"))" : name
                let label = [group.label, which].compactMap { $0 }.joined(separator: " ")
                axes.add(Line(x: try group.rows.numbers(xName), y: try group.rows.numbers(name), label: label.isEmpty ? nil : label,
                              color: .cycle(groups.count > 1 ? g : k), dash: dashes[(groups.count > 1 ? k : 0) % dashes.count],
                              marker: markers ? Marker(MarkerShape.allCases[g % 5], filled: false) : nil, yAxis: side))
                index += 1
            }
        }
        if index > 1 { axes.legend = Legend(legend) }
        return axes
    }

    private func heatmapAxes(_ table: DataTable, _ sweep: SweepSpec) throws -> Axes {
        guard sweep.axes.count == 2 else { throw SpecError.invalid("a heatmap needs two swept inputs") }
        let name = value ?? sweep.outputs[0]
        let xName = sweep.axes[0].input, yName = sweep.axes[1].input
        let rows = sweep.series.isEmpty ? table : try table.rows(where: "series", equals: sweep.series[0].label)
        let field = try OMTables.field(rows, x: xName, y: yName, value: name)
        var axes = Axes(x: x.axis(default: xName), y: y.axis(default: yName))
        let masked = field.values.contains(where: \.isNaN)
        axes.add(Heatmap(x: field.xs, y: field.ys, values: field.values, colormap: colormap, norm: logColor ? .log : .linear,
                         vmin: colorMin, vmax: colorMax, colorbar: Colorbar(label: colorbarLabel ?? name),
                         maskLabel: masked ? maskLabel : nil))
        if !levels.isEmpty {
            axes.add(Contour(x: field.xs, y: field.ys, values: field.values, levels: levels, color: .white, dash: .dashed))
        }
        if masked { axes.legend = Legend(legend, includesArtists: true) }
        return axes
    }
}
