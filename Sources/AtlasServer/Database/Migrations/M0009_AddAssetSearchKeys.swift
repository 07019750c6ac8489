import FluentKit
import SQLKit

/// Gives each asset a stable integer key into the SQLite FTS5 index, so that rewriting an
/// asset's search document deletes one row by rowid instead of scanning the whole index for it
/// (FTS5 cannot index its `asset_id` column). PostgreSQL's table is keyed by `asset_id` already.
struct M0009_AddAssetSearchKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard SQLFlavor(sql) == .sqlite else { return }
        try await sql.raw("""
            CREATE TABLE asset_search_keys (search_rowid INTEGER PRIMARY KEY, asset_id BLOB NOT NULL UNIQUE)
            """).run()
        // Rows indexed before this migration keep the rowid FTS5 gave them.
        try await sql.raw("INSERT INTO asset_search_keys (search_rowid, asset_id) SELECT rowid, asset_id FROM asset_search").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard SQLFlavor(sql) == .sqlite else { return }
        try await sql.raw("DROP TABLE asset_search_keys").run()
    }
}
