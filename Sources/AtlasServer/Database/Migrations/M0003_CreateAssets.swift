import FluentKit
import SQLKit

struct M0003_CreateAssets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("assets")
            .field("id", .uuid, .identifier(auto: false), .references("atlas_objects", "id", onDelete: .cascade))
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("type", .string, .required)
            .field("format", .string)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("latest_version", .int, .required)
            .field("revision", .int, .required)
            .field("deleted_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        // Listings filter by project and page by id (UUIDv7, so id order is creation order).
        try await sql.create(index: "assets_project").on("assets").column("project_id").column("id").run()
        try await sql.create(index: "assets_type").on("assets").column("type").run()
        try await sql.create(index: "assets_format").on("assets").column("format").run()
        try await sql.create(index: "assets_status").on("assets").column("status").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("assets").delete()
    }
}
