import FluentKit
import SQLKit

/// The durable job queue: a typed table beside `atlas_objects`, indexed for the claim query
/// (the next runnable job by priority) and for listings.
struct M0019_CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("jobs")
            .field("id", .uuid, .identifier(auto: false), .references("atlas_objects", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("priority", .int, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("run_after", .datetime, .required)
            .field("lease_expires_at", .datetime)
            .field("worker_id", .string)
            .field("progress", .double, .required)
            .field("progress_message", .string)
            .field("result", .string)
            .field("error", .string)
            .field("idempotency_key", .string)
            .field("project_id", .uuid)
            .field("cancel_requested", .bool, .required)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .unique(on: "idempotency_key")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "jobs_runnable").on("jobs").column("status").column("priority").column("run_after").run()
        try await sql.create(index: "jobs_kind").on("jobs").column("kind").run()
        try await sql.create(index: "jobs_project").on("jobs").column("project_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("jobs").delete()
    }
}
