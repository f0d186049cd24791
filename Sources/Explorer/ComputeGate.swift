import Foundation

/// Admits computations a few at a time (each sweep already uses every core), queues the rest up
/// to a bound (beyond it: 429), and drops a queued view of a client that has asked for a newer
/// one since (409): only the latest view of each client is computed.
actor ComputeGate {
    private let slots: Int
    private let maximumQueued: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// Latest view number per client (bounded: oldest clients forgotten first).
    private var latest: [String: Int] = [:]
    private var clientOrder: [String] = []
    private static let maximumClients = 1024

    init(slots: Int, maximumQueued: Int) {
        self.slots = max(1, slots)
        self.maximumQueued = maximumQueued
    }

    /// Notes that `client` asked for view `sequence` (newer ones supersede older queued ones).
    func announce(client: String?, sequence: Int?) {
        guard let client, let sequence else { return }
        if latest[client] == nil {
            clientOrder.append(client)
            if clientOrder.count > Self.maximumClients { latest[clientOrder.removeFirst()] = nil }
        }
        latest[client] = max(latest[client] ?? sequence, sequence)
    }

    /// True when a newer view of `client` has been announced.
    func isSuperseded(client: String?, sequence: Int?) -> Bool {
        guard let client, let sequence, let newest = latest[client] else { return false }
        return sequence < newest
    }

    /// Waits for a slot; throws 429 when too many wait already, 409 when superseded meanwhile.
    func enter(client: String?, sequence: Int?) async throws {
        if running >= slots {
            guard waiting.count < maximumQueued else {
                throw ExplorerError(429, "the server is busy (\(waiting.count) views waiting): try again shortly")
            }
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running += 1
        }
        if isSuperseded(client: client, sequence: sequence) {
            leave()
            throw ExplorerError(409, "view \(sequence ?? 0) of client \(client ?? "") was superseded by a newer one")
        }
    }

    /// Frees a slot (handing it to the next waiting request).
    func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}

/// Points done of each client's running computation, for the page's progress bar.
final class ProgressBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (done: Int, total: Int, sequence: Int)] = [:]

    func update(_ client: String, sequence: Int, done: Int, total: Int) {
        lock.lock(); defer { lock.unlock() }
        if entries.count > 1024, entries[client] == nil { entries.removeAll() }
        entries[client] = (done, total, sequence)
    }

    func clear(_ client: String) {
        lock.lock(); defer { lock.unlock() }
        entries[client] = nil
    }

    func get(_ client: String) -> (done: Int, total: Int, sequence: Int)? {
        lock.lock(); defer { lock.unlock() }
        return entries[client]
    }
}
