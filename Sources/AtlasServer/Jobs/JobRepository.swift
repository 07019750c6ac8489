import AtlasCore
import Foundation
import SQLKit

/// The job queue in the database. Every state change is one conditional UPDATE that names the
/// state it expects (and, for a running job, the worker holding it), so two workers can never
/// both finish a job and a worker that lost its lease changes nothing.
enum JobRepository {
    static let columns = """
        j.id, j.kind, j.payload, j.priority, j.status, j.attempts, j.max_attempts, j.run_after, j.lease_expires_at, \
        j.worker_id, j.progress, j.progress_message, j.result, j.error, j.idempotency_key, j.project_id, j.cancel_requested, \
        j.started_at, j.finished_at, j.batch_id, o.created_at, o.created_by
        """
    /// What a state change hands back: the whole job, so the event it publishes can carry it.
    static let returning = """
        RETURNING id, kind, payload, priority, status, attempts, max_attempts, run_after, lease_expires_at, worker_id, progress, \
        progress_message, result, error, idempotency_key, project_id, cancel_requested, started_at, finished_at, batch_id, \
        (SELECT o.created_at FROM atlas_objects o WHERE o.id = jobs.id) AS created_at, \
        (SELECT o.created_by FROM atlas_objects o WHERE o.id = jobs.id) AS created_by
        """
    static let select = "SELECT \(columns) FROM jobs j JOIN atlas_objects o ON o.id = j.id"

    /// Adds `job`, or returns the job already queued under its idempotency key.
    static func enqueue(_ job: Job, change: Change, on sql: any SQLDatabase) async throws -> Job {
        if let key = job.idempotencyKey,
           let existing = try await sql.raw("\(unsafeRaw: select) WHERE j.idempotency_key = \(bind: key)").first() {
            return try decode(existing)
        }
        let stamp = ObjectStamp(id: job.id, kind: .job, name: job.kind, createdAt: job.createdAt, updatedAt: job.createdAt,
                                createdBy: change.by, updatedBy: change.by)
        try await ObjectRow.insert(stamp, on: sql)
        try await sql.raw("""
            INSERT INTO jobs (id, kind, payload, priority, status, attempts, max_attempts, run_after, progress,
                              idempotency_key, project_id, cancel_requested, batch_id)
            VALUES (\(bind: job.id), \(bind: job.kind), \(bind: JSONCoding.text(job.payload)), \(bind: job.priority), 'queued', 0,
                    \(bind: job.maxAttempts), \(bind: job.runAfter), 0, \(bind: job.idempotencyKey), \(bind: job.projectID),
                    \(bind: false), \(bind: job.batchID))
            """).run()
        var stored = job
        stored.createdBy = change.by
        try await EventLog.append(JobEvents.event(stored, at: change.at, clientID: change.clientID), on: sql)
        return stored
    }

    static func fetch(_ id: UUID, on sql: any SQLDatabase) async throws -> Job {
        guard let row = try await sql.raw("\(unsafeRaw: select) WHERE j.id = \(bind: id)").first() else {
            throw AtlasError.notFound("job", id.lowercased)
        }
        return try decode(row)
    }

    /// The jobs of `ids` that exist, by id.
    static func fetch(_ ids: [UUID], on sql: any SQLDatabase) async throws -> [UUID: Job] {
        guard !ids.isEmpty else { return [:] }
        let jobs = try await sql.raw("\(unsafeRaw: select) WHERE j.id IN (\(binds: ids))").all().map(decode)
        return Dictionary(jobs.map { ($0.id, $0) }) { first, _ in first }
    }

    /// A job claimed by a worker: what its handler needs, and how long it waited.
    struct Claim: Sendable {
        var run: JobRun
        /// Who holds it: names the worker, and this claim, so a try that lost its lease cannot end a later one.
        var holder: String
        var maxAttempts: Int
        var runAfter: Date
    }

    /// Takes a job of `kinds` for `worker`: first a running one whose worker stopped renewing its
    /// lease (it has waited longest), else the most urgent queued one whose time has come. Two
    /// lookups, each in the order of the `jobs_queue` index, so a claim reads one index entry
    /// whatever the queue's length. PostgreSQL skips rows other workers are claiming
    /// (`FOR UPDATE SKIP LOCKED`); SQLite has one writer, the gate.
    static func claim(kinds: [String], worker: String, lease: TimeInterval, now: Date, on sql: any SQLDatabase) async throws -> Claim? {
        guard !kinds.isEmpty else { return nil }
        let lock: SQLQueryString = SQLFlavor(sql) == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        guard let row = try await sql.raw("""
            UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_expires_at = \(bind: now.addingTimeInterval(lease)),
                worker_id = \(bind: worker), started_at = \(bind: now)
            WHERE id = COALESCE(
                (SELECT id FROM jobs WHERE status = 'running' AND lease_expires_at < \(bind: now) AND kind IN (\(binds: kinds))
                 ORDER BY priority DESC, run_after, id LIMIT 1\(lock)),
                (SELECT id FROM jobs WHERE status = 'queued' AND run_after <= \(bind: now) AND kind IN (\(binds: kinds))
                 ORDER BY priority DESC, run_after, id LIMIT 1\(lock)))
            \(unsafeRaw: returning)
            """).first() else { return nil }
        let job = try decode(row)
        try await published(job, at: now, on: sql)
        let run = JobRun(id: job.id, kind: job.kind, payload: job.payload, attempt: job.attempts, projectID: job.projectID)
        return Claim(run: run, holder: worker, maxAttempts: job.maxAttempts, runAfter: job.runAfter)
    }

