import Foundation

/// A fresh data folder, and for PostgreSQL a fresh empty database, for a server run as a process
/// (``AtlasProcess/serve(dataDirectory:databaseURL:environment:administrator:startupTimeout:)``);
/// both are removed afterwards, whatever happens.
public func withServerData(_ database: TestDatabase, prefix: String = "atlas-process",
                           _ body: (_ dataDirectory: String, _ databaseURL: String?) async throws -> Void) async throws {
    let folder = try TemporaryDirectory(prefix: prefix)
    var databaseURL: String?
    do {
        if database == .postgres {
            guard let server = TestDatabase.postgresURL else { throw TestSupportError("ATLAS_TEST_POSTGRES_URL is not set") }
            databaseURL = try await PostgresTestDatabase.create(serverURL: server)
        }
        try await body(folder.path, databaseURL)
    } catch {
        folder.remove()
        if let databaseURL, let server = TestDatabase.postgresURL {
            try? await PostgresTestDatabase.drop(databaseURL, serverURL: server)
        }
        throw error
    }
    folder.remove()
    if let databaseURL, let server = TestDatabase.postgresURL {
        try await PostgresTestDatabase.drop(databaseURL, serverURL: server)
    }
}
