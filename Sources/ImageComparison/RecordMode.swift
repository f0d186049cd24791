import Foundation

/// When references are (re)written, after swift-snapshot-testing's record modes. Recording is
/// never the default, and a run that recorded anything does not pass (as swift-snapshot-testing
/// fails a test that recorded its snapshot): a check cannot go green without comparing.
public enum RecordMode: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Write references that do not exist yet (reported as recorded); compare the others.
    case missing
    /// Write every reference, replacing the old ones (the old one is still compared, for the report).
    case all
    /// Write references that are missing, unreadable or fail the comparison; keep the ones that pass.
    case failed
    /// Never write: a missing reference is a failure. The default.
    case never

    /// The environment variable a command-line tool may read when no mode is given explicitly.
    public static let environmentVariable = "WGMFIG_RECORD"

    /// Parses a mode name; `origin` (e.g. "--record") names where it came from in the error, which lists the allowed modes.
    public init(parsing text: String, origin: String = "--record") throws {
        guard let mode = RecordMode(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ImageComparisonError.invalidRecordMode(value: text, origin: origin)
        }
        self = mode
    }

    /// The effective mode: `explicit` (the CLI flag) wins, then a non-empty `WGMFIG_RECORD` in
    /// `environment` (the caller's: a library reads no environment), else `.never`.
    public static func resolve(explicit: String?, environment: [String: String]) throws -> RecordMode {
        if let explicit {
            return try RecordMode(parsing: explicit, origin: "--record")
        }
        if let value = environment[environmentVariable], !value.trimmingCharacters(in: .whitespaces).isEmpty {
            return try RecordMode(parsing: value, origin: environmentVariable)
        }
        return .never
    }

    public var description: String { rawValue }
}
