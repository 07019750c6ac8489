import FluentKit
import SQLKit

struct M0005_CreateAssetTags: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("asset_tags")
            .field("asset_id", .uuid, .required, .references("assets", "id", onDelete: .cascade))
            .field("tag", .string, .required)
            .unique(on: "asset_id", "tag")
            .create()
        try await (database as! any SQLDatabase).create(index: "asset_tags_tag").on("asset_tags").column("tag").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("asset_tags").delete()
    }
}
