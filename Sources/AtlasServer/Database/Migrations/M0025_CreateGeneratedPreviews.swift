import FluentKit

/// Previews made by the `version.preview` job: where each version's making stands (a version
/// with no row is pending) and the images made. Kept apart from `version_previews` (M0018),
/// which holds an image someone uploaded and which wins over these.
struct M0025_CreateGeneratedPreviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("version_preview_states")
            .field("version_id", .uuid, .identifier(auto: false), .references("atlas_objects", "id", onDelete: .cascade))
            .field("state", .string, .required)
            .field("reason", .string)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("version_preview_images")
            .field("version_id", .uuid, .required, .references("atlas_objects", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("media_type", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "version_id", "kind")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("version_preview_images").delete()
        try await database.schema("version_preview_states").delete()
    }
}
