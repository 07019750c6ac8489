import AtlasCore
import AtlasTestSupport
import Foundation
import SQLKit
@testable import AtlasServer

/// What the process tests of the job queue give every `atlas` they start: the diagnostic job
/// kinds, and a 3 s lease so a killed worker's job is claimed again within seconds, not half a minute.
let diagnosticWorkerEnvironment = ["ATLAS_DIAGNOSTIC_JOBS": "true", "ATLAS_JOB_LEASE_SECONDS": "3"]

extension AtlasTestApp {
    /// `postgres://…` of this app's database, or nil on SQLite (whose file is in the data folder).
    var databaseURL: String? {
        if case .postgres(let url) = configuration.database { return url }
        return nil
    }

    /// `atlas worker` on this app's data folder and database.
    func startWorker(concurrency: Int, environment: [String: String] = diagnosticWorkerEnvironment) throws -> AtlasProcess {
        var arguments = ["worker", "--concurrency", String(concurrency), "--data-dir", configuration.dataDirectory]
        if let databaseURL { arguments += ["--database-url", databaseURL] }
        return try AtlasProcess.start(arguments, environment: environment)
    }

    /// `atlas serve` on this app's data folder and database, with its in-process job workers.
    func startServer(environment: [String: String]) async throws -> AtlasProcess {
        try await AtlasProcess.serve(dataDirectory: configuration.dataDirectory, databaseURL: databaseURL,
                                     environment: environment, administrator: false)
    }

    /// Queues `count` `diagnostic.effect` jobs holding `holdMilliseconds` after their effect, in writes of 500.
    func enqueueDiagnostic(_ count: Int, holdMilliseconds: Int = 0) async throws -> [UUID] {
        var ids: [UUID] = []
        let change = Change.cli("test.enqueue", at: Date())
        for start in stride(from: 0, to: count, by: 500) {
            let batch = min(500, count - start)
            ids += try await app.atlasDatabase.write { sql in
                var made: [UUID] = []
                for _ in 0..<batch {
                    let now = Date()
                    let job = Job(id: AtlasID.make(at: now), kind: "diagnostic.effect",
                                  payload: ["hold_ms": .number(Double(holdMilliseconds))], runAfter: now, createdAt: now)
                    made.append(try await JobRepository.enqueue(job, change: change, on: sql).id)
                }
                return made
            }
        }
        return ids
    }

    /// The value of `SELECT COUNT(*) AS n …`.
    func count(_ query: String) async throws -> Int {
        try await app.atlasDatabase.sql.raw("\(unsafeRaw: query)").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func jobCount(_ status: JobStatus) async throws -> Int {
        try await count("SELECT COUNT(*) AS n FROM jobs WHERE status = '\(status.rawValue)'")
    }

    var effectCount: Int {
        get async throws { try await count("SELECT COUNT(*) AS n FROM job_effects") }
    }

    /// Succeeded jobs whose result contradicts who applied their effect: it says `applied` but another
    /// claim recorded the effect, or `already_applied` but the claim that finished it recorded it,
    /// or there is no effect at all. Each finishing claim has a token of its own, so 0 means every
    /// job's effect was applied by exactly one try, and later tries saw it.
    var contradictoryResults: Int {
        get async throws {
            try await count("""
                SELECT COUNT(*) AS n FROM jobs j LEFT JOIN job_effects e ON e.job_id = j.id
                WHERE j.status = 'succeeded' AND j.kind = 'diagnostic.effect' AND (e.job_id IS NULL OR NOT (
                    (COALESCE(j.result, '') LIKE '%"applied"%' AND e.worker_id = j.worker_id)
                    OR (COALESCE(j.result, '') LIKE '%"already_applied"%' AND e.worker_id <> j.worker_id)))
                """)
        }
    }

    /// Polls until `condition` holds or `timeout` passes; returns whether it held.
    func eventually(within timeout: Duration, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(25))
        }
        return try await condition()
    }
}
