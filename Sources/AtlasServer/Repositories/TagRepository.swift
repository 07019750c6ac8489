import AtlasCore
import Foundation
import SQLKit

/// Tags with how many live assets carry each.
enum TagRepository {
    static func counts(projectIDs: [UUID], prefix: String?, limit: Int, on sql: any SQLDatabase) async throws -> [(tag: String, count: Int)] {
        var conditions: [SQLQueryString] = ["a.deleted_at IS NULL"]
        if !projectIDs.isEmpty { conditions.append("a.project_id IN (\(binds: projectIDs))") }
        if let prefix, !prefix.isEmpty {
            // Tags hold no LIKE wildcards (FieldRules.tag), so the prefix needs no escaping.
            conditions.append("t.tag LIKE \(bind: prefix + "%")")
        }
        let rows = try await sql.raw("""
            SELECT t.tag AS tag, COUNT(*) AS count FROM asset_tags t JOIN assets a ON a.id = t.asset_id
            WHERE \(conditions.joined(separator: " AND ")) GROUP BY t.tag ORDER BY count DESC, tag ASC LIMIT \(literal: limit)
            """).all()
        return try rows.map { (try $0.decode(column: "tag", as: String.self), try $0.decode(column: "count", as: Int.self)) }
    }
}
