import AtlasCore
import SQLKit

/// Every content hash that some version's file names.
enum ReferencedContent {
    static func all(on sql: any SQLDatabase) async throws -> Set<ContentHash> {
        let rows = try await sql.raw("SELECT DISTINCT sha256 FROM version_files").all()
        return Set(try rows.compactMap { ContentHash(hex: try $0.decode(column: "sha256", as: String.self)) })
    }
}

extension ReferencedContent {
    static func isReferenced(_ hash: ContentHash, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT 1 AS found FROM version_files WHERE sha256 = \(bind: hash.hex) LIMIT 1").first() != nil
    }
}
