import Foundation

/// A render to check: the output file's bytes (hashed in hash and hybrid modes) and its pixels.
public struct RenderedOutput: Sendable {
    /// The bytes of the output file as written (PNG, or PDF for PDF checks).
    public let bytes: Data
    /// The pixels (the PNG decoded, or the PDF rasterised).
    public let image: RGBAImage

    /// A render from its bytes and pixels.
    public init(bytes: Data, image: RGBAImage) { self.bytes = bytes; self.image = image }

    /// A render known only as pixels: its bytes are its PNG encoding.
    public init(image: RGBAImage) throws { self.init(bytes: try image.pngData(), image: image) }
}

/// Compares renders of panels with reference PNGs `<referenceDirectory>/<id>.png` (or their
/// hashes in `hashes.json`), records per `recordMode`, and reports.
public struct VisualCheck: Sendable {
    /// Directory holding `<id>.png` references (default `figures/reference`).
    public let referenceDirectory: URL
    /// Directory for `index.html`, `summary.json` and failure images; nil for no report.
    public let reportDirectory: URL?
    /// When a render counts as matching (panels without their own entry in `tolerances`).
    public let tolerance: Tolerance
    /// Per-id tolerances (from the reference folder's settings), overriding `tolerance`.
    public let tolerances: [String: Tolerance]
    /// When references are written.
    public let recordMode: RecordMode
    /// Pixels, hashes, or hashes with pixels for the report.
    public let mode: CheckMode

    /// A check configuration.
    public init(
        referenceDirectory: URL = URL(fileURLWithPath: "figures/reference", isDirectory: true),
        reportDirectory: URL? = nil,
        tolerance: Tolerance = .standard,
        tolerances: [String: Tolerance] = [:],
        recordMode: RecordMode = .never,
        mode: CheckMode = .image
    ) {
        self.referenceDirectory = referenceDirectory
        self.reportDirectory = reportDirectory
        self.tolerance = tolerance
        self.tolerances = tolerances
        self.recordMode = recordMode
        self.mode = mode
    }

    /// The reference file of a panel id.
    public func referenceURL(for id: String) -> URL {
        referenceDirectory.appendingPathComponent("\(id).png")
    }

    /// The tolerance a panel is judged with.
    public func tolerance(for id: String) -> Tolerance { tolerances[id] ?? tolerance }

    /// Renders and checks each id in order (duplicates once); render errors become `error` outcomes; writes the report if a report directory is set.
    public func run(ids: [String], render: (String) throws -> RGBAImage) -> CheckSummary {
        run(ids: ids, renderOutput: { try RenderedOutput(image: try render($0)) })
    }

    /// As `run(ids:render:)` with renders that carry their file bytes (for hash and hybrid modes).
    public func run(ids: [String], renderOutput: (String) throws -> RenderedOutput) -> CheckSummary {
        var seen = Set<String>()
        var outcomes: [PanelOutcome] = []
        for id in ids where seen.insert(id).inserted {
            outcomes.append(check(id: id, renderOutput: renderOutput))
        }
        var summary = CheckSummary(
            outcomes: outcomes, tolerance: tolerance, recordMode: recordMode,
            referenceDirectory: referenceDirectory, reportDirectory: reportDirectory, mode: mode)
        if let reportDirectory {
            do {
                try CheckReport(summary: summary).write(to: reportDirectory)
            } catch {
                summary.reportError = String(describing: error)
            }
        }
        return summary
    }

    /// Renders one id and checks it; a throwing render gives an `error` outcome.
    public func check(id: String, render: (String) throws -> RGBAImage) -> PanelOutcome {
        check(id: id, renderOutput: { try RenderedOutput(image: try render($0)) })
    }

    /// Renders one id (with its bytes) and checks it; a throwing render gives an `error` outcome.
    public func check(id: String, renderOutput: (String) throws -> RenderedOutput) -> PanelOutcome {
        guard Self.isValidID(id) else { return invalidID(id) }
        let output: RenderedOutput
        do {
            output = try renderOutput(id)
        } catch {
            removeStaleReportImages(for: id)
            return PanelOutcome(
                id: id, status: .error, message: "render failed: \(error)", comparison: nil, totalPixels: nil,
                referenceURL: referenceURL(for: id), reportImages: .none)
        }
        return check(id: id, output: output)
    }

    /// Checks one already-rendered panel against its reference, recording and writing failure images as configured.
    public func check(id: String, actual: RGBAImage) -> PanelOutcome {
        do { return check(id: id, output: try RenderedOutput(image: actual)) } catch {
            return PanelOutcome(
                id: id, status: .error, message: "cannot encode the render: \(error)", comparison: nil,
                totalPixels: actual.pixelCount, referenceURL: referenceURL(for: id), reportImages: .none)
        }
    }

    /// Checks one render (bytes and pixels) against its reference or its stored hash.
    public func check(id: String, output: RenderedOutput) -> PanelOutcome {
        guard Self.isValidID(id) else { return invalidID(id) }
        removeStaleReportImages(for: id)
        let panel = PanelCheck(check: self, id: id, output: output)
        if mode != .image { return panel.compareHash() }
        switch ReferenceState.load(referenceURL(for: id)) {
        case .missing: return panel.referenceMissing()
        case .unreadable(let error): return panel.referenceUnreadable(error)
        case .loaded(let expected): return panel.compare(with: expected)
        }
    }

    /// True for ids usable as a file name: non-empty, no "/" or NUL, not starting with ".".
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.contains("/") && !id.contains("\0") && !id.hasPrefix(".")
    }

    private func invalidID(_ id: String) -> PanelOutcome {
        PanelOutcome(
            id: id, status: .error, message: ImageComparisonError.invalidPanelID(id).description,
            comparison: nil, totalPixels: nil, referenceURL: referenceDirectory, reportImages: .none)
    }

    /// Deletes images a previous run left for this id, so the report never shows stale failures.
    private func removeStaleReportImages(for id: String) {
        guard let reportDirectory else { return }
        for suffix in ReportFile.allCases {
            try? FileManager.default.removeItem(at: reportDirectory.appendingPathComponent(suffix.fileName(for: id)))
        }
    }
}

/// The three per-panel image files of a report.
enum ReportFile: String, CaseIterable {
    case expected, actual, diff

    /// `<id>-expected.png`, `<id>-actual.png` or `<id>-diff.png`.
    func fileName(for id: String) -> String { "\(id)-\(rawValue).png" }
}

/// What was found at a reference path.
enum ReferenceState {
    case missing
    case unreadable(ImageComparisonError)
    case loaded(RGBAImage)

    /// Loads the reference, classifying a missing file apart from an unreadable one.
    static func load(_ url: URL) -> ReferenceState {
        guard FileManager.default.fileExists(atPath: url.path) else { return .missing }
        do {
            return .loaded(try RGBAImage.load(from: url))
        } catch let error as ImageComparisonError {
            return .unreadable(error)
        } catch {
            return .unreadable(.unreadable(path: url.path, reason: String(describing: error)))
        }
    }
}
