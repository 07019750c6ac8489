import FluentKit
import SQLKit

/// The database as the repositories use it: SQL with binds, and write transactions that go
/// through the group-committing `WriteGate` on SQLite.
struct AtlasDatabase: Sendable {
    let database: any Database
    let gate: WriteGate?
    /// Told when a write that appended events has committed (nil: nobody in this process listens).
    var events: EventSignal? = nil

    var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Runs `body` atomically: all of it is committed, or none of it.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let mark = EventSignal.Mark()
        let marked: @Sendable (any SQLDatabase) async throws -> T = { sql in
            try await EventSignal.$pending.withValue(mark) { try await body(sql) }
        }
        let result: T
        if let gate {
            // The gate hands back what `body` returned, typed as `any Sendable`.
            result = try await gate.write { sql in try await marked(sql) } as! T
        } else {
            result = try await database.transaction { transaction in try await marked(transaction as! any SQLDatabase) }
        }
        if mark.isSet { events?.committed() }
        return result
    }
}
