import AtlasCore
import Foundation
import Logging
import NIOConcurrencyHelpers

/// Reads new events from the log, in order, and hands them to this process's hub.
///
/// It wakes when a write of this process commits events, when another process announces some
/// (PostgreSQL `LISTEN`), and on a timer — so events committed by a process that died before it
/// could announce them, or by an `atlas worker` on the same SQLite file, still arrive.
actor EventFeed {
    struct Settings: Sendable {
        /// How often the log is read when nothing announced anything.
        var pollInterval: Duration
        /// How long events are kept (at least 24 hours).
        var retention: TimeInterval = 48 * 3600
        /// How often old events are deleted.
        var pruneInterval: TimeInterval = 600
    }

    private let database: AtlasDatabase
    private let hub: EventHub
    private let settings: Settings
    private let logger: Logger
    private let doorbell = Doorbell()
    private var sequencer: EventSequencer?
    private var loop: Task<Void, Never>?
    private var listener: EventListener?
    private var lastPrune = Date.distantPast
    private static let batchSize = 500

    init(database: AtlasDatabase, hub: EventHub, settings: Settings, listener: EventListener?, logger: Logger) {
        self.database = database
        self.hub = hub
        self.settings = settings
        self.listener = listener
        self.logger = logger
        database.events?.attach(doorbell)
    }

    /// Starts reading from the newest event on (once); returns its number.
    @discardableResult
    func start() async throws -> Int64 {
        if let sequencer { return sequencer.watermark }
        let head = try await EventLog.head(on: database.sql)
        sequencer = EventSequencer(watermark: head)
        let doorbell = self.doorbell, signal = database.events
        // Another process's commit may have queued a job: idle workers of this one look at once.
        listener?.start { doorbell.ring(); signal?.heardElsewhere() }
        loop = Task { await self.run() }
        return head
    }

    func stop() async {
        listener?.stop()
        loop?.cancel()
        doorbell.ring()
        await loop?.value
        loop = nil
    }

    /// The number of the newest event handed on (or stepped over).
    var watermark: Int64? { sequencer?.watermark }

    private func run() async {
        while !Task.isCancelled {
            let waiting = sequencer?.isWaiting ?? false
            await doorbell.wait(timeout: waiting ? .milliseconds(20) : settings.pollInterval)
            guard !Task.isCancelled else { return }
            do {
                try await drain()
                try await pruneIfDue()
            } catch {
                logger.warning("reading the event log failed: \(String(reflecting: error))")
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func drain() async throws {
        while var sequencer {
            let late = Array(sequencer.skipped.keys.sorted().prefix(200))
            let events = try await EventLog.read(after: sequencer.watermark, also: late, limit: Self.batchSize, on: database.sql)
            let numbers = sequencer.accept(events.map(\.seq), now: Date())
            self.sequencer = sequencer
            let wanted = Set(numbers)
            hub.publish(events.filter { wanted.contains($0.seq) })
            if events.count < Self.batchSize || numbers.isEmpty { return }
        }
    }

    private func pruneIfDue() async throws {
        let now = Date()
        guard now.timeIntervalSince(lastPrune) >= settings.pruneInterval else { return }
        lastPrune = now
        let cutoff = now.addingTimeInterval(-settings.retention)
        try await database.write { sql in try await EventLog.prune(before: cutoff, on: sql) }
    }
}
