import AtlasCore
import Foundation
import SQLKit

/// Finding in the library what a file names: the latest version of a live asset of the project
/// that holds a file of that name (the most recently changed such asset when several do).
enum LibraryLookup {
    static func version(holding fileName: String, in project: UUID, excluding asset: UUID,
                        on sql: any SQLDatabase) async throws -> UUID? {
        try await sql.raw("""
            SELECT v.id FROM version_files f
            JOIN asset_versions v ON v.id = f.version_id
            JOIN assets a ON a.id = v.asset_id AND v.number = a.latest_version
            JOIN atlas_objects o ON o.id = a.id
            WHERE a.project_id = \(bind: project) AND a.deleted_at IS NULL AND a.id <> \(bind: asset)
              AND (f.path = \(bind: fileName) OR f.path LIKE \(bind: "%/" + likeEscaped(fileName)) ESCAPE '!')
            ORDER BY o.updated_at DESC LIMIT 1
            """).first()?.decode(column: "id", as: UUID.self)
    }

    private static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%").replacingOccurrences(of: "_", with: "!_")
    }
}
