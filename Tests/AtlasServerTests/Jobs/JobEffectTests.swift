import AtlasCore
import AtlasTestSupport
import Foundation
import SQLKit
import Testing
@testable import AtlasServer

@Suite("Exactly-once effects: a job's database change and its record are one write")
struct JobEffectTests {
    @Test("A second try of the same job does not run the effect again; another effect of the job is its own",
          arguments: TestDatabase.available)
    func secondTrySkips(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let job = try await t.enqueue("file.asset")
            let ledger = RunLedger()
            let fileAsset: @Sendable (any SQLDatabase) async throws -> Void = { sql in
                ledger.record(job.id)
                try await sql.raw("UPDATE jobs SET progress_message = 'filed' WHERE id = \(bind: job.id)").run()
            }
            let firstTry = RunnerContext(id: job.id, worker: "host:1:dead:a", database: t.app.atlasDatabase)
            let secondTry = RunnerContext(id: job.id, worker: "host:2:alive:b", database: t.app.atlasDatabase)

            #expect(try await firstTry.once("file.asset", fileAsset))
            #expect(try await !secondTry.once("file.asset", fileAsset), "the effect was applied by the first try")
            #expect(ledger.counts[job.id] == 1)
            #expect(try await t.job(job.id).progressMessage == "filed")
            #expect(try await secondTry.once("attach.preview") { _ in }, "a different effect of the same job runs")

            let rows = try await t.app.atlasDatabase.sql.raw("SELECT name, worker_id FROM job_effects ORDER BY name").all()
            let recorded = try rows.map { [try $0.decode(column: "name", as: String.self), try $0.decode(column: "worker_id", as: String.self)] }
            #expect(recorded == [["attach.preview", "host:2:alive:b"], ["file.asset", "host:1:dead:a"]])
        }
    }

    @Test("A failing body records nothing and its changes are rolled back, so the next try runs it again",
          arguments: TestDatabase.available)
    func failingBodyRecordsNothing(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            struct StorageDown: Error {}
            let job = try await t.enqueue("file.asset")
            let context = RunnerContext(id: job.id, worker: "host:1:w:a", database: t.app.atlasDatabase)
            await #expect(throws: StorageDown.self) {
                try await context.once("file.asset") { sql in
                    try await sql.raw("UPDATE jobs SET progress_message = 'half filed' WHERE id = \(bind: job.id)").run()
                    throw StorageDown()
                }
            }
            #expect(try await t.count("SELECT COUNT(*) AS n FROM job_effects") == 0)
            #expect(try await t.job(job.id).progressMessage == nil, "the failed body's change was rolled back")
            #expect(try await context.once("file.asset") { _ in }, "the next try applies the effect")
            #expect(try await t.effectCount == 1)
        }
    }

    @Test("diagnostic.effect: the first try applies its effect; a try after its worker died finds it already applied",
          arguments: TestDatabase.available)
    func diagnosticJobThroughTheRunner(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let runner = t.runner([DiagnosticEffectJob()])
            let fresh = try await t.enqueue("diagnostic.effect", payload: ["hold_ms": 0])
            // A worker claims the second job, applies its effect and dies before marking it done.
            let orphan = try await t.enqueue("diagnostic.effect", payload: ["hold_ms": 0])
            let claim = try #require(try await t.app.atlasDatabase.write { sql in
                try await JobRepository.claim(kinds: ["diagnostic.effect"], worker: "host:1:dead:a", lease: 0.3, now: Date(), on: sql)
            })
            #expect(claim.run.id == fresh.id || claim.run.id == orphan.id)
            let deadTry = RunnerContext(id: claim.run.id, worker: claim.holder, database: t.app.atlasDatabase)
            #expect(try await deadTry.once("diagnostic.effect") { _ in })
            let other = claim.run.id == fresh.id ? orphan.id : fresh.id

            runner.start()
            let resumed = try await t.waitFor(claim.run.id) { $0.status.isFinal }
            let firstTime = try await t.waitFor(other) { $0.status.isFinal }
            await runner.stop()
            #expect(resumed.status == .succeeded && resumed.attempts == 2)
            #expect(resumed.result == ["effect": "already_applied", "attempt": 2])
            #expect(firstTime.status == .succeeded && firstTime.result == ["effect": "applied", "attempt": 1])
            #expect(try await t.effectCount == 2)
        }
    }

    @Test("diagnostic.effect refuses a hold that is not a whole number of milliseconds, without retrying",
          arguments: TestDatabase.available)
    func diagnosticJobRejectsBadPayload(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let job = try await t.enqueue("diagnostic.effect", payload: ["hold_ms": "soon"], maxAttempts: 3)
            let runner = t.runner([DiagnosticEffectJob()])
            runner.start()
            let ended = try await t.waitFor(job.id) { $0.status.isFinal }
            await runner.stop()
            #expect(ended.status == .failed && ended.attempts == 1)
            #expect(ended.error?.contains("hold_ms") == true)
            #expect(try await t.effectCount == 0)
        }
    }
}
