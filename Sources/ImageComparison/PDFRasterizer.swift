import Foundation

/// Rasterises a PDF page to an `RGBAImage` by running poppler's `pdftoppm -png -r DPI -singlefile`.
public struct PDFRasterizer: Sendable {
    /// The program to run: a bare name looked up in `searchPath`, or a path.
    public let executable: String
    /// Directories a bare `executable` name is looked up in, in order (a PATH-like list).
    public let searchPath: [String]

    /// A rasteriser using `executable` (default `pdftoppm` from poppler-utils), looked up in
    /// `searchPath` (default the system's binary directories; the `wgmfig` tool passes `$PATH`).
    public init(executable: String = "pdftoppm", searchPath: [String] = ["/usr/local/bin", "/usr/bin", "/bin"]) {
        self.executable = executable
        self.searchPath = searchPath
    }

    /// Renders page `page` (1-based) of `pdf` at `dpi` dots per inch (a 72 pt page at 72 dpi is 72 px).
    public func rasterize(pdf: URL, dpi: Int, page: Int = 1) throws -> RGBAImage {
        guard (1...4800).contains(dpi) else { throw ImageComparisonError.invalidDPI(dpi) }
        guard FileManager.default.fileExists(atPath: pdf.path) else {
            throw ImageComparisonError.fileNotFound(path: pdf.path)
        }
        let program = try resolvedExecutable()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wgmfig-pdftoppm-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ImageComparisonError.writeFailed(path: directory.path, reason: AtomicFile.reason(error))
        }
        let prefix = directory.appendingPathComponent("page")
        let arguments = ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page),
                         "-singlefile", pdf.path, prefix.path]
        try run(program, arguments: arguments, pdf: pdf)
        let output = prefix.appendingPathExtension("png")
        guard FileManager.default.fileExists(atPath: output.path) else {
            throw ImageComparisonError.rasterisationFailed(pdf: pdf.path, reason: "no image written for page \(page)")
        }
        return try RGBAImage.load(from: output)
    }

    /// The executable's full path: `executable` itself if it contains "/", else the first match in `searchPath`.
    func resolvedExecutable() throws -> URL {
        let manager = FileManager.default
        if executable.contains("/") {
            guard manager.isExecutableFile(atPath: executable) else {
                throw ImageComparisonError.rasteriserMissing(executable: executable)
            }
            return URL(fileURLWithPath: executable)
        }
        for directory in searchPath where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(executable)
            if manager.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ImageComparisonError.rasteriserMissing(executable: executable)
    }

    /// Runs the program, failing with its exit status and first line of stderr.
    private func run(_ program: URL, arguments: [String], pdf: URL) throws {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ImageComparisonError.rasterisationFailed(
                pdf: pdf.path, reason: "cannot start \(program.path): \(AtomicFile.reason(error))")
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let text = String(decoding: stderr, as: UTF8.self)
                .split(separator: "\n").first.map(String.init) ?? "no message"
            throw ImageComparisonError.rasterisationFailed(
                pdf: pdf.path, reason: "exit status \(process.terminationStatus): \(text)")
        }
    }
}
