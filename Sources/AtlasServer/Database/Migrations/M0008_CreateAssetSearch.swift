import FluentKit
import SQLKit

/// The full-text index over assets: FTS5 on SQLite, `tsvector` + GIN on PostgreSQL.
/// Hand-written because Fluent's schema builder has no words for either.
struct M0008_CreateAssetSearch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        switch SQLFlavor(sql) {
        case .sqlite:
            // Text arrives already split into words (SearchTerms), so both databases index the same words.
            try await sql.raw("""
                CREATE VIRTUAL TABLE asset_search USING fts5(
                    asset_id UNINDEXED, name, tags, description, metadata, tokenize = 'unicode61')
                """).run()
        case .postgres:
            try await sql.raw("""
                CREATE TABLE asset_search (
                    asset_id uuid PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
                    document tsvector NOT NULL)
                """).run()
            try await sql.raw("CREATE INDEX asset_search_document ON asset_search USING GIN (document)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE asset_search").run()
    }
}
