import FluentKit
import SQLKit

/// An index in the claim's own order (status, then priority high to low, then due time, then
/// id), so taking the next job reads one index entry instead of sorting every queued job: with
/// the earlier index a claim cost grew with the length of the queue.
struct M0023_AddJobQueueIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE INDEX jobs_queue ON jobs (status, priority DESC, run_after, id)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX jobs_queue").run()
    }
}
