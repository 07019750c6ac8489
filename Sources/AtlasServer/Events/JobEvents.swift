import AtlasCore
import Foundation

/// The events of jobs: `job.<status>` when a job changes state, `job.progress` while it runs,
/// `job.cancel_requested` when a running job is asked to stop. The data is the job as
/// `GET /api/v1/jobs/{id}` shows it.
enum JobEvents {
    static let progress = "job.progress"
    static let cancelRequested = "job.cancel_requested"

    static func event(_ job: Job, type: String? = nil, at: Date, clientID: String? = nil) throws -> AtlasEvent {
        AtlasEvent(type: type ?? "job.\(job.status.rawValue)", at: at, objectID: job.id, projectID: job.projectID,
                   batchID: job.batchID, owner: job.createdBy, clientID: clientID, data: try JSONCoding.json(JobBody(job)))
    }

    /// Whether `type` ends a job's life (nothing follows it until a retry).
    static func isFinal(_ type: String) -> Bool {
        JobStatus.allCases.contains { $0.isFinal && type == "job.\($0.rawValue)" }
    }
}
