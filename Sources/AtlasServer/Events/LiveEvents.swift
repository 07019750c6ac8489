import Foundation
import Vapor

/// The live events of one application: the signal its writes raise, the feed that reads the
/// log, and the hub that hands events to its subscribers. The feed starts with the first
/// subscriber (or with `atlas serve`) and stops with the application.
final class LiveEvents: Sendable {
    let signal: EventSignal
    let hub = EventHub()
    let feed: EventFeed

    init(signal: EventSignal, database: AtlasDatabase, listener: EventListener?, settings: EventFeed.Settings, logger: Logger) {
        self.signal = signal
        feed = EventFeed(database: database, hub: hub, settings: settings, listener: listener, logger: logger)
    }

    /// Adds `subscriber` once the feed runs. Returns the feed's position after adding it: every
    /// event numbered above it reaches the subscriber (if it follows and may see it).
    @discardableResult
    func subscribe(_ subscriber: EventSubscriber) async throws -> Int64 {
        let head = try await feed.start()
        hub.add(subscriber)
        return await feed.watermark ?? head
    }

    func unsubscribe(_ subscriber: EventSubscriber) {
        hub.remove(subscriber)
    }
}

/// Stops the feed (and its PostgreSQL listener) when the application shuts down.
struct LiveEventsLifecycle: LifecycleHandler {
    let events: LiveEvents

    func shutdownAsync(_ application: Application) async {
        await events.feed.stop()
        events.hub.disconnectAll()
    }
}

extension Application {
    /// Ends every live-events connection: call before stopping the HTTP server, which otherwise
    /// waits for open WebSockets to close by themselves.
    public func disconnectLiveEventClients() {
        atlas.events.hub.disconnectAll()
    }
}
