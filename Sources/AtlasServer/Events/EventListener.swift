import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import FluentPostgresDriver

/// Hears other processes announce new events: a PostgreSQL connection of its own, kept out of
/// the pool, that `LISTEN`s on `atlas_events` and reconnects when it drops.
final class EventListener: Sendable {
    static let channel = "atlas_events"

    private let configuration: PostgresConnection.Configuration
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)
    private let connection = NIOLockedValueBox<PostgresConnection?>(nil)

    init(configuration: PostgresConnection.Configuration, eventLoopGroup: any EventLoopGroup, logger: Logger) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// Calls `heard` for every announcement, and once after each (re)connection, since
    /// announcements made while disconnected are lost.
    func start(_ heard: @escaping @Sendable () -> Void) {
        let loop = Task { await self.listen(heard) }
        task.withLockedValue { $0 = loop }
    }

    func stop() {
        task.withLockedValue { $0?.cancel() }
        // Closing the connection ends the notification sequence the task is reading.
        // The close callback keeps the connection alive until it has closed.
        if let open = connection.withLockedValue({ $0 }) { open.close().whenComplete { _ in _ = open } }
    }

    private func listen(_ heard: @escaping @Sendable () -> Void) async {
        var failures = 0
        while !Task.isCancelled {
            do {
                let open = try await PostgresConnection.connect(on: eventLoopGroup.any(), configuration: configuration,
                                                                id: 0, logger: logger).get()
                connection.withLockedValue { $0 = open }
                do {
                    if !Task.isCancelled {
                        try await open.listen(on: Self.channel) { notifications in
                            failures = 0
                            heard()
                            for try await _ in notifications { heard() }
                        }
                    }
                } catch {
                    connection.withLockedValue { $0 = nil }
                    try? await open.close()
                    throw error
                }
                connection.withLockedValue { $0 = nil }
                try? await open.close()
            } catch {
                if Task.isCancelled { return }
                failures += 1
                if failures == 1 { logger.warning("listening for events of other processes failed, retrying: \(error)") }
            }
            try? await Task.sleep(for: .seconds(min(5, failures)))
        }
    }
}
