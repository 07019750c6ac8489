import AtlasCore
import AtlasTestSupport
import Foundation
import SQLKit
import Testing
@testable import AtlasServer

@Suite("atlas worker processes on one PostgreSQL database")
struct WorkerProcessTests {
    @Test("1,000 jobs, two worker processes of two loops, one killed midway: every job ends succeeded, the killed worker's jobs claimed again when their leases run out, every effect applied exactly once",
          .timeLimit(.minutes(3)), .enabled(if: TestDatabase.postgresURL != nil))
    func twoWorkersOneKilled() async throws {
        try await withAtlasApp(.postgres) { t in
            guard case .postgres(let url) = t.configuration.database else { return }
            var ids: [UUID] = []
            for _ in 0..<1_000 { ids.append(try await t.enqueue("diagnostic.effect", payload: ["hold_ms": 0]).id) }
            let arguments = ["worker", "--concurrency", "2", "--data-dir", t.configuration.dataDirectory, "--database-url", url]
            let first = try AtlasProcess.start(arguments, environment: diagnosticWorkerEnvironment)
            let second = try AtlasProcess.start(arguments, environment: diagnosticWorkerEnvironment)
            defer { first.kill(); second.kill() }

            // Kill one worker with SIGKILL once work is under way; the other finishes the queue.
            let deadline = ContinuousClock.now + .seconds(120)
            while try await count(t, "status = 'succeeded'") < 100, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            first.kill()
            _ = try await first.waitForExit(timeout: .seconds(10))
            while try await count(t, "status = 'succeeded'") < ids.count, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            await second.terminate()
            #expect(try await count(t, "status = 'succeeded'") == ids.count, "\(second.logTail())")
            // A job the killed worker held is claimed again once its lease runs out; none is run by two at once.
            #expect(try await count(t, "attempts > 2") == 0)
            // None lost, none applied twice: one effect per job, recorded by the try its result names.
            #expect(try await t.effectCount == ids.count)
            #expect(try await t.contradictoryResults == 0, "a job's result disagrees with who applied its effect")
        }
    }

    private func count(_ t: AtlasTestApp, _ condition: String) async throws -> Int {
        try await t.app.atlasDatabase.sql.raw("SELECT COUNT(*) AS n FROM jobs WHERE \(unsafeRaw: condition)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }
}
