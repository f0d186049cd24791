import Foundation

/// Writes a check's `summary.json` and a self-contained `index.html` (relative image links) into a directory.
struct CheckReport {
    let summary: CheckSummary

    /// Writes both files, each through a temporary file renamed into place.
    func write(to directory: URL) throws {
        try AtomicFile.write(try json(), to: directory.appendingPathComponent("summary.json"))
        try AtomicFile.write(html(), to: directory.appendingPathComponent("index.html"))
    }

    /// The JSON document: overall verdict, settings, totals and one entry per panel.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(SummaryDocument(summary))
        } catch {
            throw ImageComparisonError.writeFailed(path: "summary.json", reason: String(describing: error))
        }
    }

    /// The HTML page: a header with the totals, then one table row per panel with its three images.
    func html() -> String {
        let verdict = summary.passed ? "passed" : "FAILED"
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>wgmfig visual check: \(verdict)</title>
            <style>
            body { font-family: sans-serif; margin: 1.5em; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; vertical-align: top; text-align: left; }
            td img { max-width: 360px; border: 1px solid #ddd; }
            .passed { background: #e6f4e6; } .failed { background: #fbe3e3; }
            .recorded { background: #e3ecfb; } .error { background: #fff3cd; }
            .message { font-size: 0.9em; color: #333; }
            </style></head><body>
            <h1>Visual check: \(verdict)</h1>
            <p>\(summary.outcomes.count) panels: \(summary.count(.passed)) passed, \(summary.count(.failed)) failed,
            \(summary.count(.recorded)) recorded, \(summary.count(.error)) errors</p>
            <p>Tolerance: \(Self.escape(summary.tolerance.description)); record mode: \(summary.recordMode.rawValue);
            references: \(Self.escape(summary.referenceDirectory.path))</p>
            <table>
            <tr><th>id</th><th>status</th><th>rms</th><th>different pixels</th><th>expected</th><th>actual</th><th>diff</th></tr>

            """
        for outcome in summary.outcomes { page += row(outcome) }
        page += "</table>\n</body></html>\n"
        return page
    }

    private func row(_ outcome: PanelOutcome) -> String {
        let rms = outcome.comparison?.rms.map { ImageComparisonResult.format($0, digits: 3) } ?? "—"
        let pixels = outcome.comparison?.differentPixels.map { "\($0) / \(outcome.totalPixels ?? 0)" } ?? "—"
        let images = [outcome.reportImages.expected, outcome.reportImages.actual, outcome.reportImages.diff]
            .map { name in name.map { "<td><a href=\"\(Self.link($0))\"><img src=\"\(Self.link($0))\" alt=\"\(Self.escape($0))\"></a></td>" } ?? "<td>—</td>" }
            .joined()
        return "<tr class=\"\(outcome.status.rawValue)\"><td>\(Self.escape(outcome.id))</td>"
            + "<td>\(outcome.status.rawValue)</td><td>\(rms)</td><td>\(pixels)</td>\(images)</tr>\n"
            + "<tr class=\"\(outcome.status.rawValue)\"><td colspan=\"7\" class=\"message\">"
            + "\(Self.escape(outcome.message))</td></tr>\n"
    }

    /// HTML-escapes text for element content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A relative link to a file name, percent-encoded outside unreserved URL characters.
    static func link(_ fileName: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fileName.addingPercentEncoding(withAllowedCharacters: allowed) ?? fileName
    }
}

/// The `summary.json` schema.
private struct SummaryDocument: Encodable {
    struct Totals: Encodable {
        let panels, passed, failed, recorded, error: Int
    }

    struct Panel: Encodable {
        let id: String
        let status: String
        let message: String
        let rms: Double?
        let differentPixels: Int?
        let antiAliasedPixels: Int?
        let allowedDifferentPixels: Int?
        let totalPixels: Int?
        let reference: String
        let expectedImage: String?
        let actualImage: String?
        let diffImage: String?

        init(_ outcome: PanelOutcome) {
            id = outcome.id
            status = outcome.status.rawValue
            message = outcome.message
            rms = outcome.comparison?.rms
            differentPixels = outcome.comparison?.differentPixels
            antiAliasedPixels = outcome.comparison?.antiAliasedPixels
            allowedDifferentPixels = outcome.comparison?.allowedDifferentPixels
            totalPixels = outcome.totalPixels
            reference = outcome.referenceURL.path
            expectedImage = outcome.reportImages.expected
            actualImage = outcome.reportImages.actual
            diffImage = outcome.reportImages.diff
        }

        /// Encodes every key, with null for absent values, so the schema is stable.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(status, forKey: .status)
            try container.encode(message, forKey: .message)
            try container.encode(rms, forKey: .rms)
            try container.encode(differentPixels, forKey: .differentPixels)
            try container.encode(antiAliasedPixels, forKey: .antiAliasedPixels)
            try container.encode(allowedDifferentPixels, forKey: .allowedDifferentPixels)
            try container.encode(totalPixels, forKey: .totalPixels)
            try container.encode(reference, forKey: .reference)
            try container.encode(expectedImage, forKey: .expectedImage)
            try container.encode(actualImage, forKey: .actualImage)
            try container.encode(diffImage, forKey: .diffImage)
        }

        enum CodingKeys: String, CodingKey {
            case id, status, message, rms, differentPixels, antiAliasedPixels, allowedDifferentPixels
            case totalPixels, reference, expectedImage, actualImage, diffImage
        }
    }

    struct ToleranceEntry: Encodable {
        let maxRMS: Double
        let maxDifferentPixels: String
        let yiqThreshold: Double
        let detectsAntiAliasing: Bool
    }

    let passed: Bool
    let mode: String
    let recordMode: String
    let referenceDirectory: String
    let tolerance: ToleranceEntry
    let totals: Totals
    let panels: [Panel]

    init(_ summary: CheckSummary) {
        passed = summary.passed
        mode = summary.mode.rawValue
        recordMode = summary.recordMode.rawValue
        referenceDirectory = summary.referenceDirectory.path
        tolerance = ToleranceEntry(
            maxRMS: summary.tolerance.maxRMS, maxDifferentPixels: summary.tolerance.maxDifferentPixels.description,
            yiqThreshold: summary.tolerance.yiqThreshold, detectsAntiAliasing: summary.tolerance.detectsAntiAliasing)
        totals = Totals(
            panels: summary.outcomes.count, passed: summary.count(.passed), failed: summary.count(.failed),
            recorded: summary.count(.recorded), error: summary.count(.error))
        panels = summary.outcomes.map(Panel.init)
    }
}
