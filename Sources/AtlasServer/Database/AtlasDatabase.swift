import FluentKit
import SQLKit

/// The database as the repositories use it: SQL with binds, and write transactions that are
/// serialised on SQLite (see `WriteGate`).
struct AtlasDatabase: Sendable {
    let database: any Database
    let gate: WriteGate?

    var sql: any SQLDatabase { database as! any SQLDatabase }
    var flavor: SQLFlavor { SQLFlavor(sql) }

    /// Runs `body` in one transaction: all of it is committed, or none of it.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let gate { await gate.acquire() }
        do {
            let result = try await database.transaction { transaction in
                try await body(transaction as! any SQLDatabase)
            }
            if let gate { await gate.release() }
            return result
        } catch {
            if let gate { await gate.release() }
            throw error
        }
    }
}
