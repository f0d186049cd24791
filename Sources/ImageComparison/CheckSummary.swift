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

    /// A summary of outcomes (normally made by `VisualCheck.run`).
    public init(
        outcomes: [PanelOutcome], tolerance: Tolerance, recordMode: RecordMode,
        referenceDirectory: URL, reportDirectory: URL?, reportError: String? = nil
    ) {
        self.outcomes = outcomes
        self.tolerance = tolerance
        self.recordMode = recordMode
        self.referenceDirectory = referenceDirectory
        self.reportDirectory = reportDirectory
        self.reportError = reportError
    }

    /// True when no panel failed or errored and the report (if asked for) was written; recorded panels do not fail a check.
    public var passed: Bool { !outcomes.contains(where: \.isProblem) && reportError == nil }

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

    /// e.g. "visual check FAILED: 12 panels, 10 passed, 1 failed, 1 recorded, 0 errors (report: figures/report/index.html)".
    public var totalsLine: String {
        var line = "visual check \(passed ? "passed" : "FAILED"): \(outcomes.count) panels, "
            + "\(count(.passed)) passed, \(count(.failed)) failed, \(count(.recorded)) recorded, \(count(.error)) errors"
        if let reportError {
            line += " (report not written: \(reportError))"
        } else if let reportDirectory {
            line += " (report: \(reportDirectory.appendingPathComponent("index.html").path))"
        }
        return line
    }

    /// Everything a CLI prints: failure lines, recorded lines, then the totals line.
    public var lines: [String] { failureLines + recordedLines + [totalsLine] }
}
