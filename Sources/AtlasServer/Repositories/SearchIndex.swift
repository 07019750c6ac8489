import AtlasCore
import Foundation
import SQLKit

/// What full-text search knows of an asset, field by field (weighted: name, tags, description, metadata).
struct SearchDocument: Sendable {
    var name: String
    var tags: String
    var description: String
    var metadata: String

    init(asset: Asset, latest: AssetVersion?) {
        name = SearchTerms.indexText([asset.stamp.name])
        tags = SearchTerms.indexText(asset.tags)
        description = SearchTerms.indexText([asset.description])
        let versionText = latest.map { [JSONValue.object($0.stamp.metadata).searchableText] + $0.files.map(\.path) } ?? []
        metadata = SearchTerms.indexText([JSONValue.object(asset.stamp.metadata).searchableText, asset.format ?? ""] + versionText)
    }
}

/// The hand-written SQL of full-text search, one dialect each: FTS5 with bm25 ranking on SQLite,
/// a weighted `tsvector` with `ts_rank` on PostgreSQL.
enum SearchIndex {
    static func write(_ assetID: UUID, _ document: SearchDocument, on sql: any SQLDatabase) async throws {
        switch SQLFlavor(sql) {
        case .sqlite:
            let key = try await searchKey(of: assetID, on: sql)
            try await sql.raw("DELETE FROM asset_search WHERE rowid = \(bind: key)").run()
            try await sql.raw("""
                INSERT INTO asset_search (rowid, asset_id, name, tags, description, metadata)
                VALUES (\(bind: key), \(bind: assetID), \(bind: document.name), \(bind: document.tags),
                        \(bind: document.description), \(bind: document.metadata))
                """).run()
        case .postgres:
            try await sql.raw("""
                INSERT INTO asset_search (asset_id, document) VALUES (\(bind: assetID),
                    setweight(to_tsvector('simple', \(bind: document.name)), 'A') ||
                    setweight(to_tsvector('simple', \(bind: document.tags)), 'B') ||
                    setweight(to_tsvector('simple', \(bind: document.description)), 'C') ||
                    setweight(to_tsvector('simple', \(bind: document.metadata)), 'D'))
                ON CONFLICT (asset_id) DO UPDATE SET document = excluded.document
                """).run()
        }
    }

    /// The asset's FTS5 rowid on SQLite (see M0009), made on first use.
    private static func searchKey(of assetID: UUID, on sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw("INSERT INTO asset_search_keys (asset_id) VALUES (\(bind: assetID)) ON CONFLICT (asset_id) DO NOTHING").run()
        guard let row = try await sql.raw("SELECT search_rowid FROM asset_search_keys WHERE asset_id = \(bind: assetID)").first() else {
            throw AtlasError(code: "internal_error", status: 500, title: "Search index", detail: "The search key of an asset could not be made.")
        }
        return try row.decode(column: "search_rowid", as: Int64.self)
    }

    /// A derived table `(asset_id, score)` of the assets matching every word as a prefix, best score highest.
    /// Words come from `SearchTerms`, so they hold letters and digits only.
    static func matches(_ words: [String], flavor: SQLFlavor) -> SQLQueryString {
        switch flavor {
        case .sqlite:
            let match = words.map { "\"\($0)\"*" }.joined(separator: " AND ")
            return """
                (SELECT asset_id, -bm25(asset_search, 0.0, 10.0, 5.0, 2.0, 1.0) AS score
                 FROM asset_search WHERE asset_search MATCH \(bind: match))
                """
        case .postgres:
            let query = words.map { "\($0):*" }.joined(separator: " & ")
            return """
                (SELECT asset_id, ts_rank(document, query) AS score
                 FROM asset_search, to_tsquery('simple', \(bind: query)) AS query WHERE document @@ query)
                """
        }
    }
}
