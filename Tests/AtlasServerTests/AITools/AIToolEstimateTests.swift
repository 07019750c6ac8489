import AtlasComfyUI
import AtlasCore
import AtlasTestSupport
import ComfyUIStandIn
import Foundation
import Testing
@testable import AtlasServer

@Suite("A tool's estimate tells its expected run time by input size")
struct AIToolEstimateTests {
    @Test("A run records the pixels of its inspected image input (none for an image not inspected yet), and its class shows in by_size",
          arguments: TestDatabase.available)
    func recordsInputPixels(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let fx = try await AIToolFixture.make(t)
                try await inspect(t, asset: fx.assetID)
                let uninspected = try await fx.anotherImage(t, name: "later", colour: "0.9,0.1,0.1") // its inspection stays queued

                let sized = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": ["image": .string(fx.versionID)]])
                let unsized = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": ["image": .string(uninspected)]])
                let sizedID = try #require(sized.json["id"]?.string.flatMap(UUID.init(uuidString:)), "\(sized.text)")
                let unsizedID = try #require(unsized.json["id"]?.string.flatMap(UUID.init(uuidString:)), "\(unsized.text)")
                #expect(try await AIRunRepository.fetch(sizedID, on: t.app.atlasDatabase.sql).inputPixels == 32 * 24)
                #expect(try await AIRunRepository.fetch(unsizedID, on: t.app.atlasDatabase.sql).inputPixels == nil)

                let runner = t.aiRunner()
                runner.start()
                let done = try await t.waitForRun(sizedID.lowercased) { $0["status"]?.string == "succeeded" }
                _ = try await t.waitForRun(unsizedID.lowercased) { $0["status"]?.string == "succeeded" }
                await runner.stop()
                #expect(done["status"]?.string == "succeeded", "\(done)")

                let estimate = try await t.client.get("/api/v1/ai-tools/invert").json["estimate"]
                #expect(estimate?["basis"]?.string == "all_runs", "\(String(describing: estimate))")
                #expect(estimate?["runs"]?.int == 2)
                let classes = estimate?["by_size"]?.array ?? []
                #expect(classes.count == 1, "the run of unknown size is in no class: \(classes)")
                #expect(classes.first?["max_pixels"]?.int == 1 << 18)
                #expect(classes.first?["runs"]?.int == 1)
            }
        }
    }

    @Test("Small and large inputs get their own class's median; a class with too few runs falls back to all runs and says so",
          arguments: TestDatabase.available)
    func mediansBySizeClass(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                // Durations written as a fixture: the medians must not hang on how fast this machine runs.
                try await recordRuns(t, tool: "invert", [(800 * 600, 1000), (1024 * 1024, 1200), (700 * 500, 800),
                                                         (1920 * 1080, 9000), (2048 * 2048, 11000), (1998 * 1080, 8000),
                                                         (8192 * 4096, 40000), (nil, 5000)])
                func estimate(_ query: String) async throws -> JSONValue? {
                    let response = try await t.client.get("/api/v1/ai-tools/invert\(query)")
                    #expect(response.status == .ok, "\(response.text)")
                    return response.json["estimate"]
                }

                let small = try await estimate("?input_pixels=\(1024 * 768)")
                #expect(small?["basis"]?.string == "size_class")
                #expect(small?["runs"]?.int == 3)
                #expect(small?["median_run_seconds"] == .number(1.0))
                #expect(small?["by_size"] == nil)

                let large = try await estimate("?input_pixels=\(1920 * 1080)")
                #expect(large?["basis"]?.string == "size_class")
                #expect(large?["median_run_seconds"] == .number(9.0))

                let huge = try await estimate("?input_pixels=\(8192 * 8192)")
                #expect(huge?["basis"]?.string == "all_runs", "one run of that class is too few")
                #expect(huge?["runs"]?.int == 8)
                #expect(huge?["median_run_seconds"] == .number(8.0))

                let overall = try await estimate("")
                #expect(overall?["basis"]?.string == "all_runs")
                #expect(overall?["median_run_seconds"] == .number(8.0))
                let classes = overall?["by_size"]?.array ?? []
                #expect(classes.map { $0["max_pixels"] ?? .null } == [.number(Double(1 << 20)), .number(Double(1 << 22)), .null])
                #expect(classes.map { $0["median_run_seconds"] ?? .null } == [1.0, 9.0, 40.0])
                #expect(classes.map { $0["runs"]?.int } == [3, 3, 1])

                let none = try await t.client.get("/api/v1/ai-tools/blur?input_pixels=1000").json["estimate"]
                #expect(none?["basis"]?.string == "none")
                #expect(none?["runs"]?.int == 0)
                #expect(none?["median_run_seconds"] == .null)

                #expect(try await t.client.get("/api/v1/ai-tools/invert?input_pixels=0").status == .badRequest)
                #expect(try await t.client.get("/api/v1/ai-tools/invert?input_pixels=big").status == .badRequest)
                #expect(try await t.client.get("/api/v1/ai-tools/invert?pixels=5").status == .badRequest)
            }
        }
    }

    /// Runs the inspection of the asset's first version and waits for it.
    private func inspect(_ t: AtlasTestApp, asset: String) async throws {
        let runner = t.runner([VersionInspectionJob(blobs: t.app.atlas.blobs)])
        runner.start()
        let deadline = ContinuousClock.now + .seconds(20)
        while try await t.client.get("/api/v1/assets/\(asset)/versions/1/inspection").json["status"]?.string != "done",
              ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        await runner.stop()
    }

    /// Finished, non-cached runs of `tool` with these input sizes and durations, one second apart.
    private func recordRuns(_ t: AtlasTestApp, tool name: String, _ runs: [(pixels: Int?, milliseconds: Int)]) async throws {
        let tool = try await AIToolRepository.fetch(name, on: t.app.atlasDatabase.sql).current
        let start = Date()
        try await t.app.atlasDatabase.write { sql in
            for (index, run) in runs.enumerated() {
                let at = start.addingTimeInterval(Double(index))
                try await AIRunRepository.insert(AIRun(
                    id: AtlasID.make(at: at), toolVersionID: tool.id, jobID: nil, projectID: nil, cacheKey: "estimate-\(index)", cached: false,
                    arguments: AIToolArguments(values: [:], images: [:]), results: [], server: "fixture", durationMilliseconds: run.milliseconds,
                    createdAt: at, createdBy: nil, finishedAt: at, inputPixels: run.pixels), on: sql)
            }
        }
    }
}
