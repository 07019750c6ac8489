import AtlasCore
import Foundation
import SQLKit

/// The asset and version number behind version ids, for dependency bodies.
enum VersionEnds {
    /// - Parameter visible: the projects whose assets may be named (nil: all). An edge into a
    ///   project the caller cannot see keeps its reference but shows no asset.
    static func load(_ ids: [UUID], visibleIn visible: [UUID]? = nil, on sql: any SQLDatabase) async throws -> [UUID: DependencyBody.End] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty, visible?.isEmpty != true else { return [:] }
        var condition: SQLQueryString = "v.id IN (\(binds: unique))"
        if let visible { condition += " AND a.project_id IN (\(binds: visible))" }
        let rows = try await sql.raw("""
            SELECT v.id, v.asset_id, v.number, o.name FROM asset_versions v JOIN atlas_objects o ON o.id = v.asset_id
            JOIN assets a ON a.id = v.asset_id
            WHERE \(condition)
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
