import AtlasCore
import Foundation
import SQLKit

/// Reading and writing the `atlas_objects` row that every object has.
enum ObjectRow {
    /// The columns of `atlas_objects` as selected with the alias `o`.
    static let columns = "o.id, o.kind, o.name, o.metadata, o.created_at, o.updated_at, o.created_by, o.updated_by"

    static func insert(_ stamp: ObjectStamp, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO atlas_objects (id, kind, name, metadata, created_at, updated_at, created_by, updated_by)
            VALUES (\(bind: stamp.id), \(bind: stamp.kind.rawValue), \(bind: stamp.name),
                    \(bind: JSONCoding.metadataText(stamp.metadata)), \(bind: stamp.createdAt), \(bind: stamp.updatedAt),
                    \(bind: stamp.createdBy), \(bind: stamp.updatedBy))
            """).run()
    }

    /// Writes name, metadata and the update stamp.
    static func update(_ stamp: ObjectStamp, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE atlas_objects SET name = \(bind: stamp.name), metadata = \(bind: JSONCoding.metadataText(stamp.metadata)),
                updated_at = \(bind: stamp.updatedAt), updated_by = \(bind: stamp.updatedBy)
            WHERE id = \(bind: stamp.id)
            """).run()
    }

    static func touch(_ id: UUID, at date: Date, by actor: String?, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE atlas_objects SET updated_at = \(bind: date), updated_by = \(bind: actor) WHERE id = \(bind: id)
            """).run()
    }

    static func decode(_ row: any SQLRow) throws -> ObjectStamp {
        ObjectStamp(
            id: try row.decode(column: "id", as: UUID.self),
            kind: ObjectKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .asset,
            name: try row.decode(column: "name", as: String.self),
            metadata: JSONCoding.metadata(fromText: try row.decode(column: "metadata", as: String.self)),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self),
            createdBy: try row.decode(column: "created_by", as: String?.self),
            updatedBy: try row.decode(column: "updated_by", as: String?.self))
    }
}
