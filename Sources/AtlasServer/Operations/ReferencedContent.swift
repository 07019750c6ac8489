import AtlasCore
import SQLKit

/// Every content hash that some version's file or preview, an export's file or an AI run's output names.
enum ReferencedContent {
    static func all(on sql: any SQLDatabase) async throws -> Set<ContentHash> {
        let rows = try await sql.raw("""
            SELECT sha256 FROM version_files UNION SELECT sha256 FROM version_previews
            UNION SELECT sha256 FROM version_preview_images UNION SELECT sha256 FROM export_files
            UNION SELECT sha256 FROM ai_run_outputs
            """).all()
        return Set(try rows.compactMap { ContentHash(hex: try $0.decode(column: "sha256", as: String.self)) })
    }
}

extension ReferencedContent {
    static func isReferenced(_ hash: ContentHash, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("""
            SELECT 1 AS found FROM version_files WHERE sha256 = \(bind: hash.hex)
            UNION ALL SELECT 1 AS found FROM version_previews WHERE sha256 = \(bind: hash.hex)
            UNION ALL SELECT 1 AS found FROM version_preview_images WHERE sha256 = \(bind: hash.hex)
            UNION ALL SELECT 1 AS found FROM export_files WHERE sha256 = \(bind: hash.hex)
            UNION ALL SELECT 1 AS found FROM ai_run_outputs WHERE sha256 = \(bind: hash.hex)
            """).first() != nil
    }
}