    /// What renewing a lease found.
    enum Lease: Sendable { case held, cancelRequested, lost }

    static func renew(_ id: UUID, worker: String, until: Date, on sql: any SQLDatabase) async throws -> Lease {
        guard let row = try await sql.raw("""
            UPDATE jobs SET lease_expires_at = \(bind: until)
            WHERE id = \(bind: id) AND worker_id = \(bind: worker) AND status = 'running'
            RETURNING cancel_requested
            """).first() else { return .lost }
        return try row.decode(column: "cancel_requested", as: Bool.self) ? .cancelRequested : .held
    }

    static func report(_ id: UUID, worker: String, progress: Double, message: String?, at now: Date,
                       on sql: any SQLDatabase) async throws {
        guard let row = try await sql.raw("""
            UPDATE jobs SET progress = \(bind: min(1, max(0, progress))), progress_message = \(bind: message)
            WHERE id = \(bind: id) AND worker_id = \(bind: worker) AND status = 'running'
            \(unsafeRaw: returning)
            """).first() else { return }
        try await published(try decode(row), type: JobEvents.progress, at: now, on: sql)
    }

    /// Ends a running try as `status`; false when `worker` no longer holds the job.
    @discardableResult
    static func finish(_ id: UUID, worker: String, as status: JobStatus, result: JSONValue?, error: String?, at now: Date,
                       on sql: any SQLDatabase) async throws -> Bool {
        let job = try await sql.raw("""
            UPDATE jobs SET status = \(bind: status.rawValue), result = \(bind: result.map(JSONCoding.text)), error = \(bind: error),
                finished_at = \(bind: now), lease_expires_at = NULL,
                progress = CASE WHEN \(bind: status.rawValue) = 'succeeded' THEN 1 ELSE progress END
            WHERE id = \(bind: id) AND worker_id = \(bind: worker) AND status = 'running'
            \(unsafeRaw: returning)
            """).first().map(decode)
        guard let job else { return false }
        try await published(job, at: now, on: sql)
        return true
    }

    /// Puts a running try back in the queue to run after `runAfter`; `uncounted` gives the try back
    /// (the worker stopped, the job did not fail). A job whose cancel was asked for while it ran
    /// ends cancelled instead: going back to the queue would forget the request.
    @discardableResult
    static func requeue(_ id: UUID, worker: String, runAfter: Date, error: String?, uncounted: Bool = false, at now: Date,
                        on sql: any SQLDatabase) async throws -> Bool {
        let job = try await sql.raw("""
            UPDATE jobs SET status = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'queued' END,
                finished_at = CASE WHEN cancel_requested THEN \(bind: now) ELSE finished_at END,
                run_after = \(bind: runAfter), error = \(bind: error), lease_expires_at = NULL,
                worker_id = NULL, attempts = attempts - \(bind: uncounted ? 1 : 0)
            WHERE id = \(bind: id) AND worker_id = \(bind: worker) AND status = 'running'
            \(unsafeRaw: returning)
            """).first().map(decode)
        guard let job else { return false }
        try await published(job, at: now, on: sql)
        return true
    }

