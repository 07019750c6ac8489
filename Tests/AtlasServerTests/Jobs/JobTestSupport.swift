import AtlasCore
import AtlasTestSupport
import Foundation
import NIOConcurrencyHelpers
@testable import AtlasServer

/// Queue settings that make tests quick: fast polling, tiny back-off. The lease stays long enough
/// that a renewal delayed by a busy machine never lets a live try be claimed again.
let quickRunner = JobRunner.Settings(concurrency: 2, lease: 6, idlePoll: 0.02, retry: RetryPolicy(base: 0.01, cap: 0.05))

extension AtlasTestApp {
    /// Queues a job as `account` (the administrator when nil).
    @discardableResult
    func enqueue(_ kind: String, payload: JSONValue = [:], project: String? = nil, maxAttempts: Int = 3, key: String? = nil,
                 as account: TestAccount? = nil) async throws -> Job {
        let now = Date()
        let by = account ?? admin
        let change = Change(actor: AuditActor(userID: UUID(uuidString: by.id), name: by.username), at: now, action: "test.enqueue")
        let job = Job(id: AtlasID.make(at: now), kind: kind, payload: payload, maxAttempts: maxAttempts, runAfter: now,
                      idempotencyKey: key, projectID: project.flatMap(UUID.init(uuidString:)), createdAt: now)
        return try await app.atlasDatabase.write { sql in try await JobRepository.enqueue(job, change: change, on: sql) }
    }

    func job(_ id: UUID) async throws -> Job {
        try await JobRepository.fetch(id, on: app.atlasDatabase.sql)
    }

    /// A runner of `handlers` on this app's database.
    func runner(_ handlers: [any JobHandler], settings: JobRunner.Settings = quickRunner) -> JobRunner {
        JobRunner(database: app.atlasDatabase, handlers: JobHandlers(handlers), settings: settings, clock: SystemClock(), logger: app.logger)
    }

    /// Waits (up to `timeout`) until `condition` holds for job `id`.
    func waitFor(_ id: UUID, timeout: Duration = .seconds(20), _ condition: (Job) -> Bool) async throws -> Job {
        let deadline = ContinuousClock.now + timeout
        while true {
            let current = try await job(id)
            if condition(current) || ContinuousClock.now > deadline { return current }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// Counts the runs of each job, to prove each ran exactly once.
final class RunLedger: Sendable {
    private let runs = NIOLockedValueBox<[UUID: Int]>([:])
    func record(_ id: UUID) { runs.withLockedValue { $0[id, default: 0] += 1 } }
    var counts: [UUID: Int] { runs.withLockedValue { $0 } }
}

/// A handler for tests, doing what its closure says.
struct TestJob: JobHandler {
    let kind: String
    let body: @Sendable (JobRun, any JobContext) async throws -> JSONValue?

    func run(_ job: JobRun, context: any JobContext) async throws -> JSONValue? {
        try await body(job, context)
    }
}
