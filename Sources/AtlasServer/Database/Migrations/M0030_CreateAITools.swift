import FluentKit
import SQLKit

/// AI tools and their immutable, numbered versions (manifest + API-format workflow), and the
/// runs made with them: each run is pinned to the tool version it used and keyed for the result cache.
struct M0030_CreateAITools: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("ai_tools")
            .field("id", .uuid, .identifier(auto: false), .references("atlas_objects", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("category", .string, .required)
            .field("current_version", .int, .required)
            .field("source", .string, .required)
            .unique(on: "name")
            .create()
        try await database.schema("ai_tool_versions")
            .field("id", .uuid, .identifier(auto: false))
            .field("tool_id", .uuid, .required, .references("ai_tools", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("manifest", .string, .required)
            .field("workflow", .string, .required)
            .field("content_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string)
            .unique(on: "tool_id", "number")
            .create()
        try await database.schema("ai_runs")
            .field("id", .uuid, .identifier(auto: false))
            .field("tool_version_id", .uuid, .required, .references("ai_tool_versions", "id"))
            .field("job_id", .uuid, .references("atlas_objects", "id", onDelete: .setNull))
            .field("project_id", .uuid)
            .field("cache_key", .string, .required)
            .field("cached", .bool, .required)
            .field("arguments", .string, .required)
            .field("result_versions", .string)
            .field("server", .string)
            .field("duration_ms", .int)
            .field("created_at", .datetime, .required)
            .field("created_by", .string)
            .field("finished_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX ai_runs_cache ON ai_runs (cache_key)").run()
        try await sql.raw("CREATE INDEX ai_runs_job ON ai_runs (job_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ai_runs").delete()
        try await database.schema("ai_tool_versions").delete()
        try await database.schema("ai_tools").delete()
    }
}
