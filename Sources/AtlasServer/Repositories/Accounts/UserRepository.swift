import AtlasCore
import Foundation
import SQLKit

/// Accounts in the database. Password hashes never leave this type except to be verified.
enum UserRepository {
    static let select = "SELECT \(ObjectRow.columns), u.username, u.role, u.disabled, u.revision, u.password_hash FROM users u JOIN atlas_objects o ON o.id = u.id"

    static func insert(_ user: User, passwordHash: String, on sql: any SQLDatabase) async throws {
        let taken = usernameTaken(user.username)
        if try await sql.raw("SELECT id FROM users WHERE username = \(bind: user.username)").first() != nil { throw taken }
        try await ObjectRow.insert(user.stamp, on: sql)
        try await UniqueViolation.map(to: taken) {
            try await sql.raw("""
                INSERT INTO users (id, username, role, password_hash, disabled, revision)
                VALUES (\(bind: user.stamp.id), \(bind: user.username), \(bind: user.role.rawValue), \(bind: passwordHash),
                        \(bind: user.disabled), \(bind: user.revision))
                """).run()
        }
    }

    static func fetch(_ id: UUID, on sql: any SQLDatabase) async throws -> User {
        guard let row = try await sql.raw("\(unsafeRaw: select) WHERE u.id = \(bind: id)").first() else {
            throw AtlasError.notFound("user", id)
        }
        return try decode(row)
    }

    /// The account and its password hash, by username (case-insensitive).
    static func find(username: String, on sql: any SQLDatabase) async throws -> (user: User, passwordHash: String)? {
        guard let row = try await sql.raw("\(unsafeRaw: select) WHERE u.username = \(bind: username.lowercased())").first() else {
            return nil
        }
        return (try decode(row), try row.decode(column: "password_hash", as: String.self))
    }

    static func passwordHash(of id: UUID, on sql: any SQLDatabase) async throws -> String {
        guard let row = try await sql.raw("SELECT password_hash FROM users WHERE id = \(bind: id)").first() else {
            throw AtlasError.notFound("user", id)
        }
        return try row.decode(column: "password_hash", as: String.self)
    }

    static func count(on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Enabled administrators other than `id`: an account change must leave at least one.
    static func otherActiveAdministrators(than id: UUID, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("""
            SELECT COUNT(*) AS n FROM users WHERE role = 'administrator' AND disabled = \(bind: false) AND id <> \(bind: id)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// By username; `role` filters.
    static func list(role: [Role], paging: Paging, on sql: any SQLDatabase) async throws -> Page<User> {
        let cursor = try paging.cursor(sort: "username")
        var conditions: [SQLQueryString] = ["1 = 1"]
        if !role.isEmpty { conditions.append("u.role IN (\(binds: role.map(\.rawValue)))") }
        if let after = cursor?.value { conditions.append("u.username > \(bind: after)") }
        let rows = try await sql.raw("""
            \(unsafeRaw: select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY u.username LIMIT \(literal: paging.limit + 1)
            """).all()
        let users = try rows.prefix(paging.limit).map(decode)
        let next = rows.count > paging.limit ? users.last.map { PageCursor(sort: "username", value: $0.username) } : nil
        return Page(items: users, nextCursor: next)
    }

    /// Writes the account's role, disabled flag and display name with a new revision.
    static func save(_ user: inout User, change: Change, on sql: any SQLDatabase) async throws {
        user.revision += 1
        user.stamp.updatedAt = change.at
        user.stamp.updatedBy = change.by
        try await ObjectRow.update(user.stamp, on: sql)
        try await sql.raw("""
            UPDATE users SET role = \(bind: user.role.rawValue), disabled = \(bind: user.disabled), revision = \(bind: user.revision)
            WHERE id = \(bind: user.stamp.id)
            """).run()
    }

    static func setPasswordHash(_ hash: String, of id: UUID, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE users SET password_hash = \(bind: hash) WHERE id = \(bind: id)").run()
    }

    static func decode(_ row: any SQLRow) throws -> User {
        User(stamp: try ObjectRow.decode(row),
             username: try row.decode(column: "username", as: String.self),
             role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .client,
             disabled: try row.decode(column: "disabled", as: Bool.self),
             revision: try row.decode(column: "revision", as: Int.self))
    }

    private static func usernameTaken(_ username: String) -> AtlasError {
        AtlasError.conflict("username_taken", "An account named \(username) exists already.")
    }
}
