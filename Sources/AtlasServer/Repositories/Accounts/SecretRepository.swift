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

    static func put(_ name: String, sealed: String, change: Change, on sql: any SQLDatabase) async throws -> Bool {
        let exists = try await sql.raw("SELECT name FROM secrets WHERE name = \(bind: name)").first() != nil
        if exists {
            try await sql.raw("""
                UPDATE secrets SET sealed = \(bind: sealed), updated_at = \(bind: change.at), updated_by = \(bind: change.by)
                WHERE name = \(bind: name)
                """).run()
        } else {
            try await sql.raw("""
                INSERT INTO secrets (name, sealed, updated_at, updated_by)
                VALUES (\(bind: name), \(bind: sealed), \(bind: change.at), \(bind: change.by))
                """).run()
        }
        return !exists
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
