import AtlasCore
import AtlasTestSupport
import Foundation
import SQLKit
import Testing
@testable import AtlasServer

@Suite("Replaying missed events, following one job by Server-Sent Events, and batches")
struct EventReplayTests {
    @Test("GET /api/v1/events?after= returns what a caller missed and may see, page by page, up to last_seq",
          arguments: TestDatabase.available)
    func replay(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let ours = try await t.client.createProject("Ours", code: "OUR")
            let theirs = try await t.client.createProject("Theirs", code: "THR")
            let client = try await t.makeAccount("client", role: .client, memberOf: [ours])
            let start = try await t.client.get("/api/v1/events").json["last_seq"]?.int ?? -1
            #expect(start >= 0)
            let asset = try await t.client.createAsset(project: ours, name: "hero", files: [("hero.obj", Data("v 0 0 0".utf8))])
            _ = try await t.client.createAsset(project: theirs, name: "hidden", files: [("hidden.obj", Data("v 0 0 0".utf8))])
            let job = try await t.enqueue("noop", project: ours)

            let all = try await client.client.get("/api/v1/events?after=\(start)")
            #expect(all.status == .ok, "\(all.text)")
            let types = all.json["items"]?.array.compactMap { $0["type"]?.string } ?? []
            #expect(types == ["asset.created", "job.queued", "job.queued", "job.queued"])
            #expect(all.json["items"]?.array.compactMap { $0["data"]?["kind"]?.string } == ["version.inspect", "version.preview", "noop"],
                    "the new version's inspection and previews are queued with it")
            #expect(all.json["items"]?[0]?["data"]?["asset"]?["id"] == asset["id"])
            #expect(all.json["next_cursor"] == .null)
            let last = try #require(all.json["last_seq"]?.int)

            let page = try await t.client.get("/api/v1/events?after=\(start)&limit=1")
            #expect(page.json["items"]?.array.count == 1)
            let cursor = try #require(page.json["next_cursor"]?.string)
            let rest = try await t.client.get("/api/v1/events?after=\(cursor)&topic=job:\(job.id.lowercased)")
            #expect(rest.json["items"]?.array.compactMap { $0["type"]?.string } == ["job.queued"])
            #expect(try await t.client.get("/api/v1/events?after=\(last)").json["items"]?.array.isEmpty == true)

