import AtlasCore
import Foundation

/// The context a handler reports through: progress goes straight to the job's row.
struct RunnerContext: JobContext {
    let id: UUID
    let worker: String
    let database: AtlasDatabase

    func report(progress: Double, message: String?) async throws {
        let id = self.id, worker = self.worker
        try await database.write { sql in
            try await JobRepository.report(id, worker: worker, progress: progress, message: message, at: Date(), on: sql)
        }
    }
}
