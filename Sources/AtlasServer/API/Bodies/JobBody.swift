import AtlasCore
import Foundation

/// A job as the API shows it.
struct JobBody: Encodable, Sendable {
    var id: String
    var kind: String
    var status: JobStatus
    var payload: JSONValue
    var priority: Int
    var attempts: Int
    var maxAttempts: Int
    var runAfter: Date
    var progress: Double
    @Nullable var progressMessage: String?
    @Nullable var result: JSONValue?
    @Nullable var error: String?
    @Nullable var projectID: String?
    var cancelRequested: Bool
    var createdAt: Date
    @Nullable var createdBy: String?
    @Nullable var startedAt: Date?
    @Nullable var finishedAt: Date?
    @Nullable var batchID: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, status, payload, priority, attempts, progress, result, error
        case maxAttempts = "max_attempts", runAfter = "run_after", progressMessage = "progress_message", projectID = "project_id"
        case cancelRequested = "cancel_requested", createdAt = "created_at", createdBy = "created_by"
        case startedAt = "started_at", finishedAt = "finished_at", batchID = "batch_id"
    }

    init(_ job: Job) {
        id = job.id.lowercased
        kind = job.kind
        status = job.status
        payload = job.payload
        priority = job.priority
        attempts = job.attempts
        maxAttempts = job.maxAttempts
        runAfter = job.runAfter
        progress = job.progress
        progressMessage = job.progressMessage
        result = job.result
        error = job.error
        projectID = job.projectID?.lowercased
        cancelRequested = job.cancelRequested
        createdAt = job.createdAt
        createdBy = job.createdBy
        startedAt = job.startedAt
        finishedAt = job.finishedAt
        batchID = job.batchID?.lowercased
    }
}
