import Foundation

/// A unit of background work in the durable queue: what to do (`kind`, `payload`), when and how
/// urgently, how often it was tried, and what became of it.
public struct Job: Sendable, Equatable {
    public var id: UUID
    public var kind: String
    public var payload: JSONValue
    /// Higher runs first.
    public var priority: Int
    public var status: JobStatus
    /// Tries so far, counting the running one.
    public var attempts: Int
    public var maxAttempts: Int
    /// Not claimed before this time (back-off after a failure, or a scheduled start).
    public var runAfter: Date
    /// Until when the running worker holds the job; past it, the worker is taken for dead.
    public var leaseExpiresAt: Date?
    public var workerID: String?
    /// 0…1, as the handler last reported.
    public var progress: Double
    public var progressMessage: String?
    public var result: JSONValue?
    public var error: String?
    public var idempotencyKey: String?
    public var projectID: UUID?
    public var cancelRequested: Bool
    public var createdAt: Date
    public var createdBy: String?
    public var startedAt: Date?
    public var finishedAt: Date?
    /// The batch the job was submitted in, if any.
    public var batchID: UUID?

    public init(id: UUID, kind: String, payload: JSONValue, priority: Int = 0, status: JobStatus = .queued, attempts: Int = 0,
                maxAttempts: Int = 3, runAfter: Date, leaseExpiresAt: Date? = nil, workerID: String? = nil, progress: Double = 0,
                progressMessage: String? = nil, result: JSONValue? = nil, error: String? = nil, idempotencyKey: String? = nil,
                projectID: UUID? = nil, cancelRequested: Bool = false, createdAt: Date, createdBy: String? = nil,
                startedAt: Date? = nil, finishedAt: Date? = nil, batchID: UUID? = nil) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.priority = priority
        self.status = status
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.runAfter = runAfter
        self.leaseExpiresAt = leaseExpiresAt
        self.workerID = workerID
        self.progress = progress
        self.progressMessage = progressMessage
        self.result = result
        self.error = error
        self.idempotencyKey = idempotencyKey
        self.projectID = projectID
        self.cancelRequested = cancelRequested
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.batchID = batchID
    }
}
