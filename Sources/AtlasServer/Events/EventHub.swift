import AtlasCore
import Foundation
import NIOConcurrencyHelpers

/// Hands each new event to the subscribers of this process that follow one of its topics and
/// may see it. Publishing only queues into outboxes; it never waits for a client.
final class EventHub: Sendable {
    private let subscribers = NIOLockedValueBox<[UUID: EventSubscriber]>([:])

    func add(_ subscriber: EventSubscriber) {
        subscribers.withLockedValue { $0[subscriber.id] = subscriber }
    }

    func remove(_ subscriber: EventSubscriber) {
        subscribers.withLockedValue { $0[subscriber.id] = nil }
        subscriber.outbox.close()
    }

    var count: Int { subscribers.withLockedValue { $0.count } }

    /// Ends every subscriber's connection (the server is shutting down).
    func disconnectAll() {
        let all = subscribers.withLockedValue { all in
            defer { all = [:] }
            return Array(all.values)
        }
        for subscriber in all {
            subscriber.outbox.close()
            subscriber.disconnect()
        }
    }

    /// Gives every subscriber of `user` its reloaded project memberships.
    func updateViewer(of user: UUID, projects: Set<UUID>) {
        for subscriber in subscribers.withLockedValue({ Array($0.values) }) where subscriber.viewer.userID == user {
            subscriber.viewer.projects = projects
        }
    }

    func publish(_ events: [AtlasEvent]) {
        let current = subscribers.withLockedValue { Array($0.values) }
        guard !current.isEmpty else { return }
        for event in events {
            if let member = Self.membershipChange(event) {
                for subscriber in current where subscriber.viewer.userID == member { subscriber.membershipChanged() }
            }
            // Most subscribers receive an event on the same topic: encode it once per topic.
            var encoded: [EventTopic: String] = [:]
            for subscriber in current {
                guard let topic = subscriber.topic(for: event) else { continue }
                let text = encoded[topic] ?? EventMessage(event, topic: topic).text
                encoded[topic] = text
                subscriber.outbox.offer(event: text, seq: event.seq)
            }
        }
    }

    /// The account whose project memberships `event` changed, if it is such an event.
    private static func membershipChange(_ event: AtlasEvent) -> UUID? {
        guard event.type == ProjectEvents.memberAdded || event.type == ProjectEvents.memberRemoved else { return nil }
        return event.owner.flatMap(UUID.init(uuidString:))
    }
}
