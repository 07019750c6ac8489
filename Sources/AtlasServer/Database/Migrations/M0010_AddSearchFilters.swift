import AtlasCore
import FluentKit
import SQLKit

/// Adds filter tokens to the search index (see `SearchFilterTokens`) and rebuilds it.
struct M0010_AddSearchFilters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        switch SQLFlavor(sql) {
        case .sqlite:
            // FTS5 tables take no new columns: make it anew; asset_search_keys keeps each asset's rowid.
            try await sql.raw("DROP TABLE asset_search").run()
            try await sql.raw("""
                CREATE VIRTUAL TABLE asset_search USING fts5(
                    asset_id UNINDEXED, name, tags, description, metadata, filters, tokenize = 'unicode61')
                """).run()
        case .postgres:
            try await sql.raw("ALTER TABLE asset_search ADD COLUMN filters tsvector NOT NULL DEFAULT ''::tsvector").run()
            try await sql.raw("CREATE INDEX asset_search_filters ON asset_search USING GIN (filters)").run()
        }
        try await SearchReindex.all(on: sql)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if SQLFlavor(sql) == .postgres {
            try await sql.raw("ALTER TABLE asset_search DROP COLUMN filters").run()
        }
    }
}
