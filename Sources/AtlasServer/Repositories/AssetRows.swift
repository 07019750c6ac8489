import AtlasCore
import Foundation
import SQLKit

/// Reading assets, their tags and their versions' files from rows.
enum AssetRows {
    static let columnList = """
        \(ObjectRow.columns), a.project_id, a.type, a.format, a.description, a.status, a.latest_version, a.revision, a.deleted_at
        """
    static let select = "SELECT \(columnList) FROM assets a JOIN atlas_objects o ON o.id = a.id"

    static func decode(_ row: any SQLRow, tags: [String]) throws -> Asset {
        Asset(
            stamp: try ObjectRow.decode(row),
            projectID: try row.decode(column: "project_id", as: UUID.self),
            type: AssetType(rawValue: try row.decode(column: "type", as: String.self)) ?? .other,
            format: try row.decode(column: "format", as: String?.self),
            description: try row.decode(column: "description", as: String.self),
            tags: tags,
            status: VersionStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .wip,
            latestVersion: try row.decode(column: "latest_version", as: Int.self),
            revision: try row.decode(column: "revision", as: Int.self),
            deletedAt: try row.decode(column: "deleted_at", as: Date?.self))
    }

    /// Decodes asset rows with their tags, loaded in one query.
    static func decodeAll(_ rows: [any SQLRow], on sql: any SQLDatabase) async throws -> [Asset] {
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let tags = try await self.tags(of: ids, on: sql)
        return try rows.map { row in try decode(row, tags: tags[try row.decode(column: "id", as: UUID.self)] ?? []) }
    }

    static func tags(of ids: [UUID], on sql: any SQLDatabase) async throws -> [UUID: [String]] {
        guard !ids.isEmpty else { return [:] }
        var out: [UUID: [String]] = [:]
        for row in try await sql.raw("SELECT asset_id, tag FROM asset_tags WHERE asset_id IN (\(binds: ids)) ORDER BY tag").all() {
            out[try row.decode(column: "asset_id", as: UUID.self), default: []].append(try row.decode(column: "tag", as: String.self))
        }
        return out
    }

    static func fetch(_ id: UUID, on sql: any SQLDatabase, forUpdate: Bool = false) async throws -> Asset {
        let lock: SQLQueryString = forUpdate && SQLFlavor(sql) == .postgres ? " FOR UPDATE OF a" : ""
        guard let row = try await sql.raw("\(unsafeRaw: select) WHERE a.id = \(bind: id)" + lock).first() else {
            throw AtlasError.notFound("asset", id)
        }
        return try decode(row, tags: try await tags(of: [id], on: sql)[id] ?? [])
    }

    static func replaceTags(of id: UUID, with tags: [String], on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM asset_tags WHERE asset_id = \(bind: id)").run()
        try await insertTags(tags, of: id, on: sql)
    }

    /// One statement for all the tags of a new asset.
    static func insertTags(_ tags: [String], of id: UUID, on sql: any SQLDatabase) async throws {
        guard !tags.isEmpty else { return }
        let rows = tags.map { tag -> SQLQueryString in "(\(bind: id), \(bind: tag))" }
        try await sql.raw("INSERT INTO asset_tags (asset_id, tag) VALUES " + rows.joined(separator: ", ")).run()
    }

    static func writeAsset(_ asset: Asset, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE assets SET type = \(bind: asset.type.rawValue), format = \(bind: asset.format),
                description = \(bind: asset.description), status = \(bind: asset.status.rawValue),
                latest_version = \(bind: asset.latestVersion), revision = \(bind: asset.revision),
                deleted_at = \(bind: asset.deletedAt)
            WHERE id = \(bind: asset.stamp.id)
            """).run()
    }
}
