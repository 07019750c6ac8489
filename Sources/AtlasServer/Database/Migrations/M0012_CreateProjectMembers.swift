import FluentKit
import SQLKit

/// Who belongs to which project: what a non-administrator may see.
struct M0012_CreateProjectMembers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("project_members")
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("added_at", .datetime, .required)
            .field("added_by", .string)
            .compositeIdentifier(over: "project_id", "user_id")
            .create()
        try await (database as! any SQLDatabase).create(index: "project_members_user").on("project_members").column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("project_members").delete()
    }
}
