import Foundation

/// A progress bar on stderr, drawn only when stderr is a terminal and only once a sweep has run
/// longer than a second; silent otherwise (pipes, CI, files).
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let enabled: Bool

    init(label: String) {
        self.label = label
        self.enabled = isatty(STDERR_FILENO) != 0
    }

    /// Reports the fraction done (0…1); thread-safe.
    func update(_ fraction: Double) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        let width = 30, f = min(max(fraction, 0), 1)
        let filled = Int((f * Double(width)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(Int(f * 100))%  ".utf8))
    }

    /// Clears the bar if one was drawn.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
