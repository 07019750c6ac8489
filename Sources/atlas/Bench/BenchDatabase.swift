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
}
