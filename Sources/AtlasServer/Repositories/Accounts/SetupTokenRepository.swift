import Foundation
import SQLKit

/// The first-start setup link's token: one at a time, valid once, until it expires.
enum SetupTokenRepository {
    /// Replaces any earlier token with this one.
    static func replace(secretHash: String, expiresAt: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM setup_tokens").run()
        try await sql.raw("INSERT INTO setup_tokens (secret_hash, expires_at) VALUES (\(bind: secretHash), \(bind: expiresAt))").run()
    }

    /// Uses up the token: true when it existed and had not expired.
    static func consume(secretHash: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        guard let row = try await sql.raw("SELECT expires_at FROM setup_tokens WHERE secret_hash = \(bind: secretHash)").first() else {
            return false
        }
        try await sql.raw("DELETE FROM setup_tokens").run()
        return try row.decode(column: "expires_at", as: Date.self) > now
    }
}
