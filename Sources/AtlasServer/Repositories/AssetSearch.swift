import AtlasCore
import Foundation
import SQLKit

/// Listing and full-text search of assets: one query shape for both, filtered, ranked or
/// sorted, keyset-paged, with facet counts over the same filtered set.
struct AssetSearch: Sendable {
    let sql: any SQLDatabase

    struct Result: Sendable {
        var page: Page<Asset>
        var facets: [AssetFacet: [(value: String, count: Int)]]
    }

    func run(_ query: AssetQuery) async throws -> Result {
        if query.hasText && query.words.isEmpty {
            // `q` of punctuation only: nothing can match, and saying so beats listing everything.
            return Result(page: Page(items: [], nextCursor: nil), facets: [:])
        }
        let filters = whereClause(query)
        let page = try await fetchPage(query, filters: filters)
        var facets: [AssetFacet: [(String, Int)]] = [:]
        for facet in query.facets {
            facets[facet] = try await count(facet, from: fromClause(query, page: nil), filters: filters)
        }
        return Result(page: page, facets: facets)
    }

    /// The assets, joined with the full-text matches when there are words; `page` asks the
    /// index for only one slice of its ranking (see `SearchIndex.matches`).
    private func fromClause(_ query: AssetQuery, page: (limit: Int, offset: Int)?) -> SQLQueryString {
        var from: SQLQueryString = "assets a JOIN atlas_objects o ON o.id = a.id"
        if !query.words.isEmpty {
            let matches = SearchIndex.matches(query.words, filters: SearchFilterTokens.required(by: query), page: page, flavor: SQLFlavor(sql))
            from += " JOIN " + matches + " s ON s.asset_id = a.id"
        }
        return from
    }

    private func whereClause(_ query: AssetQuery) -> SQLQueryString {
        var conditions: [SQLQueryString] = [query.deleted ? "a.deleted_at IS NOT NULL" : "a.deleted_at IS NULL"]
        if !query.projectIDs.isEmpty { conditions.append("a.project_id IN (\(binds: query.projectIDs))") }
        if !query.types.isEmpty { conditions.append("a.type IN (\(binds: query.types.map(\.rawValue)))") }
        if !query.formats.isEmpty { conditions.append("a.format IN (\(binds: query.formats))") }
        if !query.statuses.isEmpty { conditions.append("a.status IN (\(binds: query.statuses.map(\.rawValue)))") }
        for tag in query.tags {
            conditions.append("EXISTS (SELECT 1 FROM asset_tags t WHERE t.asset_id = a.id AND t.tag = \(bind: tag))")
        }
        if let after = query.createdAfter { conditions.append("o.created_at >= \(bind: after)") }
        if let before = query.createdBefore { conditions.append("o.created_at < \(bind: before)") }
        return conditions.joined(separator: " AND ")
    }

    private func fetchPage(_ query: AssetQuery, filters: SQLQueryString) async throws -> Page<Asset> {
        let sort = query.sort
        var conditions = filters
        var offset = 0
        if let cursor = query.cursor {
            if sort == .relevance { offset = cursor.offset ?? 0 }
            else { conditions += " AND " + (try keyset(after: cursor, sort: sort)) }
        }
        let limit = query.paging.limit
        // Ranked by relevance with every filter inside the index: the index hands over just this page.
        let rankedInIndex = sort == .relevance && query.createdAfter == nil && query.createdBefore == nil
        let from = fromClause(query, page: rankedInIndex ? (limit + 1, offset) : nil)
        var statement: SQLQueryString = "SELECT \(unsafeRaw: AssetRows.columnList) FROM "
        statement += from
        statement += " WHERE "
        statement += conditions
        statement += " ORDER BY \(unsafeRaw: orderBy(sort)) LIMIT \(literal: limit + 1) OFFSET \(literal: rankedInIndex ? 0 : offset)"
        let rows = try await sql.raw(statement).all()
        let assets = try await AssetRows.decodeAll(Array(rows.prefix(limit)), on: sql)
        guard rows.count > limit, let last = assets.last else { return Page(items: assets, nextCursor: nil) }
        return Page(items: assets, nextCursor: cursor(after: last, sort: sort, offset: offset + limit))
    }

