import Foundation

/// The verdict on one panel id in a visual check.
public struct PanelOutcome: Equatable, Sendable {
    /// What happened to the panel.
    public enum Status: String, Sendable, CaseIterable {
        /// Matched its reference within tolerance.
        case passed
        /// Did not match, or its reference is missing in `never` mode.
        case failed
        /// Its reference was (re)written from this render.
        case recorded
        /// Could not be checked: rendering threw, the reference is unreadable, or a file could not be written.
        case error
    }

    /// File names (inside the report directory) of the images written for this panel; nil when not written.
    public struct ReportImages: Equatable, Sendable {
        /// The reference as it was before this run, `<id>-expected.png`.
        public var expected: String?
        /// This run's render, `<id>-actual.png`.
        public var actual: String?
        /// The diff image, `<id>-diff.png`.
        public var diff: String?

        /// No images.
        public static let none = ReportImages(expected: nil, actual: nil, diff: nil)
    }

    /// The panel id, e.g. "om-2a".
    public let id: String
    /// The verdict.
    public let status: Status
    /// One line explaining the verdict with its numbers.
    public let message: String
    /// The comparison with the old reference, when one was made.
    public let comparison: ImageComparisonResult?
    /// Number of pixels of the render (or of the reference when compared); nil when nothing was rendered.
    public let totalPixels: Int?
    /// Where the reference PNG lives.
    public let referenceURL: URL
    /// Images written to the report directory.
    public let reportImages: ReportImages

    /// True unless the panel failed or errored (recorded counts as not failing).
    public var isProblem: Bool { status == .failed || status == .error }

    /// One line for a terminal, e.g. "FAILED om-2a: rms 5.1 > 2 allowed; …".
    public var line: String {
        "\(status.rawValue.uppercased()) \(id): \(message)"
    }
}
