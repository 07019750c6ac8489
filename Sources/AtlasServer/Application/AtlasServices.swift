import AtlasCore
import AtlasStorage
import Vapor

/// What every request handler reaches through `req.atlas`: configuration, the blob store,
/// the SQLite write gate and the clock, made once at start.
struct AtlasServices: Sendable {
    let configuration: AtlasConfiguration
    let blobs: any BlobStore
    let gate: WriteGate?
    let clock: any AtlasClock
    let passwords: PasswordHasher
    /// Seals and opens stored secrets of outside services.
    let secrets: SecretBox
    let throttle: LoginThrottle
    /// This application's Prometheus registry and the metrics recorded into it (`GET /metrics`).
    let metrics: AtlasMetrics
    /// Live events: what WebSocket and Server-Sent Events clients receive.
    let events: LiveEvents
    let usage = UsageLedger()
    /// The job kinds this process runs.
    let jobHandlers = JobHandlers([NoopJob()])
}

extension Application {
    private struct AtlasServicesKey: StorageKey {
        typealias Value = AtlasServices
    }

    var atlas: AtlasServices {
        get {
            guard let services = storage[AtlasServicesKey.self] else {
                fatalError("Atlas services used before configure(_:_:) ran")
            }
            return services
        }
        set { storage[AtlasServicesKey.self] = newValue }
    }

    /// The database as repositories use it, outside any request (CLI, start-up).
    var atlasDatabase: AtlasDatabase { AtlasDatabase(database: db, gate: atlas.gate, events: atlas.events.signal) }
}

extension Request {
    var atlas: AtlasServices { application.atlas }
    var atlasDatabase: AtlasDatabase { AtlasDatabase(database: db, gate: application.atlas.gate, events: application.atlas.events.signal) }

    /// Who is acting, when, and through which operation.
    var change: Change {
        Change(actor: principal?.auditActor ?? AuditActor(userID: nil, name: "anonymous"), at: atlas.clock.now(),
               action: endpoint?.operationID ?? "\(method.rawValue) \(url.path)",
               clientAddress: remoteAddress?.ipAddress, requestID: id, clientID: clientID)
    }
}
