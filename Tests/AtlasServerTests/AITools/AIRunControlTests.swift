import AtlasComfyUI
import AtlasCore
import AtlasTestSupport
import ComfyUIStandIn
import Foundation
import Testing
@testable import AtlasServer

@Suite("A run shows its progress, can be cancelled while it runs and run again with changed inputs")
struct AIRunControlTests {
    /// An invert node that takes `seconds` and reports `steps` progress frames meanwhile.
    private static func slowInvert(seconds: Int, steps: Int) -> StandInOptions {
        StandInOptions(faults: StandInFaults(slowNodes: ["ImageInvert": NodeTiming(duration: .seconds(seconds), progressSteps: steps)]))
    }

    @Test("ComfyUI's progress shows on the run's status and as job.progress events while it runs", arguments: TestDatabase.available)
    func showsProgress(_ database: TestDatabase) async throws {
        try await withStandIn(Self.slowInvert(seconds: 2, steps: 8)) { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let fx = try await AIToolFixture.make(t)
                let start = try await t.client.get("/api/v1/events").json["last_seq"]?.int ?? -1
                let queued = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": ["image": .string(fx.versionID)]])
                let runID = try #require(queued.json["id"]?.string)
                let runner = t.aiRunner()
                runner.start()
                let midway = try await t.waitForRun(runID) { ($0["progress"]?.double ?? 0) > 0 && ($0["progress"]?.double ?? 0) < 0.9 }
                #expect(midway["status"]?.string == "running", "\(midway)")
                #expect(midway["message"]?.string?.contains("node 2") == true, "the node ComfyUI runs: \(midway)")
                let done = try await t.waitForRun(runID) { $0["status"]?.string == "succeeded" }
                await runner.stop()
                #expect(done["progress"] == .number(1), "\(done)")

                let events = try await t.client.get("/api/v1/events?after=\(start)&topic=job:\(runID)").json["items"]?.array ?? []
                let fractions = events.filter { $0["type"]?.string == "job.progress" }.compactMap { $0["data"]?["progress"]?.double }
                #expect(fractions.contains { $0 > 0 && $0 < 0.9 }, "ComfyUI's steps reach the job events: \(fractions)")
                #expect(fractions == fractions.sorted(), "progress never goes back: \(fractions)")
                #expect(events.last?["type"]?.string == "job.succeeded")
            }
        }
    }

    @Test("Cancelling a running run interrupts it on its server; it ends cancelled and files nothing", arguments: TestDatabase.available)
    func cancelsARunningRun(_ database: TestDatabase) async throws {
        try await withStandIn(Self.slowInvert(seconds: 30, steps: 60)) { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let fx = try await AIToolFixture.make(t)
                let queued = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": ["image": .string(fx.versionID)]])
                let runID = try #require(queued.json["id"]?.string)
                let runner = t.aiRunner()
                runner.start()
                let running = try await t.waitForRun(runID) { ($0["progress"]?.double ?? 0) > 0 }
                #expect(running["status"]?.string == "running", "\(running)")

                let cancel = try await t.client.send(.POST, "/api/v1/ai-jobs/\(runID)/cancel")
                #expect(cancel.status == .ok, "\(cancel.text)")
                let ended = try await t.waitForRun(runID) { $0["status"]?.string == "cancelled" }
                await runner.stop()
                #expect(ended["status"]?.string == "cancelled", "\(ended)")
                #expect(ended["results"]?.array.isEmpty == true)
                let receipt = try #require(await comfy.receivedPrompts().first)
                #expect(receipt.finishedAt != nil, "the prompt was stopped on the server, not left to run 30 s")
                #expect(await comfy.queueRemaining() == 0)
                let assets = try await t.client.get("/api/v1/assets?project_id=\(fx.project)").json["items"]?.array ?? []
                #expect(assets.count == 1, "only the input: \(assets)")
            }
        }
    }

    @Test("A result is run again from its metadata with a changed input: a new run and new assets; unchanged, the cache answers",
          arguments: TestDatabase.available)
    func rerunsWithChangedInputs(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let fx = try await AIToolFixture.make(t)
                let runner = t.aiRunner()
                runner.start()
                let first = try await t.client.send(.POST, "/api/v1/ai-tools/blur/execute", json: ["inputs": ["image": .string(fx.versionID), "radius": 2]])
                let firstID = try #require(first.json["id"]?.string)
                let firstDone = try await t.waitForRun(firstID) { $0["status"]?.string == "succeeded" }
                let firstResult = try #require(firstDone["results"]?[0]?["asset_id"]?.string)
                let metadata = try await t.client.get("/api/v1/assets/\(firstResult)/versions/1").json["metadata"]?["ai"]
                let recorded = try #require(metadata?["run_id"]?.string)
                #expect(recorded == firstID)

                let same = try await t.client.send(.POST, "/api/v1/ai-jobs/\(recorded)/rerun", json: [:])
                #expect(same.status == .ok, "\(same.text)")
                #expect(same.json["cached"]?.bool == true)

                let changed = try await t.client.send(.POST, "/api/v1/ai-jobs/\(recorded)/rerun", json: ["inputs": ["radius": 5]])
                #expect(changed.status == .accepted, "\(changed.text)")
                let changedID = try #require(changed.json["id"]?.string)
                #expect(changedID != firstID)
                let changedDone = try await t.waitForRun(changedID) { $0["status"]?.string == "succeeded" }
                await runner.stop()
                #expect(changedDone["inputs"]?["radius"] == .number(5), "\(changedDone)")
                #expect(changedDone["inputs"]?["image"]?.string == fx.versionID)
                #expect(changedDone["inputs"]?["sigma"] == firstDone["inputs"]?["sigma"], "what was not changed is kept")
                #expect(changedDone["results"]?[0]?["asset_id"]?.string != firstResult)
                #expect(await comfy.receivedPrompts().count == 2)

                let refused = try await t.client.send(.POST, "/api/v1/ai-jobs/\(recorded)/rerun", json: ["inputs": ["radius": 99]])
                #expect(refused.status == .badRequest && refused.problemCode == "validation_failed", "\(refused.text)")
            }
        }
    }
}
