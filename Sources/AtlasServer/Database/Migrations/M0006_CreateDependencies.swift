import FluentKit
import SQLKit

struct M0006_CreateDependencies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("dependencies")
            .field("id", .uuid, .identifier(auto: false))
            .field("source_version_id", .uuid, .required, .references("asset_versions", "id", onDelete: .cascade))
            // No foreign key: a missing target is recorded as such, and a target may be restored later.
            .field("target_version_id", .uuid)
            .field("reference", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string)
            .unique(on: "source_version_id", "reference")
            .create()
        try await (database as! any SQLDatabase).create(index: "dependencies_target").on("dependencies").column("target_version_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("dependencies").delete()
    }
}
