import Foundation
import SQLKit

extension RunnerContext: DatabaseJobContext {
    func once(_ effect: String, _ body: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> Bool {
        let id = self.id, worker = self.worker, now = Date()
        return try await database.write { sql in
            // The record goes first: on PostgreSQL a second try racing this one (it took over a lease
            // this try lost) waits on the key until this transaction ends, then finds the effect applied.
            guard try await JobEffectRepository.record(effect, of: id, by: worker, at: now, on: sql) else { return false }
            try await body(sql)
            return true
        }
    }
}
