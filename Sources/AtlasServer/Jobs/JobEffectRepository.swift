import Foundation
import SQLKit

/// The effects jobs applied (`job_effects`), which make `DatabaseJobContext.once` exactly once.
enum JobEffectRepository {
    /// Records that `worker` applied `effect` of job `job`; false, changing nothing, when it was recorded before.
    static func record(_ effect: String, of job: UUID, by worker: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("""
            INSERT INTO job_effects (job_id, name, at, worker_id)
            VALUES (\(bind: job), \(bind: effect), \(bind: now), \(bind: worker))
            ON CONFLICT (job_id, name) DO NOTHING
            RETURNING job_id
            """).first() != nil
    }
}
