import ArgumentParser
import Foundation
import Plot

/// `wgmfig preview-style NAME|PATH --out DIR`: a sample sheet in a style, as PNG, PDF and SVG.
struct PreviewStyle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview-style",
        abstract: "Write a sample sheet (lines, heatmap, contours, log axis, inset, π ticks, right axis) in a style.")

    @Argument(help: "Style name (looked up in $WGMFIG_STYLES_DIR, ./styles, styles/ next to the tool) or path to a .yaml file; several comma-separated combine.")
    var style: String

    @Option(name: .customLong("rc"), help: "Override a style key, KEY=VALUE (repeatable).")
    var rc: [String] = []

    @Option(name: .long, help: "Output directory (created if missing).")
    var out: String

    @Option(name: .long, help: "PNG resolution in dots per inch (default: the style's).")
    var dpi: Double?

    func validate() throws {
        if let dpi, !(dpi > 0 && dpi <= 2400) {
            throw ValidationError("--dpi must be in (0, 2400], got \(dpi)")
        }
    }

    func run() throws {
        let loaded = try StyleOptions.load(style, rc: rc)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let figure = StylePreview.figure()
        for format in OutputFormat.allCases {
            let path = (out as NSString).appendingPathComponent("preview-\(loaded.name).\(format.rawValue)")
            try figure.write(to: path, style: loaded, format: format, dpi: dpi)
            print(path)
        }
    }
}
