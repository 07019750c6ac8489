import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
@testable import AtlasServer

@Suite("The durable job queue: claims, leases, retries, cancellation")
struct JobQueueTests {
    @Test("300 jobs over two workers of two loops each: every job succeeds, none runs twice", .timeLimit(.minutes(2)),
          arguments: TestDatabase.available)
    func everyJobOnce(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let ledger = RunLedger()
            let counting = TestJob(kind: "count") { job, _ in ledger.record(job.id); return ["attempt": .number(Double(job.attempt))] }
            var ids: [UUID] = []
            for index in 0..<300 { ids.append(try await t.enqueue("count", payload: ["n": .number(Double(index))]).id) }
            let first = t.runner([counting]), second = t.runner([counting])
            first.start()
            second.start()
            let deadline = ContinuousClock.now + .seconds(90)
            while ledger.counts.count < ids.count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            _ = try await t.waitFor(ids.last!) { $0.status.isFinal }
            await first.stop()
            await second.stop()
            #expect(ledger.counts.count == ids.count, "\(ids.count - ledger.counts.count) jobs never ran")
            #expect(ledger.counts.values.allSatisfy { $0 == 1 }, "some jobs ran more than once")
            let statuses = try await JobRepository.list(JobQuery(paging: Paging(limit: 500, cursorText: nil)), visible: nil,
                                                        on: t.app.atlasDatabase.sql).items.map(\.status)
            #expect(statuses.count == 300 && statuses.allSatisfy { $0 == .succeeded })
        }
    }

    @Test("A failing job is tried again with back-off up to max_attempts, then ends failed with its last error",
          arguments: TestDatabase.available)
    func retriesThenFails(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            struct Flaky: Error, CustomStringConvertible { var description: String }
            let failing = TestJob(kind: "flaky") { job, _ in throw Flaky(description: "try \(job.attempt) failed") }
            let job = try await t.enqueue("flaky", maxAttempts: 3)
            let runner = t.runner([failing])
            runner.start()
            let ended = try await t.waitFor(job.id) { $0.status.isFinal }
            await runner.stop()
            #expect(ended.status == .failed && ended.attempts == 3)
            #expect(ended.error == "try 3 failed")

            let permanent = TestJob(kind: "doomed") { _, _ in throw PermanentJobFailure("the payload names no asset") }
            let doomed = try await t.enqueue("doomed", maxAttempts: 5)
            let second = t.runner([permanent])
            second.start()
            let gaveUp = try await t.waitFor(doomed.id) { $0.status.isFinal }
            await second.stop()
            #expect(gaveUp.status == .failed && gaveUp.attempts == 1, "a permanent failure is not retried")
        }
    }

    @Test("A job whose worker died (its lease ran out) is claimed again and completes", arguments: TestDatabase.available)
    func expiredLeaseIsReclaimed(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let job = try await t.enqueue("count")
            // A worker claims it and dies: it never renews the lease, never finishes.
            let claimed = try await t.app.atlasDatabase.write { sql in
                try await JobRepository.claim(kinds: ["count"], worker: "dead-worker", lease: 0.3, now: Date(), on: sql)
            }
            #expect(claimed?.run.id == job.id)
            let ledger = RunLedger()
            let runner = t.runner([TestJob(kind: "count") { job, _ in ledger.record(job.id); return nil }])
            runner.start()
            let done = try await t.waitFor(job.id) { $0.status.isFinal }
            await runner.stop()
            #expect(done.status == .succeeded && done.attempts == 2)
            #expect(ledger.counts[job.id] == 1)
            let late = try await t.app.atlasDatabase.write { sql in
                try await JobRepository.finish(job.id, worker: "dead-worker", as: .failed, result: nil, error: "late", at: Date(), on: sql)
            }
            #expect(!late, "the dead worker can no longer change the job")
        }
    }

    @Test("Cancelling: a queued job ends at once; a running one stops cooperatively and ends cancelled",
          arguments: TestDatabase.available)
    func cancellation(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let waiting = try await t.enqueue("slow")
            let cancelled = try await t.client.send(.POST, "/api/v1/jobs/\(waiting.id.lowercased)/cancel")
            #expect(cancelled.status == .ok && cancelled.json["status"]?.string == "cancelled")

            let running = try await t.enqueue("slow")
            let slow = TestJob(kind: "slow") { _, context in
                try await context.report(progress: 0.25, message: "warming up")
                try await Task.sleep(for: .seconds(60))
                return nil
            }
            let runner = t.runner([slow])
            runner.start()
            let started = try await t.waitFor(running.id) { $0.progress > 0 }
            #expect(started.status == .running && started.progressMessage == "warming up")
            let seen = try await t.client.get("/api/v1/jobs/\(running.id.lowercased)")
            #expect(seen.json["progress"]?.int == 0 || seen.json["progress_message"]?.string == "warming up")
            _ = try await t.client.send(.POST, "/api/v1/jobs/\(running.id.lowercased)/cancel")
            let ended = try await t.waitFor(running.id) { $0.status.isFinal }
            await runner.stop()
            #expect(ended.status == .cancelled)
            let again = try await t.client.send(.POST, "/api/v1/jobs/\(running.id.lowercased)/cancel")
            #expect(again.status == .conflict && again.problemCode == "job_finished")

            let retried = try await t.client.send(.POST, "/api/v1/jobs/\(running.id.lowercased)/retry")
            #expect(retried.status == .ok && retried.json["status"]?.string == "queued" && retried.json["attempts"]?.int == 0)
        }
    }

    @Test("A worker that stops puts its running job back untried; the same idempotency key gives the same job",
          arguments: TestDatabase.available)
    func stoppingAndIdempotency(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let job = try await t.enqueue("slow", key: "ingest:plate-42")
            let same = try await t.enqueue("slow", key: "ingest:plate-42")
            #expect(same.id == job.id)
            let runner = t.runner([TestJob(kind: "slow") { _, _ in try await Task.sleep(for: .seconds(60)); return nil }])
            runner.start()
            _ = try await t.waitFor(job.id) { $0.status == .running }
            await runner.stop()
            let back = try await t.job(job.id)
            #expect(back.status == .queued && back.attempts == 0 && back.workerID == nil)
        }
    }

    @Test("Jobs are visible to whoever made them and to their project's members; to others they do not exist",
          arguments: TestDatabase.available)
    func visibility(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Jobs", code: "JOBS")
            let member = try await t.makeAccount("mo", role: .artist, memberOf: [project])
            let outsider = try await t.makeAccount("oz", role: .artist)
            let projectJob = try await t.enqueue("noop", project: project)
            let ownJob = try await t.enqueue("noop", as: outsider)
            #expect(try await member.client.get("/api/v1/jobs/\(projectJob.id.lowercased)").status == .ok)
            #expect(try await outsider.client.get("/api/v1/jobs/\(projectJob.id.lowercased)").status == .notFound)
            #expect(try await outsider.client.get("/api/v1/jobs/\(ownJob.id.lowercased)").status == .ok)
            let listed = try await outsider.client.get("/api/v1/jobs").json["items"]?.array.compactMap { $0["id"]?.string }
            #expect(listed == [ownJob.id.lowercased])
            #expect(try await member.client.send(.POST, "/api/v1/jobs/\(projectJob.id.lowercased)/cancel").status == .forbidden,
                    "an artist cancels only their own jobs")
            let filtered = try await t.client.get("/api/v1/jobs?status=queued&kind=noop&project_id=\(project)")
            #expect(filtered.json["items"]?.array.count == 1)
            #expect(try await t.client.get("/api/v1/jobs?status=sleeping").status == .badRequest)
        }
    }
}

