import AtlasCore
import Foundation
import SQLKit

/// Preview images of versions.
enum PreviewRepository {
    struct Preview: Sendable {
        var sha256: ContentHash
        var size: Int64
        var mediaType: String
    }

    static func find(version: UUID, on sql: any SQLDatabase) async throws -> Preview? {
        guard let row = try await sql.raw("SELECT sha256, size, media_type FROM version_previews WHERE version_id = \(bind: version)").first(),
              let hash = ContentHash(hex: try row.decode(column: "sha256", as: String.self)) else { return nil }
        return Preview(sha256: hash, size: try row.decode(column: "size", as: Int64.self),
                       mediaType: try row.decode(column: "media_type", as: String.self))
    }

    /// Sets or replaces the preview of `version`, and announces it (`asset.preview_ready`).
    static func put(_ preview: Preview, of version: AssetVersion, change: Change, on sql: any SQLDatabase) async throws {
        let date = change.at
        try await sql.raw("DELETE FROM version_previews WHERE version_id = \(bind: version.stamp.id)").run()
        try await sql.raw("""
            INSERT INTO version_previews (version_id, sha256, size, media_type, created_at)
            VALUES (\(bind: version.stamp.id), \(bind: preview.sha256.hex), \(bind: preview.size), \(bind: preview.mediaType), \(bind: date))
            """).run()
        let asset = try await AssetRows.fetch(version.assetID, on: sql)
        try await EventLog.append(AssetEvents.event(AssetEvents.previewReady, asset, version: version, change: change), on: sql)
    }
}
