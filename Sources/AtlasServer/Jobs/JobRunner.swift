import AtlasCore
import Foundation
import Logging
import NIOConcurrencyHelpers
import SQLKit

/// Runs jobs from the queue: `concurrency` loops that each claim a job, run its handler while
/// renewing the lease, and record how it ended. `atlas serve` runs one inside the server;
/// `atlas worker` runs one on its own.
final class JobRunner: Sendable {
    struct Settings: Sendable {
        var concurrency: Int
        /// How long a claim holds a job without renewal; a third of it is the renewal interval.
        var lease: TimeInterval = 30
        /// How long an idle loop waits before looking for work again, unless a commit of this
        /// process wakes it first (a queued job is an event, so a new job starts at once here;
        /// other processes' jobs are found by this poll).
        var idlePoll: TimeInterval = 0.2
        var retry = RetryPolicy()
        /// Told how long each claim query took (for `atlas bench jobs`).
        var onClaim: (@Sendable (Duration) -> Void)? = nil
    }

    let workerID: String
    private let database: AtlasDatabase
    private let handlers: JobHandlers
    private let settings: Settings
    private let clock: any AtlasClock
    private let logger: Logger
    private let metrics: JobMetrics?
    private let loops = NIOLockedValueBox<[Task<Void, Never>]>([])

