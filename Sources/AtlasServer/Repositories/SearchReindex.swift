import AtlasCore
import Foundation
import SQLKit

/// Writes every asset's search document anew, a page at a time (after the index changes shape).
enum SearchReindex {
    static func all(on sql: any SQLDatabase) async throws {
        var after: UUID?
        while true {
            var condition: SQLQueryString = ""
            if let after { condition = "WHERE a.id > \(bind: after)" }
            let rows = try await sql.raw("\(unsafeRaw: AssetRows.select) " + condition + " ORDER BY a.id LIMIT 500").all()
            let assets = try await AssetRows.decodeAll(rows, on: sql)
            guard let last = assets.last else { return }
            for asset in assets {
                let latest = try await VersionRows.fetch(asset: asset.stamp.id, number: asset.latestVersion, on: sql)
                try await SearchIndex.write(asset.stamp.id, SearchDocument(asset: asset, latest: latest),
                                            isNew: SQLFlavor(sql) == .sqlite, on: sql)
            }
            after = last.stamp.id
        }
    }
}
