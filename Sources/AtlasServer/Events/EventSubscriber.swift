import AtlasCore
import Foundation
import NIOConcurrencyHelpers

/// One client of live events (a WebSocket or a job's event stream): who it is, what it
/// follows, and its outbox.
final class EventSubscriber: Sendable {
    let id = UUID()
    let outbox: EventOutbox
    private let state: NIOLockedValueBox<(viewer: EventViewer, topics: Set<EventTopic>)>
    /// Called when the account's project memberships changed, to reload them.
    let membershipChanged: @Sendable () -> Void
    /// Called when the server shuts down, to end the client's connection.
    let disconnect: @Sendable () -> Void

    /// The most topics one connection may follow; a client wanting more follows a project or `jobs`.
    static let maxTopics = 200

    init(viewer: EventViewer, topics: Set<EventTopic> = [], outbox: EventOutbox,
         membershipChanged: @escaping @Sendable () -> Void = {}, disconnect: @escaping @Sendable () -> Void = {}) {
        state = NIOLockedValueBox((viewer, topics))
        self.outbox = outbox
        self.membershipChanged = membershipChanged
        self.disconnect = disconnect
    }

    var viewer: EventViewer {
        get { state.withLockedValue { $0.viewer } }
        set { state.withLockedValue { $0.viewer = newValue } }
    }

    var topics: Set<EventTopic> { state.withLockedValue { $0.topics } }

    /// Adds topics; false (and nothing added) when that would pass `maxTopics`.
    func follow(_ topics: [EventTopic]) -> Bool {
        state.withLockedValue { state in
            guard state.topics.union(topics).count <= Self.maxTopics else { return false }
            state.topics.formUnion(topics)
            return true
        }
    }

    func unfollow(_ topics: [EventTopic]) {
        state.withLockedValue { $0.topics.subtract(topics) }
    }

    /// The topic `event` reaches this subscriber on (its most specific followed one), or nil
    /// when the subscriber does not follow it or may not see it.
    func topic(for event: AtlasEvent) -> EventTopic? {
        state.withLockedValue { state in
            guard state.viewer.maySee(event) else { return nil }
            return event.topics.first { state.topics.contains($0) }
        }
    }
}
