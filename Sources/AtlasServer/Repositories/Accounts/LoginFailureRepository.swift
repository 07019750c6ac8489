import Foundation
import SQLKit

/// Failed sign-ins by username, the throttle's memory.
enum LoginFailureRepository {
    static func record(_ username: String, at date: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("INSERT INTO login_failures (username, at) VALUES (\(bind: username), \(bind: date))").run()
    }

    static func recent(_ username: String, since date: Date, on sql: any SQLDatabase) async throws -> [Date] {
        try await sql.raw("""
            SELECT at FROM login_failures WHERE username = \(bind: username) AND at > \(bind: date)
            """).all().map { try $0.decode(column: "at", as: Date.self) }
    }

    /// Forgets an account's failures after it signs in.
    static func clear(_ username: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM login_failures WHERE username = \(bind: username)").run()
    }

    /// Forgets failures that no longer count.
    static func prune(before date: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM login_failures WHERE at < \(bind: date)").run()
    }
}
