import FluentKit
import SQLKit

/// Recent failed sign-ins by username, for throttling; kept in the database so every replica counts them.
struct M0015_CreateLoginFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("login_failures")
            .field("username", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "login_failures_username").on("login_failures")
            .column("username").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_failures").delete()
    }
}
