import FluentKit

/// A version's preview image: derived from the content, so it may be added after the version
/// (which stays immutable), and it is what a Client may see instead of the source files.
struct M0018_CreateVersionPreviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("version_previews")
            .field("version_id", .uuid, .identifier(auto: false), .references("asset_versions", "id", onDelete: .cascade))
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("media_type", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("version_previews").delete()
    }
}
