import ArgumentParser
import Figures
import Foundation
import ImageComparison
import Plot

/// `wgmfig check`: renders panels and compares them with reference PNGs.
struct CheckFigures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare renders with reference images (visual regression).",
        discussion: """
            Renders each panel with the settings its references were recorded with (<reference>/settings.json) \
            and compares it with <reference>/<id>.png: RMS difference (0–255, matplotlib's semantics) and a count \
            of perceptibly different pixels (YIQ distance, anti-aliasing ignored). On failure writes expected, \
            actual and diff PNGs plus index.html and summary.json into the report directory and exits 1. \
            The record mode can also be set with WGMFIG_RECORD.
            """)

    @Argument(help: "Figure ids to check (default: every panel).")
    var ids: [String] = []

    @Option(help: "Directory of reference PNGs.")
    var reference = "figures/reference"

    @Option(help: "Maximum RMS difference on the 0–255 scale (default 2.0).")
    var tolerance: String?

    @Option(help: "Directory for the failure report (default: <reference>/../check-report).")
    var report: String?

    @Option(help: "When to write references: missing (default), all, failed, never.")
    var record: String?

    @Option(help: "Check PNG renders (png) or PDF renders rasterised at the reference dpi (pdf).")
    var format: String = "png"

    @OptionGroup(title: "Overrides (references are then <id>.NAME=VALUE.png)") var set: OverrideOptions

    func run() throws {
        guard format == "png" || format == "pdf" else {
            throw ValidationError("unknown --format '\(format)': allowed are png, pdf")
        }
        let mode = try RecordMode.resolve(explicit: record)
        let tol = try tolerance.map(Tolerance.init(parsingMaxRMS:)) ?? .standard
        let refDir = URL(fileURLWithPath: reference, isDirectory: true)
        let ids = self.ids.isEmpty ? Catalog.panels.map(\.id) : self.ids
        let overrides = try set.overrides(checkedFor: ids)

        let stored = try ReferenceSettings.load(from: refDir)
        let settings = stored ?? .standard
        let style = try Style.named(settings.style)
        let writer = FigureWriter(provider: DataProvider(), quality: settings.quality, overrides: overrides)
        let reportDir = report.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? refDir.deletingLastPathComponent().appendingPathComponent("check-report", isDirectory: true)
        let suffix = format == "pdf" ? ".pdf" : ""
        let check = VisualCheck(referenceDirectory: refDir, reportDirectory: reportDir, tolerance: tol, recordMode: mode)

        let names = Dictionary(uniqueKeysWithValues: ids.map { (writer.stem(Self.name(of: $0)) + suffix, $0) })
        let summary = check.run(ids: ids.map { writer.stem(Self.name(of: $0)) + suffix }) { name in
            let id = names[name] ?? name
            let figure = try writer.assemble(id).figure
            if format == "pdf" { return try rasterisedPDF(figure, style: style, dpi: settings.dpi) }
            return try RGBAImage(pngData: try figure.pngData(style: style, dpi: settings.dpi), source: "render of \(id)")
        }
        if stored == nil, summary.count(.recorded) > 0 { try settings.save(in: refDir) }
        for line in summary.lines { print(line) }
        // The plain closing line test runners read.
        print("\(summary.count(.passed) + summary.count(.recorded)) passed, \(summary.count(.failed) + summary.count(.error)) failed")
        if !summary.passed { throw ExitCode(summary.exitCode) }
    }

    /// The reference name of an id or spec file (a spec file's id).
    static func name(of argument: String) -> String {
        (try? Catalog.resolve(argument).id) ?? argument
    }

    private func rasterisedPDF(_ figure: Figure, style: Style, dpi: Double) throws -> RGBAImage {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("figure.pdf")
        try figure.render(style: style, format: .pdf).write(to: pdf)
        return try PDFRasterizer().rasterize(pdf: pdf, dpi: Int(dpi.rounded()))
    }
}
