/// The database a benchmarked server runs on.
enum BenchDatabase: Sendable {
    /// The embedded default: SQLite in the server's data folder.
    case sqlite
    /// A database of its own on a PostgreSQL server.
    case postgres(PostgresDatabase)

    /// The name the figures carry (`create.sqlite`, `create.postgres`).
    var label: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// Runs `body` on SQLite, then on a fresh database of `postgresURL`'s server (dropped
    /// afterwards, whatever happens); without a server, reports `name` as skipped.
    static func each(postgresURL: String?, skipping name: String, log: String,
                     _ body: (BenchDatabase) async throws -> Void) async throws {
        try await body(.sqlite)
        guard let postgresURL else {
            BenchReport.skipped(name, "pass --postgres-url")
            return
        }
        let database = try await PostgresDatabase.create(serverURL: postgresURL, log: log)
        do {
            try await body(.postgres(database))
        } catch {
            await database.drop(log: log)
            throw error
        }
        await database.drop(log: log)
    }
}
