import FluentKit
import SQLKit

struct M0004_CreateVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("asset_versions")
            .field("id", .uuid, .identifier(auto: false), .references("atlas_objects", "id", onDelete: .cascade))
            .field("asset_id", .uuid, .required, .references("assets", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("parent_id", .uuid)
            .field("status", .string, .required)
            .field("comment", .string, .required)
            .field("reverted_from", .int)
            .field("revision", .int, .required)
            .unique(on: "asset_id", "number")
            .create()
        try await database.schema("version_files")
            .field("id", .uuid, .identifier(auto: false))
            .field("version_id", .uuid, .required, .references("asset_versions", "id", onDelete: .cascade))
            .field("path", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .unique(on: "version_id", "path")
            .create()
        // Purge and fsck ask "is this content referenced?" for every blob.
        try await (database as! any SQLDatabase).create(index: "version_files_sha256").on("version_files").column("sha256").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("version_files").delete()
        try await database.schema("asset_versions").delete()
    }
}
