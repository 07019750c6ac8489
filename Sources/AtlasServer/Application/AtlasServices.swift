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
    var atlasDatabase: AtlasDatabase { AtlasDatabase(database: db, gate: atlas.gate) }
}

extension Request {
    var atlas: AtlasServices { application.atlas }
    var atlasDatabase: AtlasDatabase { AtlasDatabase(database: db, gate: application.atlas.gate) }

    /// Who is acting and when. Accounts will set the actor; until then requests are anonymous.
    var change: Change { Change(actor: storage[ActorKey.self], at: atlas.clock.now()) }

    /// The acting account or key, set by authentication.
    var actor: String? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }

    private struct ActorKey: StorageKey {
        typealias Value = String
    }
}
