import FluentKit
import SQLKit

/// The common row every Atlas object has (class-table layout: typed tables share its id).
struct M0001_CreateObjects: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("atlas_objects")
            .field("id", .uuid, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("metadata", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("created_by", .string)
            .field("updated_by", .string)
            .create()
        try await (database as! any SQLDatabase).create(index: "atlas_objects_kind").on("atlas_objects").column("kind").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("atlas_objects").delete()
    }
}
