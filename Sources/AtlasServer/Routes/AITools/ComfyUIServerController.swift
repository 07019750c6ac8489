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
                                      after: ComfyUIServerBody(stored: server), on: sql)
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
                                      before: ComfyUIServerBody(stored: server), on: sql)
            return server
        }
        await req.application.comfyUIPool.remove(server.url)
        return Response(status: .noContent)
    }
}
