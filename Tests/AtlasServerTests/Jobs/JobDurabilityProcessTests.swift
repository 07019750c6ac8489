import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
@testable import AtlasServer

// Serialized: each case runs real `atlas` processes, whose timing should not depend on how many
// other cases share the machine's cores.
@Suite("Nothing lost: jobs survive killed workers and restarted servers, with effects applied exactly once", .serialized)
struct JobDurabilityProcessTests {
    @Test("a worker killed with SIGKILL after its job's effect, before the job is marked done: another worker completes the job, the effect happened exactly once",
          .timeLimit(.minutes(2)), arguments: TestDatabase.available)
    func killedAfterEffect(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            // The effect is applied at once; the hold keeps the job running, with its lease renewed, for a minute.
            let job = try #require(try await t.enqueueDiagnostic(1, holdMilliseconds: 60_000).first)
            let first = try t.startWorker(concurrency: 1)
            defer { first.kill() }
            let applied = try await t.eventually(within: .seconds(30)) { try await t.effectCount == 1 }
            try #require(applied, "the first worker never applied the effect:\n\(first.logTail())")

            let second = try t.startWorker(concurrency: 1)
            defer { second.kill() }
            let secondUp = try await t.eventually(within: .seconds(30)) { second.logTail().contains("started with") }
            try #require(secondUp, "the second worker did not start:\n\(second.logTail())")
            // A live lease keeps the second worker off the job for longer than a lease lasts.
            try await Task.sleep(for: .seconds(3))
            let held = try await t.job(job)
            #expect(held.status == .running && held.attempts == 1 && held.workerID?.contains(":\(first.pid):") == true,
                    "the running job was taken from a live worker: \(held)")

            first.kill()
            #expect(try await first.waitForExit(timeout: .seconds(10)) == SIGKILL)
            let done = try await t.waitFor(job, timeout: .seconds(30)) { $0.status.isFinal }
            await second.terminate()

            #expect(done.status == .succeeded, "\(done.error ?? "")\n\(second.logTail())")
            #expect(done.attempts == 2)
            #expect(done.workerID?.contains(":\(second.pid):") == true, "the second worker should have completed the job")
            #expect(done.result?["effect"]?.string == "already_applied" && done.result?["attempt"]?.int == 2)
            #expect(try await t.effectCount == 1, "the effect happened exactly once")
            #expect(try await t.count("SELECT COUNT(*) AS n FROM job_effects WHERE worker_id LIKE '%:\(first.pid):%'") == 1,
                    "the killed worker's try applied it")
        }
    }

    @Test("a server restarted with 1,000 queued jobs loses none: stopped with SIGTERM, then killed with SIGKILL midway, every job succeeds with its effect applied once",
          .timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func serverRestarts(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let ids = try await t.enqueueDiagnostic(1_000)
            let environment = diagnosticWorkerEnvironment.merging(["ATLAS_WORKERS": "4"]) { _, new in new }
            let succeeded = { try await t.jobCount(.succeeded) }

            // Stopped politely: the jobs it was running go back to the queue untried.
            let first = try await t.startServer(environment: environment)
            defer { first.kill() }
            _ = try await t.eventually(within: .seconds(30)) { try await succeeded() >= 150 }
            await first.terminate()
            let afterStop = try await succeeded()
            try #require((150..<ids.count).contains(afterStop), "stop the server midway, not at \(afterStop) succeeded jobs")
            #expect(try await t.jobCount(.running) == 0, "a server stopped with SIGTERM leaves no job running:\n\(first.logTail())")

            // Killed: the jobs it held stay running until their leases run out.
            let second = try await t.startServer(environment: environment)
            defer { second.kill() }
            _ = try await t.eventually(within: .seconds(30)) { try await succeeded() >= afterStop + 300 }
            second.kill()
            #expect(try await second.waitForExit(timeout: .seconds(10)) == SIGKILL)
            let afterKill = try await succeeded()
            try #require(afterKill < ids.count, "kill the server midway, not after every job succeeded")
            let heldAtKill = try await t.jobCount(.running)

            let third = try await t.startServer(environment: environment)
            defer { third.kill() }
            let drained = try await t.eventually(within: .seconds(60)) { try await succeeded() == ids.count }
            await third.terminate()

            let finished = try await succeeded()
            #expect(drained, "\(finished) of \(ids.count) jobs succeeded:\n\(third.logTail())")
            // A stop gives its tries back; a kill costs one. So exactly the jobs the killed server held were tried twice.
            #expect(try await t.count("SELECT COUNT(*) AS n FROM jobs WHERE attempts = 2") == heldAtKill)
            #expect(try await t.count("SELECT COUNT(*) AS n FROM jobs WHERE attempts > 2") == 0)
            #expect(try await t.effectCount == ids.count, "one effect per job")
            #expect(try await t.count("SELECT COUNT(DISTINCT job_id) AS n FROM job_effects") == ids.count)
            #expect(try await t.contradictoryResults == 0, "a job's result disagrees with who applied its effect")
        }
    }
}
