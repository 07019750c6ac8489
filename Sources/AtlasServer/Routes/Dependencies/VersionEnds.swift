import AtlasCore
import Foundation
import SQLKit

/// The asset and version number behind version ids, for dependency bodies.
enum VersionEnds {
    static func load(_ ids: [UUID], on sql: any SQLDatabase) async throws -> [UUID: DependencyBody.End] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await sql.raw("""
            SELECT v.id, v.asset_id, v.number, o.name FROM asset_versions v JOIN atlas_objects o ON o.id = v.asset_id
            WHERE v.id IN (\(binds: unique))
            """).all()
        var ends: [UUID: DependencyBody.End] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            ends[id] = DependencyBody.End(versionID: id.lowercased, assetID: try row.decode(column: "asset_id", as: UUID.self).lowercased,
                                          assetName: try row.decode(column: "name", as: String.self),
                                          version: try row.decode(column: "number", as: Int.self))
        }
        return ends
    }
}
