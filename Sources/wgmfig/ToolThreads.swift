import Foundation
import WGMNumerics

/// The tool's threading, read once from the environment (the only place that reads it): sweeps
/// run on `count` worker threads (`WGMFIG_THREADS`, default every core) and BLAS single-threaded
/// inside them, so results are bit-identical for any thread count.
enum ToolThreads {
    /// Sweep worker threads.
    static let count: Int = {
        guard let text = ProcessInfo.processInfo.environment["WGMFIG_THREADS"], !text.isEmpty else {
            return Parallel.defaultThreadCount
        }
        return Int(text).flatMap { (1...1024).contains($0) ? $0 : nil } ?? Parallel.defaultThreadCount
    }()

    /// Checks WGMFIG_THREADS (a usage error when set to anything but an integer in 1...1024) and pins BLAS to one thread.
    static func configure() throws {
        if let text = ProcessInfo.processInfo.environment["WGMFIG_THREADS"], !text.isEmpty,
           Int(text).map({ !(1...1024).contains($0) }) ?? true {
            throw ToolUsageError("WGMFIG_THREADS '\(text)' is not a thread count: give an integer in 1...1024")
        }
        BLASThreads.set(1)
    }
}

/// A usage error of the tool found outside argument parsing (exit 2).
struct ToolUsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