    init(database: AtlasDatabase, handlers: JobHandlers, settings: Settings, clock: any AtlasClock, logger: Logger,
         metrics: JobMetrics? = nil) {
        self.metrics = metrics
        self.database = database
        self.handlers = handlers
        self.settings = settings
        self.clock = clock
        self.logger = logger
        workerID = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8).lowercased())"
    }

    func start() {
        let tasks = (0..<settings.concurrency).map { index in
            Task { await self.loop(index) }
        }
        loops.withLockedValue { $0 += tasks }
        logger.info("job worker \(workerID) started with \(settings.concurrency) loop(s) for \(handlers.kinds.joined(separator: ", "))")
    }

    /// Stops claiming; running handlers are cancelled and their jobs go back to the queue untried.
    func stop() async {
        let tasks = loops.withLockedValue { tasks in
            defer { tasks = [] }
            return tasks
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    private func loop(_ index: Int) async {
        let wakeUp = Doorbell()
        database.events?.attach(wakeUp)
        defer { database.events?.detach(wakeUp) }
        // The job claimed in the same write that recorded the end of the previous one.
        var next: JobRepository.Claim?
        while !Task.isCancelled {
            do {
                var claim = next
                next = nil
                if claim == nil { claim = try await claimNext() }
                if let claim {
                    next = await execute(claim)
                    continue
                }
            } catch is CancellationError {
                break
            } catch {
                logger.error("job loop \(index) could not claim: \(String(reflecting: error))")
            }
            await wakeUp.wait(timeout: .seconds(settings.idlePoll))
        }
        if let unstarted = next {
            // Stopped between claiming a job and starting it: it goes back untried.
            _ = await record(unstarted.run.id) { sql, now in
                try await JobRepository.requeue(unstarted.run.id, worker: unstarted.holder, runAfter: now, error: nil,
                                                uncounted: true, at: now, on: sql)
            }
        }
    }

    private func claimNext() async throws -> JobRepository.Claim? {
        let started = ContinuousClock.now
        defer { settings.onClaim?(ContinuousClock.now - started) }
        let claim = claimStatement(at: clock.now())
        return try await database.write { sql in try await claim(sql) }
    }

    /// Claims the next job for a new holder of this worker.
    private func claimStatement(at now: Date) -> @Sendable (any SQLDatabase) async throws -> JobRepository.Claim? {
        let kinds = handlers.kinds, lease = settings.lease
        let worker = "\(workerID):\(UUID().uuidString.prefix(8).lowercased())"
        return { sql in try await JobRepository.claim(kinds: kinds, worker: worker, lease: lease, now: now, on: sql) }
    }

    /// Runs `claim` and records how it ended; returns the next job, claimed in that same write.
    private func execute(_ claim: JobRepository.Claim) async -> JobRepository.Claim? {
        let id = claim.run.id
        guard let handler = handlers.handler(for: claim.run.kind) else { return nil }
        if claim.run.attempt > claim.maxAttempts {
            // A worker died holding it on its last try: that try counts, and there is none left.
            return await record(id, claimingNext: true) { sql, now in
                try await JobRepository.finish(id, worker: claim.holder, as: .failed, result: nil,
                                               error: "the worker running the last try stopped", at: now, on: sql)
            }
        }
        metrics?.recordWait(kind: claim.run.kind, seconds: clock.now().timeIntervalSince(claim.runAfter))
        let startedRun = ContinuousClock.now
        let context = RunnerContext(id: id, worker: claim.holder, database: database)
        let work = Task { try await handler.run(claim.run, context: context) }
        let watch = Task { await self.keepLease(id, holder: claim.holder, of: work) }
        // The work runs in a task of its own so the lease keeper can cancel it; a stopping loop cancels it too.
        let outcome = await withTaskCancellationHandler {
            await work.result
        } onCancel: {
            work.cancel()
        }
        watch.cancel()
        let stopRequested = await watch.value
        measure(claim, outcome: outcome, stop: stopRequested, ran: ContinuousClock.now - startedRun)
        return await conclude(claim, outcome: outcome, stop: stopRequested)
    }

    private func measure(_ claim: JobRepository.Claim, outcome: Result<JSONValue?, any Error>, stop: JobRepository.Lease?,
                         ran: Duration) {
        guard let metrics else { return }
        let (seconds, attoseconds) = ran.components
        let elapsed = Double(seconds) + Double(attoseconds) / 1e18
        switch (outcome, stop) {
        case (.success, _): metrics.recordRun(kind: claim.run.kind, seconds: elapsed, outcome: .succeeded)
        case (.failure, .cancelRequested?): metrics.recordRun(kind: claim.run.kind, seconds: elapsed, outcome: .cancelled)
        case (.failure(let error), nil) where !(error is CancellationError || error is JobDeferral):
            metrics.recordFailure(kind: claim.run.kind)
            metrics.recordRun(kind: claim.run.kind, seconds: elapsed, outcome: .failed)
        case (.failure, _): break  // lost lease or a stopping worker: not an end of the job
        }
    }

    /// Renews the lease until the work ends; cancels the work when the job's cancellation is
    /// requested or the lease is lost. Returns why it cancelled, if it did.
    private func keepLease(_ id: UUID, holder: String, of work: Task<JSONValue?, any Error>) async -> JobRepository.Lease? {
        let interval = settings.lease / 3
        while true {
            do {
                try await Task.sleep(for: .seconds(interval))
            } catch {
                return nil
            }
            let until = clock.now().addingTimeInterval(settings.lease)
            let lease = (try? await database.write { sql in
                try await JobRepository.renew(id, worker: holder, until: until, on: sql)
            }) ?? .held
            if lease != .held {
                work.cancel()
                return lease
            }
        }
    }

    /// Records the end of a try; unless this worker is stopping, claims its next job in the same write.
    private func conclude(_ claim: JobRepository.Claim, outcome: Result<JSONValue?, any Error>,
                          stop: JobRepository.Lease?) async -> JobRepository.Claim? {
        let id = claim.run.id, worker = claim.holder
        let more = !Task.isCancelled
        switch outcome {
        case .success(let result):
            return await record(id, claimingNext: more) { sql, now in
                try await JobRepository.finish(id, worker: worker, as: .succeeded, result: result, error: nil, at: now, on: sql)
            }
        case .failure where stop == .cancelRequested:
            return await record(id, claimingNext: more) { sql, now in
                try await JobRepository.finish(id, worker: worker, as: .cancelled, result: nil, error: nil, at: now, on: sql)
            }
        case .failure where stop == .lost:
            logger.warning("job \(id) lost its lease while running; another worker has it")
            return nil
        case .failure(let deferral as JobDeferral):
            return await record(id, claimingNext: more) { sql, now in
                try await JobRepository.requeue(id, worker: worker, runAfter: now.addingTimeInterval(deferral.delay),
                                                error: deferral.message, uncounted: true, at: now, on: sql)
            }
        case .failure(let error) where error is CancellationError || Task.isCancelled:
            // This worker is stopping: the job goes back untried, for another worker or the next start.
            return await record(id) { sql, now in
                try await JobRepository.requeue(id, worker: worker, runAfter: now, error: nil, uncounted: true, at: now, on: sql)
            }
        case .failure(let error):
            let message = String(describing: error)
            let permanent = error is PermanentJobFailure
            let delay = settings.retry.delay(afterAttempt: claim.run.attempt)
            return await record(id, claimingNext: more) { sql, now in
                if permanent || claim.run.attempt >= claim.maxAttempts {
                    try await JobRepository.finish(id, worker: worker, as: .failed, result: nil, error: message, at: now, on: sql)
                } else {
                    try await JobRepository.requeue(id, worker: worker, runAfter: now.addingTimeInterval(delay), error: message, at: now, on: sql)
                }
            }
        }
    }

    /// Writes a job's end, even while this task is being cancelled. With `claimingNext`, the same
    /// write claims this loop's next job: one transaction per job instead of two.
    private func record(_ id: UUID, claimingNext: Bool = false,
                        _ change: @escaping @Sendable (any SQLDatabase, Date) async throws -> Bool) async -> JobRepository.Claim? {
        let now = clock.now()
        let claim = claimingNext ? claimStatement(at: now) : nil
        let started = ContinuousClock.now
        let write = Task.detached { [database] in
            try await database.write { sql -> JobRepository.Claim? in
                _ = try await change(sql, now)
                guard let claim else { return nil }
                // In a savepoint of its own: a claim that fails must not take the recorded end down with it.
                try await sql.raw("SAVEPOINT claim_next").run()
                do {
                    let next = try await claim(sql)
                    try await sql.raw("RELEASE claim_next").run()
                    return next
                } catch {
                    try await sql.raw("ROLLBACK TO claim_next").run()
                    try await sql.raw("RELEASE claim_next").run()
                    return nil
                }
            }
        }
        do {
            let next = try await write.value
            if claimingNext { settings.onClaim?(ContinuousClock.now - started) }
            return next
        } catch {
            logger.error("could not record the end of job \(id): \(String(reflecting: error))")
            return nil
        }
    }
}
