import Foundation

/// Jobs submitted together and followed as one: one id, totals by status, aggregate progress.
public struct JobBatch: Sendable, Equatable {
    public var id: UUID
    public var projectID: UUID?
    public var total: Int
    /// How many of its jobs are in each state.
    public var counts: [JobStatus: Int]
    /// The sum of the progress of its jobs still running (0…1 each).
    public var runningProgress: Double
    public var createdAt: Date
    public var createdBy: String?

    public init(id: UUID, projectID: UUID?, total: Int, counts: [JobStatus: Int] = [:], runningProgress: Double = 0,
                createdAt: Date, createdBy: String?) {
        self.id = id
        self.projectID = projectID
        self.total = total
        self.counts = counts
        self.runningProgress = runningProgress
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    private func count(_ status: JobStatus) -> Int { counts[status] ?? 0 }

    /// How far the batch is from having ended: jobs that ended count whole, running ones by their progress.
    public var progress: Double {
        guard total > 0 else { return 1 }
        let ended = JobStatus.allCases.filter(\.isFinal).map(count).reduce(0, +)
        return min(1, (Double(ended) + runningProgress) / Double(total))
    }

    /// `queued` until a job starts, `running` until every job has ended; then `failed` if any
    /// job failed, `cancelled` if any was cancelled, else `succeeded`.
    public var status: JobStatus {
        if count(.running) > 0 || (count(.queued) > 0 && count(.queued) < total) { return .running }
        if count(.queued) > 0 { return .queued }
        if count(.failed) > 0 { return .failed }
        if count(.cancelled) > 0 { return .cancelled }
        return .succeeded
    }
}
