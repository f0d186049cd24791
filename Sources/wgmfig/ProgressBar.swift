import Foundation

/// Feedback on long work, on stderr: on a terminal a bar per sweep with points done / total, rate
/// and ETA (and the figure count of a multi-figure render); in a pipe or CI log one plain line
/// every few seconds with the same counts; nothing with `--quiet`. A sweep whose estimate from
/// its first second exceeds a minute says so once, whatever the output.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let quiet: Bool
    private let terminal: Bool
    private let start = Date()
    private var sweep: (id: String, started: Date, total: Int, done: Int)?
    private var lastLine = Date.distantPast
    private var drawn = false
    private var warned = Set<String>()
    private var figures: (done: Int, total: Int)?

    /// Seconds between plain lines in a pipe.
    static let plainInterval = 5.0

    init(quiet: Bool) {
        self.quiet = quiet
        terminal = isatty(STDERR_FILENO) != 0
    }

    /// Sets the number of figures of the whole run and how many are done.
    func figures(done: Int, of total: Int) {
        lock.lock(); defer { lock.unlock() }
        figures = (done, total)
        let now = Date()
        guard !quiet, !terminal, total > 1, done > 0, now.timeIntervalSince(lastLine) >= Self.plainInterval else { return }
        lastLine = now
        let elapsed = now.timeIntervalSince(start)
        let eta = elapsed / Double(done) * Double(total - done)
        write("progress: \(done)/\(total) figures, \(Self.duration(elapsed)) elapsed, ETA \(Self.duration(eta))\n")
    }

    /// Reports a sweep's points; thread-safe.
    func update(_ id: String, done: Int, total: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        if sweep?.id != id || sweep?.total != total || done < (sweep?.done ?? 0) { sweep = (id, now, total, 0) }
        sweep?.done = done
        guard let s = sweep, !quiet else { return }
        let elapsed = now.timeIntervalSince(s.started)
        guard elapsed > 1, done > 0 else { return }
        let rate = Double(done) / elapsed, eta = Double(total - done) / rate
        let key = "\(id)/\(total)"
        if eta > 60, !warned.contains(key) {
            warned.insert(key)
            clearBar()
            write("\(id): about \(Self.duration(eta + elapsed)) for \(total) points (\(Self.rate(rate)) points/s measured)\n")
        }
        let counts = "\(done)/\(total) points, \(Self.rate(rate)) points/s, ETA \(Self.duration(eta))"
        let prefix = figures.map { $0.total > 1 ? "[\($0.done + 1)/\($0.total)] " : "" } ?? ""
        if terminal {
            guard now.timeIntervalSince(lastLine) > 0.1 else { return }
            let width = 24, filled = Int((Double(done) / Double(max(total, 1)) * Double(width)).rounded())
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            write("\r\u{1B}[K\(prefix)\(id) \(bar) \(counts)")
            drawn = true
        } else {
            guard now.timeIntervalSince(lastLine) >= Self.plainInterval || lastLine == .distantPast else { return }
            write("progress: \(prefix)\(id): \(counts)\n")
        }
        lastLine = now
    }

    /// Clears the bar, if one was drawn.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        clearBar()
    }

    private func clearBar() {
        if drawn { write("\r\u{1B}[K"); drawn = false }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    /// "7 s", "3 min 12 s", "2 h 5 min".
    static func duration(_ s: Double) -> String {
        guard s.isFinite else { return "?" }
        let t = Int(s.rounded())
        if t < 60 { return "\(t) s" }
        if t < 3600 { return "\(t / 60) min \(t % 60) s" }
        return "\(t / 3600) h \((t % 3600) / 60) min"
    }

    /// "5.1k", "830", "2.4".
    static func rate(_ r: Double) -> String {
        r >= 1000 ? String(format: "%.1fk", r / 1000) : r >= 10 ? String(format: "%.0f", r) : String(format: "%.2g", r)
    }
}
