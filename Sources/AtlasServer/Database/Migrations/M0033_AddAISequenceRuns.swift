import FluentKit
import SQLKit

/// Runs over every frame of a sequence: a sequence run (its image input named in
/// `sequence_input`) is the parent of one run per frame (`parent_run_id`, `frame`). The files
/// each run downloaded from ComfyUI are kept in `ai_run_outputs`, so frames can be filed together
/// as one sequence, answered from the cache frame by frame, and kept by purge.
struct M0033_AddAISequenceRuns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema("ai_runs").field("parent_run_id", .uuid).update()
        try await database.schema("ai_runs").field("frame", .int64).update()
        try await database.schema("ai_runs").field("sequence_input", .string).update()
        try await database.schema("ai_run_outputs")
            .field("run_id", .uuid, .required, .references("ai_runs", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("output", .string, .required)
            .field("name", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .unique(on: "run_id", "position")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX ai_runs_parent ON ai_runs (parent_run_id)").run()
        try await sql.raw("CREATE INDEX ai_run_outputs_content ON ai_run_outputs (sha256)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("ai_run_outputs").delete()
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX ai_runs_parent").run()
        for column in ["parent_run_id", "frame", "sequence_input"] {
            try await sql.raw("ALTER TABLE ai_runs DROP COLUMN \(unsafeRaw: column)").run()
        }
    }
}
