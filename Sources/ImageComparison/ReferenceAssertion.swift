import Foundation

/// Checks `image` against `<directory>/<name>.png` for a Swift test; throws `referenceMismatch` (with the numbers) when it fails or cannot be checked.
///
/// `record` (default `.never`: a missing reference fails) says when references are written; a
/// recorded reference throws too, as swift-snapshot-testing fails a test that recorded (nothing
/// was compared). With a `reportDirectory`, expected, actual and diff PNGs of a failure are written there.
@discardableResult
public func assertMatchesReference(
    _ image: RGBAImage,
    named name: String,
    in directory: URL,
    tolerance: Tolerance = .standard,
    record: RecordMode = .never,
    reportDirectory: URL? = nil
) throws -> PanelOutcome {
    let check = VisualCheck(
        referenceDirectory: directory, reportDirectory: reportDirectory, tolerance: tolerance, recordMode: record)
    let outcome = check.check(id: name, actual: image)
    guard outcome.status == .passed else {
        var message = outcome.message + " (reference: \(outcome.referenceURL.path))"
        if let diff = outcome.reportImages.diff, let reportDirectory {
            message += " (diff: \(reportDirectory.appendingPathComponent(diff).path))"
        }
        throw ImageComparisonError.referenceMismatch(name: name, message: message)
    }
    return outcome
}
