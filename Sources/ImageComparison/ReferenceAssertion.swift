import Foundation

/// Checks `image` against `<directory>/<name>.png` for a Swift test; throws `referenceMismatch` (with the numbers) when it fails or cannot be checked.
///
/// `record` nil means: `WGMFIG_RECORD` if set, else `.missing`. A recorded reference does not
/// throw (set `WGMFIG_RECORD=never` on CI to make a missing reference fail). With a
/// `reportDirectory`, expected, actual and diff PNGs of a failure are written there.
@discardableResult
public func assertMatchesReference(
    _ image: RGBAImage,
    named name: String,
    in directory: URL,
    tolerance: Tolerance = .standard,
    record: RecordMode? = nil,
    reportDirectory: URL? = nil
) throws -> PanelOutcome {
    let mode = try record ?? RecordMode.resolve(explicit: nil)
    let check = VisualCheck(
        referenceDirectory: directory, reportDirectory: reportDirectory, tolerance: tolerance, recordMode: mode)
    let outcome = check.check(id: name, actual: image)
    guard !outcome.isProblem else {
        var message = outcome.message + " (reference: \(outcome.referenceURL.path))"
        if let diff = outcome.reportImages.diff, let reportDirectory {
            message += " (diff: \(reportDirectory.appendingPathComponent(diff).path))"
        }
        throw ImageComparisonError.referenceMismatch(name: name, message: message)
    }
    return outcome
}
