import Foundation

/// The record-mode decisions for one panel whose render is in hand.
struct PanelCheck {
    let check: VisualCheck
    let id: String
    let output: RenderedOutput

    private var actual: RGBAImage { output.image }
    private var referenceURL: URL { check.referenceURL(for: id) }
    private var tolerance: Tolerance { check.tolerance(for: id) }
    private var records: Bool { check.recordMode != .never }

    /// No reference file: a failure unless a record mode asks for it to be written.
    func referenceMissing() -> PanelOutcome {
        guard records else {
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
        let (result, diff) = ImageComparator.compareWithDiff(expected: expected, actual: actual, tolerance: tolerance)
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

    /// Hash and hybrid modes: the SHA-256 of the output's bytes against `hashes.json`; in hybrid
    /// mode a mismatch is also compared pixel-wise with the reference PNG for the report.
    func compareHash() -> PanelOutcome {
        let library = HashLibrary(directory: check.referenceDirectory)
        let actualHash = SHA256.hex(output.bytes)
        let stored: String?
        do { stored = try library.load()[id] } catch let error as ImageComparisonError {
            guard check.recordMode == .all || check.recordMode == .failed else {
                return outcome(.error, "unreadable hash library: \(error)", comparison: nil, images: .none)
            }
            return recordHash(actualHash, message: "re-recorded hash (unreadable library: \(error))", comparison: nil)
        } catch {
            return outcome(.error, "unreadable hash library: \(error)", comparison: nil, images: .none)
        }
        guard let stored else {
            guard records else {
                return outcome(.failed, "hash missing: no entry '\(id)' in \(library.url.path) (record it with --record missing)",
                               comparison: nil, images: writeReportImages(expected: nil, diff: nil))
            }
            return recordHash(actualHash, message: "recorded new hash in \(library.url.path)", comparison: nil)
        }
        let short = "sha256 \(actualHash.prefix(12))…"
        if stored == actualHash {
            if check.recordMode == .all { return recordHash(actualHash, message: "re-recorded (\(short) matched)", comparison: nil) }
            return outcome(.passed, "\(short) matches", comparison: nil, images: .none)
        }
        var comparison: ImageComparisonResult?
        var images = PanelOutcome.ReportImages.none
        if check.mode == .hybrid, case .loaded(let expected) = ReferenceState.load(referenceURL) {
            let (result, diff) = ImageComparator.compareWithDiff(expected: expected, actual: actual, tolerance: tolerance)
            comparison = result
            images = writeReportImages(expected: expected, diff: diff)
        } else {
            images = writeReportImages(expected: nil, diff: nil)
        }
        let message = "\(short) differs from the stored \(stored.prefix(12))…" + (comparison.map { " (\($0.message))" } ?? "")
        if check.recordMode == .all || check.recordMode == .failed {
            return recordHash(actualHash, message: "re-recorded: " + message, comparison: comparison, images: images)
        }
        return outcome(.failed, message, comparison: comparison, images: images)
    }

    /// Stores the hash (and in hybrid mode the reference PNG too).
    private func recordHash(_ hash: String, message: String, comparison: ImageComparisonResult?,
                            images: PanelOutcome.ReportImages = .none) -> PanelOutcome {
        do {
            try HashLibrary(directory: check.referenceDirectory).record(hash, for: id)
            if check.mode == .hybrid { try actual.write(to: referenceURL) }
            return outcome(.recorded, message, comparison: comparison, images: images)
        } catch {
            return outcome(.error, "cannot record hash: \(error)", comparison: comparison, images: images)
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
