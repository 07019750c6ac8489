import FluentKit
import SQLKit

/// The audit log: append-only. No route edits or deletes it, and the database itself refuses
/// UPDATE and DELETE on it, so neither a bug nor a stray script can rewrite history.
struct M0014_CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_log")
            .field("id", .uuid, .identifier(auto: false))
            .field("at", .datetime, .required)
            .field("actor_user_id", .uuid)
            .field("actor_name", .string, .required)
            .field("actor_api_key_id", .uuid)
            .field("action", .string, .required)
            .field("object_kind", .string)
            .field("object_id", .string)
            .field("summary", .string, .required)
            .field("client_address", .string)
            .field("request_id", .string)
            .create()
        let sql = database as! any SQLDatabase
        for column in ["actor_user_id", "object_id", "action", "at"] {
            try await sql.create(index: "audit_log_\(column)").on("audit_log").column(column).run()
        }
        switch SQLFlavor(sql) {
        case .sqlite:
            for event in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_log_no_\(unsafeRaw: event.lowercased()) BEFORE \(unsafeRaw: event) ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                    """).run()
            }
        case .postgres:
            try await sql.raw("""
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP TABLE audit_log").run()
        if SQLFlavor(sql) == .postgres { try await sql.raw("DROP FUNCTION audit_log_append_only()").run() }
    }
}
