import Figures
import Foundation

/// A request the explorer refuses or could not answer: an HTTP status and the one line the CLI
/// would print for the same mistake.
public struct ExplorerError: Error, CustomStringConvertible, Equatable {
    /// HTTP status code.
    public let status: Int
    /// The message, one line.
    public let message: String

    public var description: String { message }

    /// An error with `status` and `message`.
    public init(_ status: Int, _ message: String) { self.status = status; self.message = message }

    static func badRequest(_ m: String) -> ExplorerError { ExplorerError(400, m) }
    static func notFound(_ m: String) -> ExplorerError { ExplorerError(404, m) }
    static func tooLarge(_ m: String) -> ExplorerError { ExplorerError(413, m) }

    /// Any error of the figure layer as an explorer error: bad names and values are 400, unknown
    /// ids 404, a computation the model refuses 422, anything else 500.
    static func from(_ error: Error) -> ExplorerError {
        switch error {
        case let e as ExplorerError: return e
        case let e as FigureError:
            switch e {
            case .unknownID: return .notFound("\(e)")
            case .computation: return ExplorerError(422, "\(e)")
            default: return ExplorerError(500, "\(e)")
            }
        case let e as InputError: return .badRequest("\(e)")
        case let e as SpecError: return .badRequest("\(e)")
        default:
            let line = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            return ExplorerError(500, line)
        }
    }
}
