import NIOConcurrencyHelpers

/// What waits to be sent to one live-events client, bounded.
///
/// The hub only ever appends here, without waiting, so a client that reads slowly holds up no
/// one else. When its queue is full, further events are dropped until the queue has been
/// handed to the sender, which then tells the client to `resync`: replay the log from the last
/// event it was given.
final class EventOutbox: Sendable {
    enum Item: Sendable, Equatable {
        /// A message ready to send.
        case text(String)
        /// Events after this number were dropped.
        case resync(after: Int64)
    }

    private struct State {
        var items: [Item] = []
        var queuedEvents = 0
        var lastQueued: Int64
        var droppedAfter: Int64?
        var waiter: CheckedContinuation<[Item]?, Never>?
        var closed = false
    }

    let capacity: Int
    private let state: NIOLockedValueBox<State>

    /// `after`: the number of the newest event the client already has (or was offered).
    init(capacity: Int, after: Int64) {
        self.capacity = capacity
        state = NIOLockedValueBox(State(lastQueued: after))
    }

    /// Records that the client starts after event `seq` (what a `resync` counts from).
    func advance(to seq: Int64) {
        state.withLockedValue { $0.lastQueued = max($0.lastQueued, seq) }
    }

    /// Queues event `seq`, or drops it when the queue is full.
    func offer(event text: String, seq: Int64) {
        push { state in
            guard state.droppedAfter == nil else { return false }
            guard state.queuedEvents < capacity else {
                state.droppedAfter = state.lastQueued
                return true
            }
            state.items.append(.text(text))
            state.queuedEvents += 1
            state.lastQueued = max(state.lastQueued, seq)
            return true
        }
    }

    /// Queues a reply or notice; these are few, so they are never dropped.
    func offer(control text: String) {
        push { state in
            state.items.append(.text(text))
            return true
        }
    }

    /// Everything queued, oldest first (waiting for something if the queue is empty); nil once closed.
    func next() async -> [Item]? {
        await withCheckedContinuation { continuation in
            let ready = state.withLockedValue { state -> [Item]?? in
                if let batch = Self.take(&state) { return .some(batch) }
                if state.closed { return .some(nil) }
                state.waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Stops the sender; what is still queued is discarded.
    func close() {
        let waiter = state.withLockedValue { state in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }

    private func push(_ change: (inout State) -> Bool) {
        let (waiter, batch) = state.withLockedValue { state -> (CheckedContinuation<[Item]?, Never>?, [Item]?) in
            guard !state.closed, change(&state), let waiter = state.waiter, let batch = Self.take(&state) else { return (nil, nil) }
            state.waiter = nil
            return (waiter, batch)
        }
        waiter?.resume(returning: batch)
    }

    private static func take(_ state: inout State) -> [Item]? {
        var batch = state.items
        if let after = state.droppedAfter {
            batch.append(.resync(after: after))
            state.droppedAfter = nil
        }
        guard !batch.isEmpty else { return nil }
        state.items = []
        state.queuedEvents = 0
        return batch
    }
}
