import FluentKit
import SQLKit

/// The single writer of an SQLite database, committing writes in groups.
///
/// SQLite allows one writer at a time, and Fluent's driver keeps one connection per event loop:
/// two transactions upgrading read locks at once would fail with `SQLITE_BUSY` whatever the
/// busy handler does. So writes queue here. And since each commit costs an fsync, the writes
/// that queue up while one transaction runs are committed together by the next, each inside
/// its own savepoint: one write that fails is rolled back alone, and every caller hears back
/// only once its write is durable. PostgreSQL needs no gate; it does its own group commit.
actor WriteGate {
    typealias Work = @Sendable (any SQLDatabase) async throws -> any Sendable

    private struct Pending {
        let work: Work
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    /// Bounds how long a group holds the write lock, so readers of a busy server still see fresh data.
    static let maxGroupSize = 64

    private let database: any Database
    private var queue: [Pending] = []
    private var draining = false

    init(database: any Database) {
        self.database = database
    }

    /// Runs `work` in a transaction (shared with other queued writes) and returns its result once committed.
    func write(_ work: @escaping Work) async throws -> any Sendable {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Pending(work: work, continuation: continuation))
            if !draining {
                draining = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            let group = Array(queue.prefix(Self.maxGroupSize))
            queue.removeFirst(group.count)
            await commit(group)
        }
        draining = false
    }

    private func commit(_ group: [Pending]) async {
        let works = group.map(\.work)
        do {
            let results = try await database.transaction { transaction in
                try await Self.run(works, on: transaction as! any SQLDatabase)
            }
            for (pending, result) in zip(group, results) { pending.continuation.resume(with: result) }
        } catch {
            // The commit itself failed: none of the group's writes happened.
            for pending in group { pending.continuation.resume(throwing: error) }
        }
    }

    /// Each write in a savepoint of its own, so a failing one leaves the others in the transaction.
    private static func run(_ works: [Work], on sql: any SQLDatabase) async throws -> [Result<any Sendable, any Error>] {
        var results: [Result<any Sendable, any Error>] = []
        for work in works {
            try await sql.raw("SAVEPOINT atlas_write").run()
            do {
                let value = try await work(sql)
                try await sql.raw("RELEASE atlas_write").run()
                results.append(.success(value))
            } catch {
                try await sql.raw("ROLLBACK TO atlas_write").run()
                try await sql.raw("RELEASE atlas_write").run()
                results.append(.failure(error))
            }
        }
        return results
    }
}
