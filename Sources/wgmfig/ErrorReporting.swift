import ArgumentParser
import Figures
import Foundation
import ImageComparison
import FileOutput
import Plot
import PhotonBlockade

/// How an error reaches the user: one line on stderr and the documented exit code
/// (2 for a usage error: a bad flag value, name or file; 1 for a failure).
enum ErrorReporting {
    /// Exits with the error's code after printing its one line (help and version requests print as ArgumentParser does).
    static func exit(for error: Error) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }   // a failure already reported (check)
        if isUsageError(error) { report(oneLine("\(error)"), code: 2) }
        if !isArgumentParserError(error) { report(oneLine(describe(error)), code: 1) }
        // ArgumentParser's own errors: help and version print in full; everything else it reports
        // (parse errors, and any error thrown by a command's validate(), which it wraps) is a usage error.
        if WGMFig.exitCode(for: error) == .success { WGMFig.exit(withError: error) }
        report(oneLine(WGMFig.message(for: error)), code: 2)
    }

    /// True for errors that mean the command line (or a file or name it gives) is wrong.
    static func isUsageError(_ error: Error) -> Bool {
        switch error {
        case is InputError, is SpecError, is EvalOMError, is EvalError, is ToolUsageError, is CheckUsageError, is ValidationError:
            return true
        case let e as FigureError:
            if case .unknownID = e { return true }
            return false
        case let e as ShardError:   // bad --shard, shard directory or unshardable panel
            return e.isUsage
        case let e as PlotError:
            switch e {
            case .unknownStyle, .malformedStyle, .unknownStyleKey, .missingStyleKey, .styleCycle, .invalidValue, .invalidSize,
                 .pageTooLarge:
                return true
            default: return false
            }
        case let e as PhotonBlockadeError:
            switch e {
            case .invalidParameter, .invalidCutoff: return true
            default: return false
            }
        case let e as ImageComparisonError:
            switch e {
            case .invalidRecordMode, .invalidTolerance, .invalidCheckMode, .invalidDPI, .invalidPanelID: return true
            default: return false
            }
        default: return false
        }
    }

    /// Errors of the argument parser itself (help, version, parse errors).
    private static func isArgumentParserError(_ error: Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// The message: our errors' descriptions; Foundation errors by their reason, not their raw dump.
    private static func describe(_ error: Error) -> String {
        if error is CocoaError || type(of: error) == NSError.self { return AtomicFileWriter.reason(error) }
        return "\(error)"
    }

    /// The first non-empty line, without a leading "Error: ".
    static func oneLine(_ text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
    }

    private static func report(_ line: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("Error: \(line)\n".utf8))
        Foundation.exit(code)
    }
}
