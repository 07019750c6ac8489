@_spi(Benchmarks) import AtlasServer

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

    /// An in-process server's configuration on this database, with its data in `folder`,
    /// migrated on start, listening on a free loopback port.
    func configuration(dataDirectory folder: String) -> AtlasConfiguration {
        var configuration = AtlasConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.dataDirectory = folder
        switch self {
        case .sqlite: configuration.database = .sqlite(path: folder + "/atlas.sqlite")
        case .postgres(let postgres): configuration.database = .postgres(url: postgres.url)
        }
        configuration.autoMigrate = true
        return configuration
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
