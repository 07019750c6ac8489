import AtlasCore
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// What `atlas bench events` measured, in milliseconds, in no particular order.
@_spi(Benchmarks) public struct EventBenchmarkResult: Sendable {
    /// A change committed through the server the client is connected to.
    public let sameReplica: [Double]
    /// A change committed through a second server on the same database (PostgreSQL only).
    public let acrossReplicas: [Double]
}

extension AtlasRuntime {
    /// Starts one server (two on PostgreSQL) in this process, connects a WebSocket client to the
    /// first following `jobs`, then commits `changes` changes one after another — each queues a
    /// job — through each server, timing each from just before its write until the client has
    /// the event. The write's own commit is inside the figure, so it errs on the slow side.
    @_spi(Benchmarks) public static func benchmarkEvents(_ configuration: AtlasConfiguration, changes: Int,
                                                         acrossReplicas: Bool) async throws -> EventBenchmarkResult {
        let key = try await withApplication(configuration) { app in
            try await AccountCommands.createUser(on: app, username: "bench-events", password: "bench-" + UUID().uuidString,
                                                 role: "administrator", displayName: nil, apiKeyName: "bench").apiKey ?? ""
        }
        let servers = try await startServers(configuration, count: acrossReplicas ? 2 : 1)
        do {
            let probe = try await EventProbe.connect(port: servers[0].port, key: key)
            var same: [Double] = [], across: [Double] = []
            for round in 0..<changes {
                let through = acrossReplicas && round % 2 == 1 ? servers[1] : servers[0]
                let milliseconds = try await probe.time { try await enqueueProbeJob(on: through.app) }
                if through === servers[0] { same.append(milliseconds) } else { across.append(milliseconds) }
            }
            await probe.close()
            for server in servers { try await server.shutdown() }
            return EventBenchmarkResult(sameReplica: same, acrossReplicas: across)
        } catch {
            for server in servers { try? await server.shutdown() }
            throw error
        }
    }

    private static func startServers(_ configuration: AtlasConfiguration, count: Int) async throws -> [BenchmarkServer] {
        var servers: [BenchmarkServer] = []
        do {
            for _ in 0..<count { servers.append(try await startForBenchmark(configuration)) }
        } catch {
            for server in servers { try? await server.shutdown() }
            throw error
        }
        return servers
    }

    /// Queues a job of a kind no worker runs, so nothing but its `job.queued` event follows.
    private static func enqueueProbeJob(on app: Application) async throws -> UUID {
        let now = Date()
        let job = Job(id: AtlasID.make(at: now), kind: "bench.event-probe", payload: [:], runAfter: now, createdAt: now)
        return try await app.atlasDatabase.write { sql in
            try await JobRepository.enqueue(job, change: .cli("bench.events", at: now), on: sql).id
        }
    }
}

/// A WebSocket client of `/api/v1/events` following `jobs`, timing changes until their event arrives.
private final class EventProbe: Sendable {
    private let socket: WebSocket
    private let arrivals: NIOLockedValueBox<[String: ContinuousClock.Instant]>

    private init(socket: WebSocket, arrivals: NIOLockedValueBox<[String: ContinuousClock.Instant]>) {
        self.socket = socket
        self.arrivals = arrivals
    }

    static func connect(port: Int, key: String) async throws -> EventProbe {
        let arrivals = NIOLockedValueBox<[String: ContinuousClock.Instant]>([:])
        let opened = NIOLockedValueBox<WebSocket?>(nil)
        try await WebSocket.connect(to: "ws://127.0.0.1:\(port)/api/v1/events", headers: ["Authorization": "Bearer \(key)"],
                                    on: MultiThreadedEventLoopGroup.singleton) { ws in
            opened.withLockedValue { $0 = ws }
            ws.onText { _, text in
                let now = ContinuousClock.now
                guard let message = try? JSONDecoder().decode(ProbeMessage.self, from: Data(text.utf8)), let id = message.data?.id else { return }
                arrivals.withLockedValue { $0[id] = now }
            }
        }
        // The upgrade callback may run just after `connect` returns.
        let deadline = ContinuousClock.now + .seconds(5)
        while opened.withLockedValue({ $0 }) == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        guard let socket = opened.withLockedValue({ $0 }) else { throw StartupError("the events WebSocket did not open") }
        try await socket.send(#"{"type": "subscribe", "topics": ["jobs"]}"#)
        try await Task.sleep(for: .milliseconds(200))
        return EventProbe(socket: socket, arrivals: arrivals)
    }

    /// Milliseconds from calling `change` until the event about the object it returns arrived.
    func time(_ change: () async throws -> UUID) async throws -> Double {
        let started = ContinuousClock.now
        let id = try await change().uuidString.lowercased()
        let deadline = started + .seconds(10)
        while ContinuousClock.now < deadline {
            if let arrived = arrivals.withLockedValue({ $0.removeValue(forKey: id) }) {
                let (seconds, attoseconds) = (arrived - started).components
                return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
            }
            // Polled, not awaited: the arrival time is stamped by the socket handler, so the poll adds nothing to the figure.
            try await Task.sleep(for: .microseconds(200))
        }
        throw StartupError("no event for job \(id) within 10 seconds")
    }

    func close() async {
        try? await socket.close()
    }

    private struct ProbeMessage: Decodable {
        struct Data: Decodable { var id: String? }
        var data: Data?
    }
}
