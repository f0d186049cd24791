import ArgumentParser
import Foundation
import FileOutput
import Plot

/// `wgmfig preview-style NAME|PATH --out DIR`: a sample sheet in a style, as PNG, PDF and SVG.
struct PreviewStyle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview-style",
        abstract: "Write a sample sheet (lines, heatmap, contours, log axis, inset, π ticks, right axis) in a style.")

    @Argument(help: "Style name (looked up in $WGMFIG_STYLES_DIR, ./styles, then the bundled presets) or path to a .yaml file; several comma-separated combine.")
    var style: String

    @Option(name: .customLong("rc"), help: "Override a style key, KEY=VALUE (repeatable).")
    var rc: [String] = []

    @Option(name: .long, help: "Output directory (created if missing).")
    var out: String

    @Option(name: .customLong("dpi"), parsing: .unconditional, help: "PNG resolution in dots per inch, 10...2400 (default: the style's).")
    var dpiText: String?

    func validate() throws {
        _ = try DPIOption.parse(dpiText)
    }

    func run() throws {
        let dpi = try DPIOption.parse(dpiText)
        let loaded = try StyleOptions.load(style, rc: rc)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--out \(out) is a file: give a directory (created if missing)")
        }
        do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
            throw ValidationError("--out \(out): cannot create the directory (\(AtomicFileWriter.reason(error)))")
        }
        let figure = StylePreview.figure()
        for format in OutputFormat.allCases {
            let path = (out as NSString).appendingPathComponent("preview-\(loaded.name).\(format.rawValue)")
            try figure.write(to: path, style: loaded, format: format, dpi: dpi)
            print(path)
        }
    }
}
