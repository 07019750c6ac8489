import FluentPostgresDriver
import Foundation
import Logging
import NIOPosix

/// Gives each test a database of its own on the test PostgreSQL server, and drops it afterwards.
public enum PostgresTestDatabase {
    /// Creates an empty database and returns its URL.
    public static func create(serverURL: String) async throws -> String {
        let name = "atlas_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        try await execute("CREATE DATABASE \(name)", serverURL: serverURL)
        return url(serverURL, database: String(name))
    }

    public static func drop(_ databaseURL: String, serverURL: String) async throws {
        guard let name = URLComponents(string: databaseURL)?.path.dropFirst(), name.hasPrefix("atlas_test_") else { return }
        try await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", serverURL: serverURL)
    }

    /// Runs one administrative statement (names are ours, never user input).
    private static func execute(_ statement: String, serverURL: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: serverURL)
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration.coreConfiguration,
            id: 1, logger: Logger(label: "atlas.test.postgres"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "atlas.test.postgres"))
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func url(_ serverURL: String, database: String) -> String {
        var components = URLComponents(string: serverURL)!
        components.path = "/" + database
        return components.string!
    }
}
