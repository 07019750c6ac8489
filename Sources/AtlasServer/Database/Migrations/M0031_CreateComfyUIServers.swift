import FluentKit

/// ComfyUI servers added through the admin API (beside those of `ATLAS_COMFYUI_URLS`), with
/// their proxy credentials sealed by `SecretBox`.
struct M0031_CreateComfyUIServers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("comfyui_servers")
            .field("id", .uuid, .identifier(auto: false))
            .field("url", .string, .required)
            .field("name", .string, .required)
            .field("concurrency_limit", .int, .required)
            .field("credentials", .string)
            .field("created_at", .datetime, .required)
            .field("created_by", .string)
            .unique(on: "url")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("comfyui_servers").delete()
    }
}
