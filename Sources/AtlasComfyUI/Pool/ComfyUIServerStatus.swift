import Foundation

/// What the pool knows about one server: health, load and Atlas's own runs on it. The figures a
/// queue-wait estimate starts from.
public struct ComfyUIServerStatus: Sendable, Equatable {
    public var url: URL
    public var health: ComfyUIServerHealth
    /// Running plus pending prompts at the last check (`GET /prompt`), from any client.
    public var queueRemaining: Int?
    /// Leases Atlas holds on it now.
    public var inFlight: Int
    public var concurrencyLimit: Int
    /// The workflow of the last run sent there: its node cache likely still holds it.
    public var lastWorkflow: String?
    /// `comfyui_version` of `/system_stats`, read when the server comes up.
    public var version: String?
    public var checkedAt: Date?

    public init(url: URL, health: ComfyUIServerHealth = .unknown, queueRemaining: Int? = nil, inFlight: Int = 0,
                concurrencyLimit: Int, lastWorkflow: String? = nil, version: String? = nil, checkedAt: Date? = nil) {
        self.url = url
        self.health = health
        self.queueRemaining = queueRemaining
        self.inFlight = inFlight
        self.concurrencyLimit = concurrencyLimit
        self.lastWorkflow = lastWorkflow
        self.version = version
        self.checkedAt = checkedAt
    }

    /// The load used to choose a server: its queue plus Atlas's runs on it.
    public var load: Int { (queueRemaining ?? 0) + inFlight }

    /// Up and under its concurrency limit.
    public var canTakeRun: Bool { health == .up && inFlight < concurrencyLimit }
}
