import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("/history and /api/jobs list, page, filter and forget as recorded (11-history-jobs)")
struct HistoryJobsTests {
    static let quiet = StandInFaults(missingOutputs: .filesNotWritten)

    @Test("history pages oldest first, max_items takes the last ones, delete and clear forget entries")
    func history() async throws {
        try await withStandIn(StandInOptions(faults: Self.quiet)) { session in
            var ids: [String] = []
            for index in 0..<3 { ids.append(try await session.submit(TestPrompts.invert(prefix: "atlas/h/\(index)"))["prompt_id"]!.stringValue!) }
            _ = try await session.history(of: ids[2])
            let all = try await session.get("/history").json
            #expect(all.objectValue?.keys == ids)
            let lastTwo = try await session.get("/history?max_items=2").json
            #expect(lastTwo.objectValue?.keys == Array(ids.suffix(2)))
            #expect(JSONShape(lastTwo).differences(from: JSONShape(Recording("11-history-jobs/history_max_items_2").responseBody)).isEmpty)
            let paged = try await session.get("/history?max_items=1&offset=1").json
            #expect(paged.objectValue?.keys == [ids[1]])
            let deleted = try await session.post("/history", json: ["delete": [.string(ids[0])]])
            #expect(deleted.status == 200 && deleted.body.isEmpty)
            let forgotten = try await session.get("/history/\(ids[0])").json
            #expect(forgotten == .object([:]))
            _ = try await session.post("/history", json: ["clear": true])
            let cleared = try await session.get("/history").json
            #expect(cleared == .object([:]))
            let jobs = try await session.get("/api/jobs").json
            #expect(jobs == ["jobs": [], "pagination": ["offset": 0, "limit": .null, "total": 0, "has_more": false]])
        }
    }

    @Test("jobs are listed newest first, filtered by status, paged, and checked with the recorded 400s and 404")
    func jobs() async throws {
        try await withStandIn(StandInOptions(faults: Self.quiet)) { session in
            var ids: [String] = []
            for index in 0..<3 { ids.append(try await session.submit(TestPrompts.invert(prefix: "atlas/j/\(index)"))["prompt_id"]!.stringValue!) }
            _ = try await session.history(of: ids[2])
            let limited = try await session.get("/api/jobs?limit=2").json
            #expect(limited["jobs"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [ids[2], ids[1]])
            #expect(limited["pagination"] == ["offset": 0, "limit": 2, "total": 3, "has_more": true])
            #expect(JSONShape(limited).differences(from: JSONShape(Recording("11-history-jobs/jobs_list_limit_3").responseBody)).isEmpty)
            let ascending = try await session.get("/api/jobs?sort_order=asc&offset=1").json
            #expect(ascending["jobs"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [ids[1], ids[2]])
            let failed = try await session.get("/api/jobs?status=failed").json
            #expect(failed["jobs"] == .array([]))
            for (query, recording) in [("limit=0", "jobs_bad_limit_400"), ("status=bogus", "jobs_bad_status_400")] {
                let reply = try await session.get("/api/jobs?\(query)")
                #expect(reply.status == 400 && reply.json == Recording("11-history-jobs/\(recording)").responseBody)
            }
            let unknown = try await session.get("/api/jobs/\(UUID().uuidString.lowercased())")
            #expect(unknown.status == 404 && unknown.json == ["error": "Job not found"])
        }
    }

    @Test("while a prompt runs and another waits, /history says {} for both and /api/jobs tells them apart")
    func lookupWhileQueued() async throws {
        let held = StandInFaults(hangingNodes: ["ImageBlur"], missingOutputs: .filesNotWritten)
        try await withStandIn(StandInOptions(faults: held)) { session in
            let running = try await session.submit(TestPrompts.chain(blurs: 1))["prompt_id"]!.stringValue!
            try await session.waitUntilRunning(running)
            let pending = try await session.submit(TestPrompts.invert())["prompt_id"]!.stringValue!
            let recorded = Recording("11-history-jobs/lookup_while_running_and_pending")
            for id in [running, pending] {
                let history = try await session.get("/history/\(id)").json
                #expect(history == .object([:]))
            }
            let runningJob = try await session.get("/api/jobs/\(running)").json
            let pendingJob = try await session.get("/api/jobs/\(pending)").json
            #expect(runningJob["status"] == "in_progress" && pendingJob["status"] == "pending")
            #expect(JSONShape(runningJob).differences(from: JSONShape(recorded["job_running", "response", "body"])).isEmpty)
            #expect(JSONShape(pendingJob).differences(from: JSONShape(recorded["job_pending", "response", "body"])).isEmpty)
            session.comfy.updateFaults { $0.hangingNodes = [] }
        }
    }
}
