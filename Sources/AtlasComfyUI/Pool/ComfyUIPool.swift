import AsyncHTTPClient
import Foundation
import Logging

/// The ComfyUI servers Atlas runs tools on: health-checked, load-balanced, with a slot limit per
/// server. A worker takes a lease on the best server, runs there, and gives the lease back.
///
/// When no server can take a run, `tryLease` says why and `lease` waits; neither fails, so jobs
/// stay queued with a clear status while every server is down.
public actor ComfyUIPool {
    private struct Entry {
        var configuration: ComfyUIServerConfiguration
        var client: ComfyUIClient
        var status: ComfyUIServerStatus
    }

    private struct Waiter {
        var id: UUID
        var workflow: String?
        var continuation: CheckedContinuation<ComfyUILease, any Error>
    }

    private var entries: [Entry] = []
    private var leases: [UUID: URL] = [:]
    private var waiters: [Waiter] = []
    private let httpClient: HTTPClient
    private let checkTimeout: Duration
    private let logger = Logger(label: "atlas.comfyui.pool")

    /// - Parameter checkTimeout: How long a health check may take before the server counts as down.
    public init(servers: [ComfyUIServerConfiguration], httpClient: HTTPClient = .shared, checkTimeout: Duration = .seconds(5)) {
        self.httpClient = httpClient
        self.checkTimeout = checkTimeout
        self.entries = servers.map { Self.entry(for: $0, httpClient: httpClient) }
    }

    /// Adds a server, or updates its credentials and limit. It takes runs after its first good check.
    public func add(_ server: ComfyUIServerConfiguration) {
        let entry = Self.entry(for: server, httpClient: httpClient)
        if let index = index(of: server.url) {
            entries[index].configuration = server
            entries[index].client = entry.client
            entries[index].status.concurrencyLimit = server.concurrencyLimit
        } else {
            entries.append(entry)
        }
        wakeWaiters()
    }

    /// Removes a server. Leases on it stay valid until released.
    public func remove(_ url: URL) {
        entries.removeAll { $0.configuration.url == url }
    }

    /// Every server's health and load, in configuration order.
    public func statuses() -> [ComfyUIServerStatus] {
        entries.map(\.status)
    }

    /// The client for a configured server, for calls that need no slot (such as `/object_info`).
    public func client(for url: URL) -> ComfyUIClient? {
        entries.first { $0.configuration.url == url }?.client
    }

    /// Why no server can take a run now, or `nil` when one can.
    public func waitReason() -> ComfyUIPoolWait? {
        let statuses = statuses()
        if statuses.contains(where: \.canTakeRun) { return nil }
        let up = statuses.filter { $0.health == .up }
        if !up.isEmpty { return .allBusy(servers: up.count) }
        var reasons: [URL: String] = [:]
        for status in statuses {
            if case .down(let reason) = status.health { reasons[status.url] = reason } else { reasons[status.url] = "not checked yet" }
        }
        return .noServerAvailable(reasons: reasons)
    }

    /// Takes a slot on the best server now, or says why there is none.
    ///
    /// - Parameter workflow: What will run (a tool name and version): on equal load the server
    ///   that ran it last is preferred, because its node cache still holds it.
    public func tryLease(workflow: String? = nil) -> ComfyUILeaseAttempt {
        guard let url = ComfyUIServerChoice.best(among: statuses(), workflow: workflow),
              let index = index(of: url) else {
            return .waiting(waitReason() ?? .allBusy(servers: 0))
        }
        entries[index].status.inFlight += 1
        entries[index].status.lastWorkflow = workflow ?? entries[index].status.lastWorkflow
        let lease = ComfyUILease(id: UUID(), server: url, client: entries[index].client)
        leases[lease.id] = url
        return .leased(lease)
    }

    /// Takes a slot on the best server, waiting as long as none can take a run; callers that
    /// wait are served in turn. Throws only `CancellationError`.
    public func lease(workflow: String? = nil) async throws -> ComfyUILease {
        if waiters.isEmpty, let lease = tryLease(workflow: workflow).lease { return lease }
        let id = UUID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append(Waiter(id: id, workflow: workflow, continuation: continuation))
                }
            }
        } onCancel: {
            Task { await self.abandonWait(id) }
        }
    }

    /// Gives a slot back. Pass the error a run ended with: a server failure (`.unreachable`,
    /// `.lost`) marks the server down until its next good check, so retries go elsewhere.
    public func release(_ lease: ComfyUILease, failure: ComfyUIError? = nil) {
        guard let url = leases.removeValue(forKey: lease.id) else { return }
        if let index = index(of: url) {
            entries[index].status.inFlight -= 1
            if let failure, failure.isServerFailure { markDown(at: index, reason: failure.description) }
        }
        wakeWaiters()
    }

    /// Marks a server down until its next good check.
    public func markDown(_ url: URL, reason: String) {
        guard let index = index(of: url) else { return }
        markDown(at: index, reason: reason)
    }

    /// Checks every server once, at the same time: `GET /prompt` for liveness and load, and
    /// `/system_stats` when a server comes (back) up, since a restart wipes its queue and history.
    public func checkHealth() async {
        let targets = entries.map { (url: $0.configuration.url, client: $0.client, wasUp: $0.status.health == .up) }
        let timeout = checkTimeout
        let results = await withTaskGroup(of: (URL, ComfyUIHealthProbe).self) { group in
            for target in targets {
                group.addTask { (target.url, await ComfyUIHealthProbe.probe(target.client, timeout: timeout, wasUp: target.wasUp)) }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        for (url, probe) in results { record(probe, for: url) }
        wakeWaiters()
    }

    /// Checks the servers every `interval` until the calling task is cancelled.
    public func runHealthChecks(every interval: Duration = .seconds(10)) async {
        while !Task.isCancelled {
            await checkHealth()
            try? await Task.sleep(for: interval)
        }
    }

    private static func entry(for server: ComfyUIServerConfiguration, httpClient: HTTPClient) -> Entry {
        Entry(configuration: server, client: ComfyUIClient(baseURL: server.url, credentials: server.credentials, httpClient: httpClient),
              status: ComfyUIServerStatus(url: server.url, concurrencyLimit: server.concurrencyLimit))
    }

    /// Where the server of `url` is in `entries`.
    private func index(of url: URL) -> Int? {
        entries.firstIndex { $0.configuration.url == url }
    }

    private func record(_ probe: ComfyUIHealthProbe, for url: URL) {
        guard let index = index(of: url) else { return }
        entries[index].status.checkedAt = Date()
        switch probe {
        case .up(let queueRemaining, let version):
            if entries[index].status.health != .up { logger.info("ComfyUI server is up", metadata: ["server": "\(url)"]) }
            entries[index].status.health = .up
            entries[index].status.queueRemaining = queueRemaining
            if let version { entries[index].status.version = version }
        case .down(let reason):
            markDown(at: index, reason: reason)
        }
    }

    private func markDown(at index: Int, reason: String) {
        if entries[index].status.health == .up {
            logger.warning("ComfyUI server is down", metadata: ["server": "\(entries[index].configuration.url)", "reason": "\(reason)"])
        }
        entries[index].status.health = .down(reason: reason)
    }

    private func wakeWaiters() {
        while let waiter = waiters.first, let lease = tryLease(workflow: waiter.workflow).lease {
            waiters.removeFirst()
            waiter.continuation.resume(returning: lease)
        }
    }

    private func abandonWait(_ id: UUID) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
