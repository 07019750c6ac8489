import FluentKit

/// Secrets of outside services (a ComfyUI API key, …), sealed with AES-GCM.
struct M0017_CreateSecrets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("secrets")
            .field("name", .string, .identifier(auto: false))
            .field("sealed", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("updated_by", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("secrets").delete()
    }
}
