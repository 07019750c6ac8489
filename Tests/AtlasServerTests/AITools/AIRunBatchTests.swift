import AtlasComfyUI
import AtlasCore
import AtlasTestSupport
import ComfyUIStandIn
import Foundation
import Testing
@testable import AtlasServer

@Suite("A tool runs over many image versions as one job batch with aggregate progress")
struct AIRunBatchTests {
    @Test("Three versions, one already cached: a batch of the two others, their progress summed, a result asset per version",
          arguments: TestDatabase.available)
    func runsABatch(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let fx = try await AIToolFixture.make(t)
                let second = try await fx.anotherImage(t, name: "plate-b", colour: "0.9,0.1,0.1")
                let third = try await fx.anotherImage(t, name: "plate-c", colour: "0.1,0.9,0.1")
                let runner = t.aiRunner()
                runner.start()
                let earlier = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": ["image": .string(fx.versionID)]])
                _ = try await t.waitForRun(try #require(earlier.json["id"]?.string)) { $0["status"]?.string == "succeeded" }

                let batch = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch",
                                                    json: ["input": "image", "versions": [.string(fx.versionID), .string(second), .string(third)]])
                #expect(batch.status == .accepted, "\(batch.text)")
                #expect(batch.json["total"]?.int == 3)
                #expect(batch.json["cached"]?.int == 1)
                #expect(batch.json["runs"]?.array.map { $0["inputs"]?["image"]?.string } == [fx.versionID, second, third], "in the order asked")
                let batchID = try #require(batch.json["batch_id"]?.string)
                var totals = try await t.client.get("/api/v1/job-batches/\(batchID)").json
                #expect(totals["total"]?.int == 2, "the cached run takes no place in the batch: \(totals)")
                let deadline = ContinuousClock.now + .seconds(20)
                while totals["status"]?.string != "succeeded", ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                    totals = try await t.client.get("/api/v1/job-batches/\(batchID)").json
                }
                await runner.stop()
                #expect(totals["status"]?.string == "succeeded", "\(totals)")
                #expect(totals["progress"] == .number(1))
                for run in batch.json["runs"]?.array ?? [] {
                    let done = try await t.client.get("/api/v1/ai-jobs/\(run["id"]?.string ?? "")/status").json
                    #expect(done["status"]?.string == "succeeded" && done["results"]?.array.count == 1, "\(done)")
                }
                #expect(await comfy.receivedPrompts().count == 3, "one for the earlier run, one per uncached version")
            }
        }
    }

    @Test("A batch names an image input and 1 to 500 versions; a bad one is refused per field and nothing is queued",
          arguments: TestDatabase.available)
    func refusesBadBatches(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let fx = try await AIToolFixture.make(t)
            let wrong = try await t.client.send(.POST, "/api/v1/ai-tools/blur/batch",
                                                json: ["input": "radius", "versions": [], "inputs": ["radius": 2]])
            #expect(wrong.status == .badRequest, "\(wrong.text)")
            #expect(Set(wrong.json["errors"]?.array.compactMap { $0["field"]?.string } ?? []) == ["input", "versions", "inputs.radius"])
            let badValue = try await t.client.send(.POST, "/api/v1/ai-tools/blur/batch",
                                                   json: ["input": "image", "versions": [.string(fx.versionID)], "inputs": ["radius": 99]])
            #expect(badValue.json["errors"]?.array.compactMap { $0["field"]?.string } == ["inputs.radius"], "\(badValue.text)")
            #expect(try await t.client.get("/api/v1/jobs?kind=ai.run").json["items"]?.array.isEmpty == true)
        }
    }
}
