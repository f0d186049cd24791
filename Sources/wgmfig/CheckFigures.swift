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
            of perceptibly different pixels (YIQ distance, anti-aliasing ignored); --mode hash compares the \
            SHA-256 of the output's bytes with <reference>/hashes.json instead, --mode hybrid decides by the hash \
            and reports pixel numbers. A missing reference fails; references are written only with --record \
            (or WGMFIG_RECORD), and a run that recorded exits 1 too. Without --reference, figures/reference is \
            looked for from the working directory up to the repository root. On failure writes expected, actual \
            and diff PNGs plus index.html and summary.json into the report directory and exits 1.
            """)

    @Argument(help: "Panel ids, whole-figure ids or YAML spec files to check (default: every panel and whole figure).")
    var ids: [String] = []

    @Option(help: "Directory of reference PNGs (default: figures/reference in the repository root).")
    var reference: String?

    @Option(help: "Maximum RMS difference on the 0–255 scale (default 2.0).")
    var tolerance: String?

    @Option(name: .customLong("max-different-pixels"),
            help: "Most perceptibly different pixels allowed: a count (120) or a percentage (0.05%); default 0.01%.")
    var maxDifferentPixels: String?

    @Option(help: "Directory for the failure report (default: <reference>/../check-report).")
    var report: String?

    @Option(help: "When to write references: never (default), missing, all, failed.")
    var record: String?

    @Option(help: "How renders are judged: image (pixels, default), hash (SHA-256 of the bytes), hybrid.")
    var mode: String = "image"

    @Option(help: "Check PNG renders (png) or PDF renders rasterised at the reference dpi (pdf).")
    var format: String = "png"

    @OptionGroup(title: "Overrides (references are then <id>.NAME=VALUE.png)") var set: OverrideOptions

    func run() throws {
        guard format == "png" || format == "pdf" else {
            throw ValidationError("unknown --format '\(format)': allowed are png, pdf")
        }
        let record = try RecordMode.resolve(explicit: self.record, environment: ProcessInfo.processInfo.environment)
        let mode = try CheckMode(parsing: self.mode)
        let tol = try baseTolerance()
        let ids = self.ids.isEmpty ? Catalog.ids : self.ids
        let overrides = try set.overrides(checkedFor: ids)
        let location = try ReferenceLocation.find(explicit: reference, recording: record != .never,
                                                  from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let refDir = location.directory
        let stored = try ReferenceSettings.load(from: refDir)
        if stored == nil && record == .never {
            throw CheckFailure("\(ReferenceSettings.url(in: refDir).path) not found (\(location.how)): not a reference folder; record one with --record all")
        }
        let settings = stored ?? .standard
        let style = try Style.named(settings.style, searchPath: ToolStyles.searchPath())
        let writer = FigureWriter(provider: DataProvider(cache: ToolEnvironment.cache, threads: ToolThreads.count),
                                  quality: settings.quality, overrides: overrides, pdfDate: ToolEnvironment.pdfDate)
        let reportDir = report.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? refDir.deletingLastPathComponent().appendingPathComponent("check-report", isDirectory: true)
        let suffix = format == "pdf" ? ".pdf" : ""
        let check = VisualCheck(referenceDirectory: refDir, reportDirectory: reportDir, tolerance: tol,
                                tolerances: try settings.panelTolerances(over: tol, in: refDir), recordMode: record, mode: mode)

        let names = Dictionary(ids.map { (writer.stem(Self.name(of: $0)) + suffix, $0) }, uniquingKeysWith: { a, _ in a })
        let summary = check.run(ids: ids.map { writer.stem(Self.name(of: $0)) + suffix }) { name in
            let id = names[name] ?? name
            let figure = try writer.assemble(id).figure
            if format == "pdf" { return try rasterisedPDF(figure, style: style, dpi: settings.dpi) }
            let png = try figure.pngData(style: style, dpi: settings.dpi)
            return RenderedOutput(bytes: png, image: try RGBAImage(pngData: png, source: "render of \(id)"))
        }
        if stored == nil, summary.count(.recorded) > 0 { try settings.save(in: refDir) }
        for line in summary.failureLines + summary.recordedLines { print(line) }
        print(summary.totalsLine + " [references \(location.how)]")
        if !summary.passed { throw ExitCode(summary.exitCode) }
    }

    /// --tolerance and --max-different-pixels over the defaults.
    private func baseTolerance() throws -> Tolerance {
        let rms = try tolerance.map(Tolerance.init(parsingMaxRMS:)) ?? .standard
        guard let maxDifferentPixels else { return rms }
        return try Tolerance(maxRMS: rms.maxRMS, maxDifferentPixels: try PixelLimit(parsing: maxDifferentPixels))
    }

    /// The reference name of an id or spec file (a spec file's id).
    static func name(of argument: String) -> String {
        (try? Catalog.resolve(argument).id) ?? argument
    }

    private func rasterisedPDF(_ figure: Figure, style: Style, dpi: Double) throws -> RenderedOutput {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wgmfig-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("figure.pdf")
        let bytes = try figure.render(style: style, format: .pdf, date: ToolEnvironment.pdfDate)
        try bytes.write(to: pdf)
        return RenderedOutput(bytes: bytes, image: try ToolEnvironment.rasterizer.rasterize(pdf: pdf, dpi: Int(dpi.rounded())))
    }
}