    /// Lets a queued job that waits for later run now (what it waited for happened).
    static func hasten(_ id: UUID, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE jobs SET run_after = \(bind: now) WHERE id = \(bind: id) AND status = 'queued' AND run_after > \(bind: now)
            """).run()
    }

    /// Cancels a queued job at once; asks the worker of a running one to stop.
    /// One statement, so a job claimed between a read and a write cannot slip through uncancelled.
    static func cancel(_ id: UUID, change: Change, on sql: any SQLDatabase) async throws -> Job {
        let now = change.at
        let changed = try await sql.raw("""
            UPDATE jobs SET
                finished_at = CASE WHEN status = 'queued' THEN \(bind: now) ELSE finished_at END,
                cancel_requested = CASE WHEN status = 'running' THEN \(bind: true) ELSE cancel_requested END,
                status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END
            WHERE id = \(bind: id) AND status IN ('queued', 'running')
            \(unsafeRaw: returning)
            """).first().map(decode)
        guard let changed else {
            let job = try await fetch(id, on: sql)
            throw AtlasError.conflict("job_finished", "Job \(id.lowercased) has ended (\(job.status.rawValue)); there is nothing to cancel.")
        }
        try await published(changed, type: changed.status == .running ? JobEvents.cancelRequested : nil, at: now,
                            clientID: change.clientID, on: sql)
        return changed
    }

    /// Queues a failed or cancelled job again, with all its tries.
    static func retry(_ id: UUID, change: Change, on sql: any SQLDatabase) async throws -> Job {
        let now = change.at
        let changed = try await sql.raw("""
            UPDATE jobs SET status = 'queued', attempts = 0, run_after = \(bind: now), error = NULL, result = NULL,
                cancel_requested = \(bind: false), finished_at = NULL, started_at = NULL, progress = 0, progress_message = NULL
            WHERE id = \(bind: id) AND status IN ('failed', 'cancelled')
            \(unsafeRaw: returning)
            """).first().map(decode)
        guard let changed else {
            let job = try await fetch(id, on: sql)
            throw AtlasError.conflict("job_not_retryable", "Only a failed or cancelled job can be retried; job \(id.lowercased) is \(job.status.rawValue).")
        }
        try await published(changed, at: now, clientID: change.clientID, on: sql)
        return changed
    }

    /// Newest first. `visible` limits to jobs of those projects or made by `owner` (nil: all jobs).
    static func list(_ query: JobQuery, visible: (projects: [UUID], owner: String)?, on sql: any SQLDatabase) async throws -> Page<Job> {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if !query.kinds.isEmpty { conditions.append("j.kind IN (\(binds: query.kinds))") }
        if !query.statuses.isEmpty { conditions.append("j.status IN (\(binds: query.statuses.map(\.rawValue)))") }
        if !query.projectIDs.isEmpty { conditions.append("j.project_id IN (\(binds: query.projectIDs))") }
        if !query.createdBy.isEmpty { conditions.append("o.created_by IN (\(binds: query.createdBy))") }
        if !query.batchIDs.isEmpty { conditions.append("j.batch_id IN (\(binds: query.batchIDs))") }
        if let visible {
            conditions.append(visible.projects.isEmpty ? "o.created_by = \(bind: visible.owner)"
                : "(o.created_by = \(bind: visible.owner) OR j.project_id IN (\(binds: visible.projects)))")
        }
        if let id = try query.paging.cursor(sort: JobQuery.sort)?.id { conditions.append("j.id < \(bind: id)") }
        let limit = query.paging.limit
        let rows = try await sql.raw("""
            \(unsafeRaw: select) WHERE \(conditions.joined(separator: " AND ")) ORDER BY j.id DESC LIMIT \(literal: limit + 1)
            """).all()
        let jobs = try rows.prefix(limit).map(decode)
        let next = rows.count > limit ? jobs.last.map { PageCursor(sort: JobQuery.sort, id: $0.id) } : nil
        return Page(items: jobs, nextCursor: next)
    }

    static func decode(_ row: any SQLRow) throws -> Job {
        Job(id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
            payload: JSONCoding.value(try row.decode(column: "payload", as: String.self)) ?? .null,
            priority: try row.decode(column: "priority", as: Int.self),
            status: JobStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
            attempts: try row.decode(column: "attempts", as: Int.self), maxAttempts: try row.decode(column: "max_attempts", as: Int.self),
            runAfter: try row.decode(column: "run_after", as: Date.self),
            leaseExpiresAt: try row.decode(column: "lease_expires_at", as: Date?.self),
            workerID: try row.decode(column: "worker_id", as: String?.self), progress: try row.decode(column: "progress", as: Double.self),
            progressMessage: try row.decode(column: "progress_message", as: String?.self),
            result: try row.decode(column: "result", as: String?.self).flatMap(JSONCoding.value),
            error: try row.decode(column: "error", as: String?.self),
            idempotencyKey: try row.decode(column: "idempotency_key", as: String?.self),
            projectID: try row.decode(column: "project_id", as: UUID?.self),
            cancelRequested: try row.decode(column: "cancel_requested", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), createdBy: try row.decode(column: "created_by", as: String?.self),
            startedAt: try row.decode(column: "started_at", as: Date?.self), finishedAt: try row.decode(column: "finished_at", as: Date?.self),
            batchID: try row.decode(column: "batch_id", as: UUID?.self))
    }

    /// Records the event of a change to `job` (by default `job.<status>`), and the batch's new
    /// totals when a batch job changed state.
    private static func published(_ job: Job, type: String? = nil, at now: Date, clientID: String? = nil,
                                  on sql: any SQLDatabase) async throws {
        try await EventLog.append(JobEvents.event(job, type: type, at: now, clientID: clientID), on: sql)
        if let batch = job.batchID, type != JobEvents.progress {
            try await BatchRepository.publishTotals(of: batch, at: now, on: sql)
        }
    }
}
