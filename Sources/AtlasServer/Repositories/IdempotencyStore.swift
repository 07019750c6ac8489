import Foundation
import SQLKit

/// The first response to each `Idempotency-Key`, so a retried create returns it instead of
/// creating again. Saved in the same transaction as what the request created: either both
/// are committed or neither is.
enum IdempotencyStore {
    struct Record: Sendable {
        var fingerprint: String
        var status: Int
        var body: String
        var location: String?
        var etag: String?
    }

    static func find(scope: String, key: String, on sql: any SQLDatabase) async throws -> Record? {
        guard let row = try await sql.raw("""
            SELECT fingerprint, status, body, location, etag FROM idempotency_keys
            WHERE scope = \(bind: scope) AND key = \(bind: key)
            """).first() else { return nil }
        return Record(
            fingerprint: try row.decode(column: "fingerprint", as: String.self),
            status: try row.decode(column: "status", as: Int.self),
            body: try row.decode(column: "body", as: String.self),
            location: try row.decode(column: "location", as: String?.self),
            etag: try row.decode(column: "etag", as: String?.self))
    }

    static func save(_ record: Record, scope: String, key: String, at date: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO idempotency_keys (scope, key, fingerprint, status, body, location, etag, created_at)
            VALUES (\(bind: scope), \(bind: key), \(bind: record.fingerprint), \(bind: record.status), \(bind: record.body),
                    \(bind: record.location), \(bind: record.etag), \(bind: date))
            """).run()
    }
}
