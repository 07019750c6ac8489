import Foundation

/// A fresh, empty database for one benchmark run, made and dropped with `psql` through the
/// server URL the user gave (its database, usually `postgres`, serves as the admin database).
///
/// A fresh database per run keeps earlier runs' rows out of the figures and lets the server
/// migrate from nothing, as a new deployment does.
struct PostgresDatabase: Sendable {
    /// The URL the user passed.
    let serverURL: String
    let name: String
    /// `serverURL` with its database replaced by `name`: what the benchmarked server connects to.
    let url: String

    static func create(serverURL: String, log: String) async throws -> PostgresDatabase {
        guard var components = URLComponents(string: serverURL),
              components.scheme == "postgres" || components.scheme == "postgresql" else {
            throw BenchError("--postgres-url must be a postgres:// URL (got '\(serverURL.prefix(12))…')")
        }
        // The name is ours (letters, digits, underscores), so it can go into SQL as is.
        let name = "atlas_bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await psql(serverURL, "CREATE DATABASE \(name)", log: log)
        components.path = "/" + name
        guard let url = components.string else { throw BenchError("cannot build a URL for database \(name)") }
        return PostgresDatabase(serverURL: serverURL, name: name, url: url)
    }

    /// Drops the database; `WITH (FORCE)` ends connections a killed server may have left.
    func drop(log: String) async {
        do {
            try await Self.psql(serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)", log: log)
        } catch {
            BenchReport.progress("could not drop PostgreSQL database \(name): \(error)")
        }
    }

    /// Gathers planner statistics, as autovacuum does within a minute or so of a bulk load. Measuring
    /// before that would time plans made blind (a bitmap scan of a whole project instead of an
    /// index walk), which no server that has run a while uses.
    func analyze(log: String) async throws {
        try await Self.psql(url, "ANALYZE", log: log)
    }

    private static func psql(_ url: String, _ statement: String, log: String) async throws {
        try await ChildProcess.check(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", statement], log: log)
    }
}
