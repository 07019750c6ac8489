import AtlasCore
import Foundation
import SQLKit

/// Reading and writing versions and their files.
enum VersionRows {
    static let select = """
        SELECT \(ObjectRow.columns), v.asset_id, v.number, v.parent_id, v.status, v.comment, v.reverted_from, v.revision
        FROM asset_versions v JOIN atlas_objects o ON o.id = v.id
        """

    static func insert(_ version: AssetVersion, on sql: any SQLDatabase) async throws {
        try await ObjectRow.insert(version.stamp, on: sql)
        try await sql.raw("""
            INSERT INTO asset_versions (id, asset_id, number, parent_id, status, comment, reverted_from, revision)
            VALUES (\(bind: version.stamp.id), \(bind: version.assetID), \(bind: version.number), \(bind: version.parentID),
                    \(bind: version.status.rawValue), \(bind: version.comment), \(bind: version.revertedFrom), \(bind: version.revision))
            """).run()
        // One statement for all files, in slices that keep each under every driver's bind limit.
        for slice in stride(from: 0, to: version.files.count, by: 1000).map({ version.files[$0..<min($0 + 1000, version.files.count)] }) {
            let rows = slice.map { file -> SQLQueryString in
                "(\(bind: AtlasID.make()), \(bind: version.stamp.id), \(bind: file.path), \(bind: file.sha256.hex), \(bind: file.size))"
            }
            try await sql.raw("INSERT INTO version_files (id, version_id, path, sha256, size) VALUES " + rows.joined(separator: ", ")).run()
        }
    }

    static func files(of versionIDs: [UUID], on sql: any SQLDatabase) async throws -> [UUID: [VersionFile]] {
        guard !versionIDs.isEmpty else { return [:] }
        var out: [UUID: [VersionFile]] = [:]
        let rows = try await sql.raw("""
            SELECT version_id, path, sha256, size FROM version_files WHERE version_id IN (\(binds: versionIDs)) ORDER BY path
            """).all()
        for row in rows {
            let hashText = try row.decode(column: "sha256", as: String.self)
            guard let hash = ContentHash(hex: hashText) else { continue }
            let file = VersionFile(path: try row.decode(column: "path", as: String.self), sha256: hash,
                                   size: try row.decode(column: "size", as: Int64.self))
            out[try row.decode(column: "version_id", as: UUID.self), default: []].append(file)
        }
        return out
    }

    static func decodeAll(_ rows: [any SQLRow], on sql: any SQLDatabase) async throws -> [AssetVersion] {
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let files = try await self.files(of: ids, on: sql)
        return try rows.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            return AssetVersion(
                stamp: try ObjectRow.decode(row),
                assetID: try row.decode(column: "asset_id", as: UUID.self),
                number: try row.decode(column: "number", as: Int.self),
                parentID: try row.decode(column: "parent_id", as: UUID?.self),
                status: VersionStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .wip,
                comment: try row.decode(column: "comment", as: String.self),
                revertedFrom: try row.decode(column: "reverted_from", as: Int?.self),
                files: files[id] ?? [],
                revision: try row.decode(column: "revision", as: Int.self))
        }
    }

    static func fetch(asset assetID: UUID, number: Int, on sql: any SQLDatabase) async throws -> AssetVersion {
        let rows = try await sql.raw("\(unsafeRaw: select) WHERE v.asset_id = \(bind: assetID) AND v.number = \(bind: number)").all()
        guard let version = try await decodeAll(rows, on: sql).first else {
            throw AtlasError.notFound("version", "\(number) of asset \(assetID)")
        }
        return version
    }

    /// One file of a version, read without the version's other files: a sequence may hold
    /// thousands, and each of its frames is downloaded on its own.
    static func file(asset assetID: UUID, number: Int, path: String, on sql: any SQLDatabase) async throws -> VersionFile {
        guard let row = try await sql.raw("""
            SELECT f.sha256, f.size FROM asset_versions v
            LEFT JOIN version_files f ON f.version_id = v.id AND f.path = \(bind: path)
            WHERE v.asset_id = \(bind: assetID) AND v.number = \(bind: number)
            """).first() else {
            throw AtlasError.notFound("version", "\(number) of asset \(assetID)")
        }
        guard let hash = try row.decode(column: "sha256", as: String?.self).flatMap(ContentHash.init(hex:)),
              let size = try row.decode(column: "size", as: Int64?.self) else {
            throw AtlasError.notFound("file", "'\(path)' in version \(number) of asset \(assetID)")
        }
        return VersionFile(path: path, sha256: hash, size: size)
    }

    static func fetch(id: UUID, on sql: any SQLDatabase) async throws -> AssetVersion? {
        let rows = try await sql.raw("\(unsafeRaw: select) WHERE v.id = \(bind: id)").all()
        return try await decodeAll(rows, on: sql).first
    }
}
