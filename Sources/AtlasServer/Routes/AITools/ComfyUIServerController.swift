import AtlasComfyUI
import AtlasCore
import Foundation
import Vapor

/// `/api/v1/comfyui-servers`: the pool, for administrators. Servers of `ATLAS_COMFYUI_URLS` are
/// listed but cannot be removed here; credentials are sealed at rest and never returned.
struct ComfyUIServerController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.listComfyUIServers, use: list)
        routes.on(Endpoints.addComfyUIServer, use: add)
        routes.on(Endpoints.removeComfyUIServer, use: remove)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let stored = try await ComfyUIServerRepository.all(on: req.atlasDatabase.sql)
        let statuses = await req.application.comfyUIPool.statuses()
        return try JSONResponse.make(["items": statuses.map { status in
            ComfyUIServerBody(status, stored: stored.first { $0.url == status.url })
        }])
    }

    @Sendable func add(_ req: Request) async throws -> Response {
        let input = try RequestJSON.decode(AddComfyUIServerInput.self, from: req)
        let credentials = try input.comfyUICredentials()
        let change = req.change
        let server = ComfyUIServerRepository.Server(
            id: AtlasID.make(at: change.at), url: try input.serverURL(), name: input.name ?? input.url,
            concurrencyLimit: try input.limit(),
            sealedCredentials: try credentials.map { try req.atlas.secrets.seal(JSONCoding.text($0), name: input.url) },
            createdAt: change.at)
        try await req.atlasDatabase.write { sql in
            try await ComfyUIServerRepository.add(server, change: change, on: sql)
            try await AuditLog.record(change, kind: "comfyui_server", id: server.id,
                                      after: ComfyUIServerBody(ComfyUIServerStatus(url: server.url, concurrencyLimit: server.concurrencyLimit),
                                                               stored: server), on: sql)
        }
        let pool = req.application.comfyUIPool
        await pool.add(ComfyUIServerConfiguration(url: server.url, credentials: credentials, concurrencyLimit: server.concurrencyLimit))
        let status = await pool.statuses().first { $0.url == server.url }
            ?? ComfyUIServerStatus(url: server.url, concurrencyLimit: server.concurrencyLimit)
        return try JSONResponse.make(ComfyUIServerBody(status, stored: server), status: .created)
    }

    @Sendable func remove(_ req: Request) async throws -> Response {
        let id = try req.objectID("server_id", kind: "comfyui_server")
        let change = req.change
        let server = try await req.atlasDatabase.write { sql in
            let server = try await ComfyUIServerRepository.remove(id, on: sql)
            try await AuditLog.record(change, kind: "comfyui_server", id: id,
                                      before: ComfyUIServerBody(ComfyUIServerStatus(url: server.url, concurrencyLimit: server.concurrencyLimit),
                                                                stored: server), on: sql)
            return server
        }
        await req.application.comfyUIPool.remove(server.url)
        return Response(status: .noContent)
    }
}

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

/// The body of a request adding a server.
struct AddComfyUIServerInput: Decodable, Sendable {
    struct Credentials: Decodable, Sendable {
        var user: String?
        var password: String?
        var headerName: String?
        var headerValue: String?

        enum CodingKeys: String, CodingKey {
            case user, password
            case headerName = "header_name", headerValue = "header_value"
        }
    }

    var url: String
    var name: String?
    var concurrencyLimit: Int?
    var credentials: Credentials?

    enum CodingKeys: String, CodingKey {
        case url, name, credentials
        case concurrencyLimit = "concurrency_limit"
    }

    func serverURL() throws -> URL {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
            throw AtlasError.invalid("url", "is not an http:// or https:// address")
        }
        return parsed
    }

    func limit() throws -> Int {
        let limit = concurrencyLimit ?? 2
        guard (1...64).contains(limit) else { throw AtlasError.invalid("concurrency_limit", "must be 1–64") }
        return limit
    }

    /// Basic (user and password) or one header (name and value); nothing else.
    func comfyUICredentials() throws -> ComfyUICredentials? {
        guard let credentials else { return nil }
        switch (credentials.user, credentials.password, credentials.headerName, credentials.headerValue) {
        case (nil, nil, nil, nil): return nil
        case (let user?, let password?, nil, nil): return .basic(user: user, password: password)
        case (nil, nil, let name?, let value?) where !name.isEmpty: return .header(name: name, value: value)
        default: throw AtlasError.invalid("credentials", "give user and password, or header_name and header_value")
        }
    }
}
