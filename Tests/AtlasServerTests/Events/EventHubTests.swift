import AtlasCore
import Foundation
import Testing
@testable import AtlasServer

@Suite("Handing events to subscribers without waiting for any of them")
struct EventHubTests {
    func event(_ seq: Int64, project: UUID) -> AtlasEvent {
        AtlasEvent(seq: seq, type: "asset.updated", at: Date(), objectID: UUID(), projectID: project, data: [:])
    }

    @Test("A subscriber that does not read gets a bounded queue and then one resync naming the last event it was given; a reading one gets everything")
    func slowSubscriber() async {
        let project = UUID()
        let viewer = EventViewer(seesAll: true, userID: UUID(), projects: [])
        let hub = EventHub()
        let slow = EventSubscriber(viewer: viewer, topics: [.project(project)], outbox: EventOutbox(capacity: 5, after: 100))
        let fast = EventSubscriber(viewer: viewer, topics: [.project(project)], outbox: EventOutbox(capacity: 5, after: 100))
        hub.add(slow)
        hub.add(fast)
        var received = 0
        for seq in 101...120 {
            hub.publish([event(Int64(seq), project: project)])
            received += await fast.outbox.next()?.count ?? 0
        }
        #expect(received == 20)
        let backlog = await slow.outbox.next() ?? []
        #expect(backlog.count == 6)
        #expect(backlog.last == .resync(after: 105))
        hub.publish([event(121, project: project)])
        #expect(await slow.outbox.next()?.count == 1, "after the resync, events flow again")
        hub.remove(slow)
        #expect(await slow.outbox.next() == nil)
    }

    @Test("Events of projects a subscriber is not a member of, or on topics it does not follow, are not queued")
    func filtering() async {
        let mine = UUID(), theirs = UUID()
        let viewer = EventViewer(seesAll: false, userID: UUID(), projects: [mine])
        let hub = EventHub()
        let subscriber = EventSubscriber(viewer: viewer, topics: [.project(mine), .project(theirs)],
                                         outbox: EventOutbox(capacity: 10, after: 0))
        hub.add(subscriber)
        hub.publish([event(1, project: theirs), event(2, project: mine)])
        let items = await subscriber.outbox.next() ?? []
        #expect(items.count == 1)
        guard case .text(let text)? = items.first else { return }
        #expect(text.contains("\"seq\":2"))
    }
}
