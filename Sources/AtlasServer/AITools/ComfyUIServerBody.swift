import AtlasComfyUI
import Foundation

/// A server of the pool as the API shows it: never its credentials, only whether it has some.
struct ComfyUIServerBody: Encodable, Sendable {
    var id: String?
    var url: String
    var name: String
    var concurrencyLimit: Int
    var source: String
    var health: String
    var reason: String?
    var queueRemaining: Int?
    var inFlight: Int
    var version: String?
    var hasCredentials: Bool

    /// A stored server as the audit log records it, before the pool has checked it.
    init(stored server: ComfyUIServerRepository.Server) {
        self.init(ComfyUIServerStatus(url: server.url, concurrencyLimit: server.concurrencyLimit), stored: server)
    }

    init(_ status: ComfyUIServerStatus, stored: ComfyUIServerRepository.Server?) {
        id = stored?.id.lowercased
        url = status.url.absoluteString
        name = stored?.name ?? status.url.absoluteString
        concurrencyLimit = status.concurrencyLimit
        source = stored == nil ? "environment" : "api"
        switch status.health {
        case .unknown: health = "unknown"
        case .up: health = "up"
        case .down(let why):
            health = "down"
            reason = why
        }
        queueRemaining = status.queueRemaining
        inFlight = status.inFlight
        version = status.version
        hasCredentials = stored?.sealedCredentials != nil
    }

    enum CodingKeys: String, CodingKey {
        case id, url, name, source, health, reason, version
        case concurrencyLimit = "concurrency_limit", queueRemaining = "queue_remaining", inFlight = "in_flight",
             hasCredentials = "has_credentials"
    }
}
