import Foundation
import NIOConcurrencyHelpers

/// Tells readers of the event log that a commit added events: the feed of this process at
/// once, and — on PostgreSQL — every other replica and worker through `NOTIFY atlas_events`.
///
/// The NOTIFY is sent after the commit, not inside the transaction: PostgreSQL serialises the
/// commits of notifying transactions on one global lock, which would cap the job queue's
/// throughput. Sends are coalesced (one in flight, at most one more queued), and readers also
/// poll, so a process that dies between its commit and its NOTIFY delays events, never loses them.
final class EventSignal: Sendable {
    /// Set for the duration of one `AtlasDatabase.write`; `EventLog.append` marks it.
    final class Mark: Sendable {
        private let marked = NIOLockedValueBox(false)
        func set() { marked.withLockedValue { $0 = true } }
        var isSet: Bool { marked.withLockedValue { $0 } }
    }

    @TaskLocal static var pending: Mark?

    static func markPending() { pending?.set() }

    private let doorbells = NIOLockedValueBox<[Doorbell]>([])
    private let notify: (@Sendable () async throws -> Void)?
    private let sending = NIOLockedValueBox((inFlight: false, again: false))

    /// `notify` tells other processes (PostgreSQL's NOTIFY); nil when nothing else can be listening.
    init(notify: (@Sendable () async throws -> Void)?) {
        self.notify = notify
    }

    /// A feed of this process that wants to hear about commits.
    func attach(_ doorbell: Doorbell) {
        doorbells.withLockedValue { $0.append(doorbell) }
    }

    func detach(_ doorbell: Doorbell) {
        doorbells.withLockedValue { $0.removeAll { $0 === doorbell } }
    }

    /// Another process announced a commit (PostgreSQL's NOTIFY, heard by `EventListener`): wakes
    /// this process's feeds and idle job workers, without announcing it again.
    func heardElsewhere() {
        for doorbell in doorbells.withLockedValue({ $0 }) { doorbell.ring() }
    }

    /// Called after a write that appended events has committed.
    func committed() {
        heardElsewhere()
        guard notify != nil else { return }
        let start = sending.withLockedValue { state -> Bool in
            if state.inFlight {
                state.again = true
                return false
            }
            state.inFlight = true
            return true
        }
        if start { Task { await self.sendNotifications() } }
    }

    private func sendNotifications() async {
        while true {
            try? await notify?()
            let more = sending.withLockedValue { state -> Bool in
                if state.again {
                    state.again = false
                    return true
                }
                state.inFlight = false
                return false
            }
            if !more { return }
        }
    }
}
