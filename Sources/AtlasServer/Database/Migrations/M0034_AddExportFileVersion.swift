import FluentKit
import SQLKit

/// The version an export delivered as a new version made, recorded with its files: a retry of a
/// job whose effect was already applied reads it back from here. Exports made before have none.
struct M0034_AddExportFileVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE export_files ADD COLUMN version_number BIGINT").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE export_files DROP COLUMN version_number").run()
    }
}
