import AtlasComfyUI
import AtlasCore
import Foundation
import SQLKit

/// ComfyUI servers added through the admin API. Credentials are stored sealed and only opened
/// to hand them to the pool; the API never returns them.
enum ComfyUIServerRepository {
    struct Server: Sendable {
        var id: UUID
        var url: URL
        var name: String
        var concurrencyLimit: Int
        var sealedCredentials: String?
        var createdAt: Date
    }

    static func add(_ server: Server, change: Change, on sql: any SQLDatabase) async throws {
        let exists = AtlasError.conflict("comfyui_server_exists", "A ComfyUI server at \(server.url.absoluteString) is already configured.")
        try await UniqueViolation.map(to: exists) {
            try await sql.raw("""
                INSERT INTO comfyui_servers (id, url, name, concurrency_limit, credentials, created_at, created_by)
                VALUES (\(bind: server.id), \(bind: server.url.absoluteString), \(bind: server.name), \(bind: server.concurrencyLimit),
                        \(bind: server.sealedCredentials), \(bind: server.createdAt), \(bind: change.by))
                """).run()
        }
    }

    static func all(on sql: any SQLDatabase) async throws -> [Server] {
        try await sql.raw("""
            SELECT id, url, name, concurrency_limit, credentials, created_at FROM comfyui_servers ORDER BY created_at, id
            """).all().map { row in
            Server(id: try row.decode(column: "id", as: UUID.self),
                   url: URL(string: try row.decode(column: "url", as: String.self)) ?? URL(fileURLWithPath: "/"),
                   name: try row.decode(column: "name", as: String.self),
                   concurrencyLimit: try row.decode(column: "concurrency_limit", as: Int.self),
                   sealedCredentials: try row.decode(column: "credentials", as: String?.self),
                   createdAt: try row.decode(column: "created_at", as: Date.self))
        }
    }

    static func remove(_ id: UUID, on sql: any SQLDatabase) async throws -> Server {
        guard let server = try await all(on: sql).first(where: { $0.id == id }) else { throw AtlasError.notFound("comfyui_server", id.lowercased) }
        try await sql.raw("DELETE FROM comfyui_servers WHERE id = \(bind: id)").run()
        return server
    }

    /// The server as the pool takes it, its credentials opened.
    static func configuration(_ server: Server, secrets: SecretBox) throws -> ComfyUIServerConfiguration {
        let credentials = try server.sealedCredentials.map { sealed in
            try JSONCoding.sharedDecoder.decode(ComfyUICredentials.self, from: Data(try secrets.open(sealed, name: server.url.absoluteString).utf8))
        }
        return ComfyUIServerConfiguration(url: server.url, credentials: credentials, concurrencyLimit: server.concurrencyLimit)
    }
}
