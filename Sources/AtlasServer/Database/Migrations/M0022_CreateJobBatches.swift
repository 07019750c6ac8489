import FluentKit
import SQLKit

/// Batches: jobs submitted together, followed as one (aggregate progress, one id, one cancel).
struct M0022_CreateJobBatches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("job_batches")
            .field("id", .uuid, .identifier(auto: false), .references("atlas_objects", "id", onDelete: .cascade))
            .field("project_id", .uuid)
            .field("total", .int, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE jobs ADD COLUMN batch_id \(unsafeRaw: SQLFlavor(sql) == .postgres ? "UUID" : "BLOB")").run()
        try await sql.create(index: "jobs_batch").on("jobs").column("batch_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX jobs_batch").run()
        try await sql.raw("ALTER TABLE jobs DROP COLUMN batch_id").run()
        try await database.schema("job_batches").delete()
    }
}
