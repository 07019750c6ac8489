import AtlasCore
import Foundation
import SQLKit

/// Sessions, tokens and API keys in the database.
enum CredentialRepository {
    private static let columns = "c.id AS credential_id, c.user_id, c.kind AS credential_kind, c.name AS credential_name, c.prefix, c.csrf_token, c.created_at AS credential_created_at, c.expires_at, c.last_used_at, c.revoked_at"

    static func insert(_ credential: Credential, secretHash: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO credentials (id, user_id, kind, name, secret_hash, prefix, csrf_token, created_at, expires_at)
            VALUES (\(bind: credential.id), \(bind: credential.userID), \(bind: credential.kind.rawValue), \(bind: credential.name),
                    \(bind: secretHash), \(bind: credential.prefix), \(bind: credential.csrfToken), \(bind: credential.createdAt),
                    \(bind: credential.expiresAt))
            """).run()
    }

    /// The credential with this secret and its account, in one query: every authenticated request asks it.
    static func find(secretHash: String, on sql: any SQLDatabase) async throws -> (Credential, User)? {
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: columns), \(unsafeRaw: ObjectRow.columns), u.username, u.role, u.disabled, u.revision
            FROM credentials c JOIN users u ON u.id = c.user_id JOIN atlas_objects o ON o.id = u.id
            WHERE c.secret_hash = \(bind: secretHash)
            """).first() else { return nil }
        return (try decode(row), try UserRepository.decode(row))
    }

    static func fetch(_ id: UUID, on sql: any SQLDatabase) async throws -> Credential? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM credentials c WHERE c.id = \(bind: id)").first().map(decode)
    }

    /// An account's API keys that are not revoked, newest first.
    static func apiKeys(of user: UUID, on sql: any SQLDatabase) async throws -> [Credential] {
        try await sql.raw("""
            SELECT \(unsafeRaw: columns) FROM credentials c
            WHERE c.user_id = \(bind: user) AND c.kind = 'api_key' AND c.revoked_at IS NULL ORDER BY c.id DESC
            """).all().map(decode)
    }

    static func revoke(_ id: UUID, at date: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE credentials SET revoked_at = \(bind: date) WHERE id = \(bind: id) AND revoked_at IS NULL").run()
    }

    /// Revokes an account's sessions and tokens (a password change), keeping `except` and its API keys.
    static func revokeSignIns(of user: UUID, except: UUID?, at date: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE credentials SET revoked_at = \(bind: date)
            WHERE user_id = \(bind: user) AND kind <> 'api_key' AND revoked_at IS NULL AND id <> \(bind: except ?? UUID())
            """).run()
    }

    static func touch(_ id: UUID, at date: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE credentials SET last_used_at = \(bind: date) WHERE id = \(bind: id)").run()
    }

    private static func decode(_ row: any SQLRow) throws -> Credential {
        Credential(
            id: try row.decode(column: "credential_id", as: UUID.self),
            userID: try row.decode(column: "user_id", as: UUID.self),
            kind: Credential.Kind(rawValue: try row.decode(column: "credential_kind", as: String.self)) ?? .token,
            name: try row.decode(column: "credential_name", as: String.self),
            prefix: try row.decode(column: "prefix", as: String.self),
            csrfToken: try row.decode(column: "csrf_token", as: String?.self),
            createdAt: try row.decode(column: "credential_created_at", as: Date.self),
            expiresAt: try row.decode(column: "expires_at", as: Date?.self),
            lastUsedAt: try row.decode(column: "last_used_at", as: Date?.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self))
    }
}