            for bad in ["after=-1", "after=soon", "limit=0", "limit=501", "topic=everything", "since=3"] {
                let response = try await t.client.get("/api/v1/events?\(bad)")
                #expect(response.status == .badRequest, "\(bad): \(response.text)")
            }
        }
    }

    @Test("After the retention period events are pruned, and a replay from before them is refused with 410 events_expired",
          arguments: TestDatabase.available)
    func pruned(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let first = try await t.enqueue("noop")
            _ = try await t.enqueue("noop")
            try await t.app.atlasDatabase.write { sql in try await EventLog.prune(before: Date().addingTimeInterval(60), on: sql) }
            let gone = try await t.client.get("/api/v1/events?after=0")
            #expect(gone.status == .gone)
            #expect(gone.json["code"]?.string == "events_expired")
            let horizon = try await EventLog.horizon(on: t.app.atlasDatabase.sql)
            #expect(horizon >= 2)
            #expect(try await t.client.get("/api/v1/events?after=\(horizon)").status == .ok)
            _ = first
        }
    }

    @Test("A job's Server-Sent Events start with its state, follow it, and end with the event that ends it; Last-Event-ID resumes",
          arguments: TestDatabase.available)
    func serverSentEvents(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let job = try await t.enqueue("steps")
            let runner = t.runner([TestJob(kind: "steps") { _, context in
                try await Task.sleep(for: .milliseconds(300))
                try await context.report(progress: 0.25, message: "a quarter")
                return nil
            }])
            async let stream = t.client.get("/api/v1/jobs/\(job.id.lowercased)/events")
            // Run the job only once the stream follows it, so it opens on the queued state.
            while t.app.atlas.events.hub.count == 0 { try await Task.sleep(for: .milliseconds(10)) }
            runner.start()
            let response = try await stream
            await runner.stop()
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.description.hasPrefix("text/event-stream") == true)
            let frames = response.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            let types = frames.compactMap { $0.split(separator: "\n").first { $0.hasPrefix("event: ") }?.dropFirst(7) }.map(String.init)
            #expect(types == ["job.queued", "job.running", "job.progress", "job.succeeded"], "\(response.text)")
            let ids = frames.compactMap { $0.split(separator: "\n").first { $0.hasPrefix("id: ") }.flatMap { Int($0.dropFirst(4)) } }
            #expect(ids.count == 4)

            let ended = try await t.client.get("/api/v1/jobs/\(job.id.lowercased)/events")
            #expect(ended.text.components(separatedBy: "event: ").count == 2, "a finished job: its state, then the end")
            let resumed = try await t.client.get("/api/v1/jobs/\(job.id.lowercased)/events", headers: ["Last-Event-ID": String(ids[1])])
            #expect(resumed.text.contains("event: job.progress") && resumed.text.contains("event: job.succeeded"))
            #expect(!resumed.text.contains("event: job.running"))
            #expect(try await t.client.get("/api/v1/jobs/\(UUID().uuidString)/events").status == .notFound)
        }
    }

    @Test("A batch has one id, totals by status and aggregate progress; its jobs list by batch_id; cancelling it cancels what has not ended",
          arguments: TestDatabase.available)
    func batches(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Batch", code: "BAT")
            let now = Date()
            let change = Change(actor: AuditActor(userID: UUID(uuidString: t.adminID), name: "admin"), at: now, action: "test")
            let jobs = (0..<4).map { index in
                Job(id: AtlasID.make(at: now), kind: index < 2 ? "quick" : "never", payload: [:], runAfter: now, createdAt: now)
            }
            let batch = try await t.app.atlasDatabase.write { sql in
                try await BatchRepository.submit(jobs, projectID: UUID(uuidString: project), change: change, on: sql).batch
            }
            let path = "/api/v1/job-batches/\(batch.id.lowercased)"
            let queued = try await t.client.get(path)
            #expect(queued.json["status"]?.string == "queued")
            #expect(queued.json["total"]?.int == 4)
            #expect(queued.json["counts"]?["queued"]?.int == 4)

            let runner = t.runner([TestJob(kind: "quick") { _, _ in nil }])
            runner.start()
            for job in jobs.prefix(2) { _ = try await t.waitFor(job.id) { $0.status == .succeeded } }
            await runner.stop()
            let half = try await t.client.get(path)
            #expect(half.json["status"]?.string == "running")
            #expect(half.json["progress"] == 0.5)
            let listed = try await t.client.get("/api/v1/jobs?batch_id=\(batch.id.lowercased)")
            #expect(listed.json["items"]?.array.count == 4)

            let cancelled = try await t.client.send(.POST, "\(path)/cancel")
            #expect(cancelled.status == .ok, "\(cancelled.text)")
            #expect(cancelled.json["counts"]?["cancelled"]?.int == 2)
            #expect(cancelled.json["counts"]?["succeeded"]?.int == 2)
            #expect(cancelled.json["status"]?.string == "cancelled")
            #expect(cancelled.json["progress"] == 1)

            let events = try await t.client.get("/api/v1/events?topic=batch:\(batch.id.lowercased)&limit=500")
            let totals = events.json["items"]?.array.filter { $0["type"]?.string == "batch.updated" } ?? []
            #expect(totals.count >= 3)
            #expect(totals.last?["data"]?["status"]?.string == "cancelled")
            let artist = try await t.makeAccount("outsider", role: .artist)
            #expect(try await artist.client.get(path).status == .notFound)
        }
    }
}
