import FluentKit
import SQLKit

/// Each run's input size (the total pixels of its image inputs, null when unknown), so a tool's
/// expected run time can be told by input size. Runs made before it have no size.
struct M0032_AddAIRunInputPixels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE ai_runs ADD COLUMN input_pixels BIGINT").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE ai_runs DROP COLUMN input_pixels").run()
    }
}
