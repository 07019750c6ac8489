import AtlasCore
import Foundation
import SQLKit

/// Batches of jobs: submitted in one transaction, totalled from their jobs' rows on demand.
enum BatchRepository {
    static let updated = "batch.updated"

    /// Queues `jobs` as one batch of `projectID`; all of them or none.
    /// Queues `jobs` as one batch; answers the batch and the jobs as queued (with their batch), by id.
    @discardableResult
    static func submit(_ jobs: [Job], projectID: UUID?, change: Change, on sql: any SQLDatabase) async throws -> (batch: JobBatch, jobs: [UUID: Job]) {
        let id = AtlasID.make(at: change.at)
        let stamp = ObjectStamp(id: id, kind: .jobBatch, name: "batch of \(jobs.count)", createdAt: change.at,
                                updatedAt: change.at, createdBy: change.by, updatedBy: change.by)
        try await ObjectRow.insert(stamp, on: sql)
        try await sql.raw("""
            INSERT INTO job_batches (id, project_id, total) VALUES (\(bind: id), \(bind: projectID), \(bind: jobs.count))
            """).run()
        var queued: [UUID: Job] = [:]
        for var job in jobs {
            job.batchID = id
            job.projectID = job.projectID ?? projectID
            queued[job.id] = try await JobRepository.enqueue(job, change: change, on: sql)
        }
        return (try await publishTotals(of: id, at: change.at, clientID: change.clientID, on: sql), queued)
    }

    static func fetch(_ id: UUID, on sql: any SQLDatabase) async throws -> JobBatch {
        guard let row = try await sql.raw("""
            SELECT b.id, b.project_id, b.total, o.created_at, o.created_by
            FROM job_batches b JOIN atlas_objects o ON o.id = b.id WHERE b.id = \(bind: id)
            """).first() else { throw AtlasError.notFound("batch", id.lowercased) }
        var batch = JobBatch(id: id, projectID: try row.decode(column: "project_id", as: UUID?.self),
                             total: try row.decode(column: "total", as: Int.self),
                             createdAt: try row.decode(column: "created_at", as: Date.self),
                             createdBy: try row.decode(column: "created_by", as: String?.self))
        for row in try await sql.raw("""
            SELECT status, COUNT(*) AS n, SUM(progress) AS progress FROM jobs WHERE batch_id = \(bind: id) GROUP BY status
            """).all() {
            guard let status = JobStatus(rawValue: try row.decode(column: "status", as: String.self)) else { continue }
            batch.counts[status] = try row.decode(column: "n", as: Int.self)
            if status == .running { batch.runningProgress = try row.decode(column: "progress", as: Double?.self) ?? 0 }
        }
        return batch
    }

    /// Records a `batch.updated` event with the batch's current totals.
    @discardableResult
    static func publishTotals(of id: UUID, at now: Date, clientID: String? = nil, on sql: any SQLDatabase) async throws -> JobBatch {
        let batch = try await fetch(id, on: sql)
        try await EventLog.append(AtlasEvent(
            type: updated, at: now, objectID: id, projectID: batch.projectID, batchID: id, owner: batch.createdBy,
            clientID: clientID, data: try JSONCoding.json(JobBatchBody(batch))), on: sql)
        return batch
    }

    /// Cancels every job of the batch that has not ended.
    static func cancel(_ id: UUID, change: Change, on sql: any SQLDatabase) async throws -> JobBatch {
        let open = try await sql.raw("""
            SELECT id FROM jobs WHERE batch_id = \(bind: id) AND status IN ('queued', 'running') AND cancel_requested = \(bind: false)
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        for job in open { _ = try await JobRepository.cancel(job, change: change, on: sql) }
        return try await fetch(id, on: sql)
    }
}
