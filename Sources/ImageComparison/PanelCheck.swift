import Foundation

/// The record-mode decisions for one panel whose render is in hand.
struct PanelCheck {
    let check: VisualCheck
    let id: String
    let actual: RGBAImage

    private var referenceURL: URL { check.referenceURL(for: id) }

    /// No reference file: record it, or fail in `never` mode.
    func referenceMissing() -> PanelOutcome {
        guard check.recordMode != .never else {
            let images = writeReportImages(expected: nil, diff: nil)
            return outcome(
                .failed, "reference missing: \(referenceURL.path) (record it with --record missing)",
                comparison: nil, images: images)
        }
        return record(message: "recorded new reference \(referenceURL.path)", comparison: nil)
    }

    /// The reference exists but cannot be decoded: re-record in `all`/`failed`, else an error.
    func referenceUnreadable(_ error: ImageComparisonError) -> PanelOutcome {
        if check.recordMode == .all || check.recordMode == .failed {
            return record(message: "re-recorded unreadable reference: \(error)", comparison: nil)
        }
        let images = writeReportImages(expected: nil, diff: nil)
        return outcome(.error, "unreadable reference: \(error)", comparison: nil, images: images)
    }

    /// The reference loaded: compare, then pass, fail or re-record as the mode says.
    func compare(with expected: RGBAImage) -> PanelOutcome {
        let (result, diff) = ImageComparator.compareWithDiff(
            expected: expected, actual: actual, tolerance: check.tolerance)
        let images = result.passed ? .none : writeReportImages(expected: expected, diff: diff)
        switch (check.recordMode, result.passed) {
        case (.all, true):
            return record(message: "re-recorded (matched the old reference: \(result.message))",
                          comparison: result, images: images)
        case (.all, false), (.failed, false):
            return record(message: "re-recorded (old reference differed: \(result.message))",
                          comparison: result, images: images)
        case (_, true):
            return outcome(.passed, result.message, comparison: result, images: images)
        case (_, false):
            return outcome(.failed, result.message, comparison: result, images: images)
        }
    }

    /// Writes the render as the new reference; a write failure turns the outcome into an error.
    private func record(message: String, comparison: ImageComparisonResult?, images: PanelOutcome.ReportImages = .none) -> PanelOutcome {
        do {
            try actual.write(to: referenceURL)
            return outcome(.recorded, message, comparison: comparison, images: images)
        } catch {
            return outcome(.error, "cannot record reference: \(error)", comparison: comparison, images: images)
        }
    }

    /// Writes expected, actual and diff PNGs into the report directory, noting in the names which ones exist.
    private func writeReportImages(expected: RGBAImage?, diff: RGBAImage?) -> PanelOutcome.ReportImages {
        guard let directory = check.reportDirectory else { return .none }
        func save(_ image: RGBAImage?, as file: ReportFile) -> String? {
            guard let image else { return nil }
            let name = file.fileName(for: id)
            return (try? image.write(to: directory.appendingPathComponent(name))) != nil ? name : nil
        }
        return PanelOutcome.ReportImages(
            expected: save(expected, as: .expected), actual: save(actual, as: .actual), diff: save(diff, as: .diff))
    }

    private func outcome(
        _ status: PanelOutcome.Status, _ message: String, comparison: ImageComparisonResult?,
        images: PanelOutcome.ReportImages
    ) -> PanelOutcome {
        PanelOutcome(
            id: id, status: status, message: message, comparison: comparison,
            totalPixels: comparison?.totalPixels ?? actual.pixelCount, referenceURL: referenceURL,
            reportImages: images)
    }
}
