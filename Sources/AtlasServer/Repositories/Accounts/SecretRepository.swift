import AtlasCore
import Foundation
import SQLKit

/// Sealed secrets of outside services by name. Plain text never reaches the database.
enum SecretRepository {
    struct Entry: Sendable {
        var name: String
        var updatedAt: Date
        var updatedBy: String?
    }

    /// Stores or replaces a sealed secret; true when it is new. One upsert, so two writers at once never collide.
    static func put(_ name: String, sealed: String, change: Change, on sql: any SQLDatabase) async throws -> Bool {
        let existed = try await self.sealed(name, on: sql) != nil
        try await sql.raw("""
            INSERT INTO secrets (name, sealed, updated_at, updated_by)
            VALUES (\(bind: name), \(bind: sealed), \(bind: change.at), \(bind: change.by))
            ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """).run()
        return !existed
    }

    static func sealed(_ name: String, on sql: any SQLDatabase) async throws -> String? {
        try await sql.raw("SELECT sealed FROM secrets WHERE name = \(bind: name)").first()?.decode(column: "sealed", as: String.self)
    }

    static func list(on sql: any SQLDatabase) async throws -> [Entry] {
        try await sql.raw("SELECT name, updated_at, updated_by FROM secrets ORDER BY name").all().map { row in
            Entry(name: try row.decode(column: "name", as: String.self), updatedAt: try row.decode(column: "updated_at", as: Date.self),
                  updatedBy: try row.decode(column: "updated_by", as: String?.self))
        }
    }

    static func delete(_ name: String, on sql: any SQLDatabase) async throws {
        guard try await sealed(name, on: sql) != nil else { throw AtlasError.notFound("secret", name) }
        try await sql.raw("DELETE FROM secrets WHERE name = \(bind: name)").run()
    }
}
