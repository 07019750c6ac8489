import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
@testable import AtlasServer

@Suite("On PostgreSQL a job queued by one process wakes the idle workers of another at once", .serialized)
struct JobWakeUpProcessTests {
    @Test("An `atlas worker` polling only every 60 s starts jobs another process queues within seconds: the queueing commit's NOTIFY wakes it",
          .timeLimit(.minutes(2)), .enabled(if: TestDatabase.postgresURL != nil))
    func wakesAnotherProcess() async throws {
        try await withAtlasApp(.postgres) { t in
            let environment = diagnosticWorkerEnvironment.merging(["ATLAS_JOB_POLL_SECONDS": "60"]) { _, new in new }
            let worker = try t.startWorker(concurrency: 1, environment: environment)
            defer { worker.kill() }
            let up = try await t.eventually(within: .seconds(30)) { worker.logTail().contains("started with") }
            try #require(up, "the worker did not start:\n\(worker.logTail())")
            // Its first look for work is over: from now on only a wake-up or the 60 s poll finds a job.
            try await Task.sleep(for: .seconds(1))
            for round in 1...2 {
                let job = try #require(try await t.enqueueDiagnostic(1).first)
                let done = try await t.waitFor(job, timeout: .seconds(20)) { $0.status.isFinal }
                #expect(done.status == .succeeded, "job \(round) waited for the poll:\n\(worker.logTail())")
            }
            await worker.terminate()
        }
    }
}
