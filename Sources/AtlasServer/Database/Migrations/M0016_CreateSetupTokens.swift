import FluentKit

/// The one-time link that creates the first administrator (only the secret's hash is kept).
struct M0016_CreateSetupTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("setup_tokens")
            .field("secret_hash", .string, .identifier(auto: false))
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("setup_tokens").delete()
    }
}
