import ArgumentParser
import Figures
import Foundation
import WGMNumerics
import Plot

extension OutputFormat: ExpressibleByArgument {}

/// `wgmfig render`: draws panels and whole figures into files with JSON sidecars.
struct RenderFigures: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render figures as PNG, PDF and/or SVG.")

    @Argument(help: "Figure ids (see `wgmfig list`).")
    var ids: [String] = []

    @Flag(help: "Render every panel and every whole figure.")
    var all = false

    @OptionGroup var styleOptions: StyleOptions

    @Option(help: "Comma-separated formats: png, pdf, svg.")
    var format = "png,pdf"

    @Option(name: .customLong("dpi"), parsing: .unconditional, help: "Resolution of PNG output in dots per inch, 10...2400 (default: the style's).")
    var dpiText: String?

    var dpi: Double? { try? DPIOption.parse(dpiText) }

    @Option(name: .customLong("svg-text"), help: "SVG text: paths (glyph outlines, the default) or text (editable <text> elements).")
    var svgText = "paths"

    @Option(help: "Output directory.")
    var out = "figures"

    @OptionGroup var data: DataOptions

    func validate() throws {
        _ = try DPIOption.parse(dpiText)
        _ = try formats()
        _ = try svgTextMode()
        if all && !ids.isEmpty { throw ValidationError("give figure ids or --all, not both") }
    }

    func formats() throws -> [OutputFormat] {
        let parts = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !parts.isEmpty else { throw ValidationError("--format is empty: give png, pdf and/or svg") }
        return try parts.map { p in
            guard let f = OutputFormat(rawValue: p) else { throw ValidationError("unknown format '\(p)': allowed are png, pdf, svg") }
            return f
        }
    }

    func svgTextMode() throws -> SVGTextMode {
        guard let mode = SVGTextMode(rawValue: svgText) else {
            throw ValidationError("unknown --svg-text '\(svgText)': allowed are paths, text")
        }
        return mode
    }

    func run() throws {
        let ids = try resolveIDs(ids, all: all)
        let style = try styleOptions.load()
        let formats = try formats()
        let (provider, reporter) = data.provider()
        defer { reporter.finish() }
        let writer = try data.writer(provider, ids: ids, svgText: try svgTextMode())
        let dir = URL(fileURLWithPath: out, isDirectory: true)
        // Data first, one figure at a time (each sweep already uses every core), then the
        // drawing, which is independent per figure, on all cores; output order is the ids' order.
        let assembled = try ids.enumerated().map { k, id in
            reporter.figures(done: k, of: ids.count)
            defer { reporter.finish() }
            return try writer.assemble(id)
        }
        let results = Parallel.map(count: assembled.count, threads: ToolThreads.count) { i in
            Result { try writer.write(assembled[i], style: style, styleName: styleOptions.style, formats: formats, dpi: dpi, into: dir) }
        }
        for result in results {
            for f in try result.get() { print(f.path) }
        }
    }
}

/// `--dpi VALUE` of render and preview-style: a number in `RenderLimits.dpi` (read even when
/// negative, so `--dpi -5` is named as a bad value, not as a missing one).
enum DPIOption {
    static func parse(_ text: String?) throws -> Double? {
        guard let text else { return nil }
        let allowed = "allowed \(Int(RenderLimits.dpi.lowerBound))...\(Int(RenderLimits.dpi.upperBound)) dots per inch"
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw ValidationError("--dpi '\(text)' is not a number: \(allowed)")
        }
        guard RenderLimits.dpi.contains(value) else { throw ValidationError("--dpi \(text) is out of range: \(allowed)") }
        return value
    }
}
