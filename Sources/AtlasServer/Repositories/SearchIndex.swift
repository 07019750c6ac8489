import AtlasCore
import Foundation
import SQLKit

/// What full-text search knows of an asset, field by field (weighted: name, tags, description, metadata).
struct SearchDocument: Sendable {
    var name: String
    var tags: String
    var description: String
    var metadata: String
    /// Filter tokens (`SearchFilterTokens`), not ranked.
    var filters: String

    init(asset: Asset, latest: AssetVersion?) {
        filters = SearchFilterTokens.document(for: asset)
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
    /// Writes an asset's search document; `isNew` skips removing a previous one, which a new asset cannot have.
    static func write(_ assetID: UUID, _ document: SearchDocument, isNew: Bool = false, on sql: any SQLDatabase) async throws {
        switch SQLFlavor(sql) {
        case .sqlite:
            let key = try await searchKey(of: assetID, on: sql)
            if !isNew { try await sql.raw("DELETE FROM asset_search WHERE rowid = \(bind: key)").run() }
            try await sql.raw("""
                INSERT INTO asset_search (rowid, asset_id, name, tags, description, metadata, filters)
                VALUES (\(bind: key), \(bind: assetID), \(bind: document.name), \(bind: document.tags),
                        \(bind: document.description), \(bind: document.metadata), \(bind: document.filters))
                """).run()
        case .postgres:
            try await sql.raw("""
                INSERT INTO asset_search (asset_id, document, filters) VALUES (\(bind: assetID),
                    setweight(to_tsvector('simple', \(bind: document.name)), 'A') ||
                    setweight(to_tsvector('simple', \(bind: document.tags)), 'B') ||
                    setweight(to_tsvector('simple', \(bind: document.description)), 'C') ||
                    setweight(to_tsvector('simple', \(bind: document.metadata)), 'D'),
                    to_tsvector('simple', \(bind: document.filters)))
                ON CONFLICT (asset_id) DO UPDATE SET document = excluded.document, filters = excluded.filters
                """).run()
        }
    }

    /// The asset's FTS5 rowid on SQLite (see M0009), made on first use.
    private static func searchKey(of assetID: UUID, on sql: any SQLDatabase) async throws -> Int64 {
        guard let row = try await sql.raw("""
            INSERT INTO asset_search_keys (asset_id) VALUES (\(bind: assetID))
            ON CONFLICT (asset_id) DO UPDATE SET asset_id = excluded.asset_id RETURNING search_rowid
            """).first() else {
            throw AtlasError(code: "internal_error", status: 500, title: "Search index", detail: "The search key of an asset could not be made.")
        }
        return try row.decode(column: "search_rowid", as: Int64.self)
    }

    /// A derived table `(asset_id, score)` of the assets matching every word as a prefix and
    /// every filter group, best score highest. With `page`, the table holds only that slice of
    /// the ranking, so the database ranks inside the index and joins only one page of rows.
    /// Words come from `SearchTerms` and tokens from `SearchFilterTokens`: letters and digits only.
    static func matches(_ words: [String], filters: [[String]], page: (limit: Int, offset: Int)?, flavor: SQLFlavor) -> SQLQueryString {
        let slice = page.map { " ORDER BY score DESC, asset_id DESC LIMIT \($0.limit) OFFSET \($0.offset)" } ?? ""
        switch flavor {
        case .sqlite:
            let text = words.map { "\"\($0)\"*" }.joined(separator: " AND ")
            let required = filters.map { "(" + $0.joined(separator: " OR ") + ")" }.joined(separator: " AND ")
            var match = "{name tags description metadata} : (\(text))"
            if !required.isEmpty { match += " AND filters : (\(required))" }
            if !filters.contains([SearchFilterTokens.deleted(true)]) { match += " NOT filters : \(SearchFilterTokens.deleted(true))" }
            return """
                (SELECT asset_id, -bm25(asset_search, 0.0, 10.0, 5.0, 2.0, 1.0, 0.0) AS score
                 FROM asset_search WHERE asset_search MATCH \(bind: match)\(unsafeRaw: slice))
                """
        case .postgres:
            let text = words.map { "\($0):*" }.joined(separator: " & ")
            var groups = filters.map { "(" + $0.joined(separator: " | ") + ")" }
            if !filters.contains([SearchFilterTokens.deleted(true)]) { groups.append("!" + SearchFilterTokens.deleted(true)) }
            let required = groups.joined(separator: " & ")
            return """
                (SELECT asset_id, ts_rank(document, query) AS score
                 FROM asset_search, to_tsquery('simple', \(bind: text)) AS query
                 WHERE document @@ query AND filters @@ to_tsquery('simple', \(bind: required))\(unsafeRaw: slice))
                """
        }
    }
}