    private func orderBy(_ sort: AssetSort) -> String {
        switch sort {
        case .createdAt: "a.id ASC"
        case .createdAtDescending: "a.id DESC"
        case .updatedAt: "o.updated_at ASC, a.id ASC"
        case .updatedAtDescending: "o.updated_at DESC, a.id DESC"
        case .name: "o.name ASC, a.id ASC"
        case .nameDescending: "o.name DESC, a.id DESC"
        case .relevance: "s.score DESC, a.id DESC"
        }
    }

    /// Rows strictly after the cursor's row in the listing's order.
    private func keyset(after cursor: PageCursor, sort: AssetSort) throws -> SQLQueryString {
        guard let id = cursor.id else { throw Self.badCursor }
        let op = sort.isDescending ? "<" : ">"
        switch sort {
        case .createdAt, .createdAtDescending:
            return "a.id \(unsafeRaw: op) \(bind: id)"
        case .updatedAt, .updatedAtDescending:
            // Times are written in whole milliseconds but read back through each driver's own
            // rounding, so "the same time" is the half-millisecond window around the cursor's.
            guard let text = cursor.value, let millis = Int64(text) else { throw Self.badCursor }
            let low = Date(timeIntervalSince1970: (Double(millis) - 0.5) / 1000)
            let high = Date(timeIntervalSince1970: (Double(millis) + 0.5) / 1000)
            let sameTime: SQLQueryString = "(o.updated_at >= \(bind: low) AND o.updated_at < \(bind: high) AND a.id \(unsafeRaw: op) \(bind: id))"
            return sort.isDescending
                ? "(o.updated_at < \(bind: low) OR " + sameTime + ")"
                : "(o.updated_at >= \(bind: high) OR " + sameTime + ")"
        case .name, .nameDescending:
            guard let name = cursor.value else { throw Self.badCursor }
            return "(o.name \(unsafeRaw: op) \(bind: name) OR (o.name = \(bind: name) AND a.id \(unsafeRaw: op) \(bind: id)))"
        case .relevance:
            throw Self.badCursor
        }
    }

    private func cursor(after asset: Asset, sort: AssetSort, offset: Int) -> PageCursor {
        switch sort {
        case .createdAt, .createdAtDescending:
            PageCursor(sort: sort.rawValue, id: asset.stamp.id)
        case .updatedAt, .updatedAtDescending:
            PageCursor(sort: sort.rawValue, value: String(Int64((asset.stamp.updatedAt.timeIntervalSince1970 * 1000).rounded())),
                       id: asset.stamp.id)
        case .name, .nameDescending:
            PageCursor(sort: sort.rawValue, value: asset.stamp.name, id: asset.stamp.id)
        case .relevance:
            PageCursor(sort: sort.rawValue, offset: offset)
        }
    }

    private func count(_ facet: AssetFacet, from: SQLQueryString, filters: SQLQueryString) async throws -> [(String, Int)] {
        let column: String
        var joined = from
        switch facet {
        case .type: column = "a.type"
        case .format: column = "a.format"
        case .status: column = "a.status"
        case .project: column = "a.project_id"
        case .tag:
            column = "ft.tag"
            joined += " JOIN asset_tags ft ON ft.asset_id = a.id"
        }
        var statement: SQLQueryString = "SELECT \(unsafeRaw: column) AS value, COUNT(*) AS count FROM "
        statement += joined
        statement += " WHERE "
        statement += filters
        statement += " AND \(unsafeRaw: column) IS NOT NULL GROUP BY \(unsafeRaw: column) ORDER BY count DESC, value ASC LIMIT 100"
        return try await sql.raw(statement).all().map { row in
            let value = facet == .project
                ? try row.decode(column: "value", as: UUID.self).uuidString.lowercased()
                : try row.decode(column: "value", as: String.self)
            return (value, try row.decode(column: "count", as: Int.self))
        }
    }

    private static let badCursor = AtlasError.badRequest("invalid_cursor", "The cursor does not fit this listing. Start again without a cursor.")
}
