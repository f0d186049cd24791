import Foundation

/// All panel outcomes of a visual check, with the lines to print and the overall verdict for the exit code.
public struct CheckSummary: Sendable {
    /// One outcome per id, in the order checked.
    public let outcomes: [PanelOutcome]
    /// The tolerance used.
    public let tolerance: Tolerance
    /// The record mode used.
    public let recordMode: RecordMode
    /// Where references live.
    public let referenceDirectory: URL
    /// Where the report was written, if anywhere.
    public let reportDirectory: URL?
    /// Why the report could not be written, if it could not (makes the check fail).
    public internal(set) var reportError: String?
    /// How renders were judged.
    public let mode: CheckMode

    /// A summary of outcomes (normally made by `VisualCheck.run`).
    public init(
        outcomes: [PanelOutcome], tolerance: Tolerance, recordMode: RecordMode,
        referenceDirectory: URL, reportDirectory: URL?, reportError: String? = nil, mode: CheckMode = .image
    ) {
        self.mode = mode
        self.outcomes = outcomes
        self.tolerance = tolerance
        self.recordMode = recordMode
        self.referenceDirectory = referenceDirectory
        self.reportDirectory = reportDirectory
        self.reportError = reportError
    }

    /// True when every panel was compared and passed and the report (if asked for) was written.
    /// A recorded panel was not compared, so a run that recorded does not pass (re-run to compare),
    /// and neither does a run with no panels.
    public var passed: Bool {
        !outcomes.isEmpty && outcomes.allSatisfy { $0.status == .passed } && reportError == nil
    }

    /// Process exit code: 0 when passed, 1 otherwise.
    public var exitCode: Int32 { passed ? 0 : 1 }

    /// Number of panels with `status`.
    public func count(_ status: PanelOutcome.Status) -> Int {
        outcomes.filter { $0.status == status }.count
    }

    /// One line per failed or errored panel with its numbers and, when written, its diff image.
    public var failureLines: [String] {
        outcomes.filter(\.isProblem).map { outcome in
            guard let diff = outcome.reportImages.diff, let reportDirectory else { return outcome.line }
            return outcome.line + " [diff: \(reportDirectory.appendingPathComponent(diff).path)]"
        }
    }

    /// One line per recorded panel.
    public var recordedLines: [String] {
        outcomes.filter { $0.status == .recorded }.map(\.line)
    }

    /// The one summary line, e.g. "visual check FAILED: 12 panels, 10 passed, 1 failed, 1 recorded,
    /// 0 errors (image mode; references: figures/reference; report: figures/check-report/index.html)".
    public var totalsLine: String {
        var line = "visual check \(passed ? "passed" : "FAILED"): \(outcomes.count) panels, "
            + "\(count(.passed)) passed, \(count(.failed)) failed, \(count(.recorded)) recorded, \(count(.error)) errors"
        var notes = ["\(mode.rawValue) mode", "references: \(referenceDirectory.path)"]
        if let reportError {
            notes.append("report not written: \(reportError)")
        } else if let reportDirectory {
            notes.append("report: \(reportDirectory.appendingPathComponent("index.html").path)")
        }
        line += " (" + notes.joined(separator: "; ") + ")"
        if count(.recorded) > 0 { line += "; references were recorded, not compared: re-run to check them" }
        return line
    }

    /// Everything a CLI prints: failure lines, recorded lines, then the totals line.
    public var lines: [String] { failureLines + recordedLines + [totalsLine] }
}
