import FluentKit
import SQLKit

/// Browser sessions, bearer tokens and API keys: each a random secret of which only the
/// SHA-256 is stored, so a copy of the database signs nobody in.
struct M0013_CreateCredentials: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("credentials")
            .field("id", .uuid, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("secret_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("csrf_token", .string)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "secret_hash")
            .create()
        try await (database as! any SQLDatabase).create(index: "credentials_user").on("credentials").column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("credentials").delete()
    }
}