@Suite("Cancelling and retrying answer from the job's state at that moment")
struct JobControlTests {
    @Test("Cancel asks a running job to stop and ends a queued one; retry is refused unless the job failed or was cancelled",
          arguments: TestDatabase.available)
    func conditionalChanges(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let running = try await t.enqueue("slow")
            _ = try await t.app.atlasDatabase.write { sql in
                try await JobRepository.claim(kinds: ["slow"], worker: "w", lease: 60, now: Date(), on: sql)
            }
            let asked = try await t.client.send(.POST, "/api/v1/jobs/\(running.id.lowercased)/cancel")
            #expect(asked.json["status"]?.string == "running" && asked.json["cancel_requested"]?.bool == true)
            let early = try await t.client.send(.POST, "/api/v1/jobs/\(running.id.lowercased)/retry")
            #expect(early.status == .conflict && early.problemCode == "job_not_retryable")
            #expect(try await t.client.send(.POST, "/api/v1/jobs/\(UUID().uuidString.lowercased())/cancel").status == .notFound)
        }
    }

    @Test("A running job asked to cancel that its worker puts back in the queue (waiting for a server, or stopping) ends cancelled",
          arguments: TestDatabase.available)
    func cancelSurvivesRequeue(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let job = try await t.enqueue("slow")
            _ = try await t.app.atlasDatabase.write { sql in
                try await JobRepository.claim(kinds: ["slow"], worker: "w", lease: 60, now: Date(), on: sql)
            }
            #expect(try await t.client.send(.POST, "/api/v1/jobs/\(job.id.lowercased)/cancel").json["cancel_requested"]?.bool == true)
            let requeued = try await t.app.atlasDatabase.write { sql in
                try await JobRepository.requeue(job.id, worker: "w", runAfter: Date().addingTimeInterval(5), error: "waiting for a server",
                                                uncounted: true, at: Date(), on: sql)
            }
            #expect(requeued)
            let ended = try await t.client.get("/api/v1/jobs/\(job.id.lowercased)")
            #expect(ended.json["status"]?.string == "cancelled", "\(ended.text)")
            #expect(ended.json["finished_at"]?.string != nil)
        }
    }
}
