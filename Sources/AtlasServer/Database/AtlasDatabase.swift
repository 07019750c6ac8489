import FluentKit
import SQLKit

/// The database as the repositories use it: SQL with binds, and write transactions that go
/// through the group-committing `WriteGate` on SQLite.
struct AtlasDatabase: Sendable {
    let database: any Database
    let gate: WriteGate?

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Runs `body` atomically: all of it is committed, or none of it.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let gate else {
            return try await database.transaction { transaction in try await body(transaction as! any SQLDatabase) }
        }
        // The gate hands back what `body` returned, typed as `any Sendable`.
        return try await gate.write { sql in try await body(sql) } as! T
    }
}
