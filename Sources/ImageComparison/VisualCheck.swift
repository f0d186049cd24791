import Foundation

/// Compares renders of panels with reference PNGs `<referenceDirectory>/<id>.png`, records per `recordMode`, and reports.
public struct VisualCheck: Sendable {
    /// Directory holding `<id>.png` references (default `figures/reference`).
    public let referenceDirectory: URL
    /// Directory for `index.html`, `summary.json` and failure images; nil for no report.
    public let reportDirectory: URL?
    /// When a render counts as matching.
    public let tolerance: Tolerance
    /// When references are written.
    public let recordMode: RecordMode

    /// A check configuration.
    public init(
        referenceDirectory: URL = URL(fileURLWithPath: "figures/reference", isDirectory: true),
        reportDirectory: URL? = nil,
        tolerance: Tolerance = .standard,
        recordMode: RecordMode = .missing
    ) {
        self.referenceDirectory = referenceDirectory
        self.reportDirectory = reportDirectory
        self.tolerance = tolerance
        self.recordMode = recordMode
    }

    /// The reference file of a panel id.
    public func referenceURL(for id: String) -> URL {
        referenceDirectory.appendingPathComponent("\(id).png")
    }

    /// Renders and checks each id in order (duplicates once); render errors become `error` outcomes; writes the report if a report directory is set.
    public func run(ids: [String], render: (String) throws -> RGBAImage) -> CheckSummary {
        var seen = Set<String>()
        var outcomes: [PanelOutcome] = []
        for id in ids where seen.insert(id).inserted {
            outcomes.append(check(id: id, render: render))
        }
        var summary = CheckSummary(
            outcomes: outcomes, tolerance: tolerance, recordMode: recordMode,
            referenceDirectory: referenceDirectory, reportDirectory: reportDirectory)
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
        guard Self.isValidID(id) else { return invalidID(id) }
        let image: RGBAImage
        do {
            image = try render(id)
        } catch {
            removeStaleReportImages(for: id)
            return PanelOutcome(
                id: id, status: .error, message: "render failed: \(error)", comparison: nil, totalPixels: nil,
                referenceURL: referenceURL(for: id), reportImages: .none)
        }
        return check(id: id, actual: image)
    }

    /// Checks one already-rendered panel against its reference, recording and writing failure images as configured.
    public func check(id: String, actual: RGBAImage) -> PanelOutcome {
        guard Self.isValidID(id) else { return invalidID(id) }
        removeStaleReportImages(for: id)
        let panel = PanelCheck(check: self, id: id, actual: actual)
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
