import AtlasComfyUI
import AtlasCore
import AtlasTestSupport
import ComfyUIStandIn
import Foundation
import Testing
@testable import AtlasServer

@Suite("A tool runs over every frame of a sequence as one batch, and the frames come back as one sequence")
struct AISequenceRunTests {
    @Test("Five frames run as one batch and are filed as one sequence asset with the input's frame numbers and lineage; the same run again is answered whole from the cache",
          arguments: TestDatabase.available)
    func filesASequence(_ database: TestDatabase) async throws {
        try await withComfyUIApp(database) { t, comfy in
            let fx = try await AIToolFixture.make(t)
            let plate = try await fx.sequence(t, frames: 1001...1005)
            let submitted = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch", json: ["input": "image", "sequence": .string(plate)])
            #expect(submitted.status == .accepted, "\(submitted.text)")
            #expect(submitted.json["total"]?.int == 5)
            #expect(submitted.json["cached"]?.int == 0)
            let runs = submitted.json["runs"]?.array ?? []
            #expect(runs.map { $0["frame"]?.int } == [1001, 1002, 1003, 1004, 1005], "frames in order")
            #expect(runs.map { $0["input_files"]?["image"]?.string } == (1001...1005).map { "plate.\($0).png" })
            let sequenceRun = try #require(submitted.json["sequence_run"])
            #expect(sequenceRun["sequence_input"]?.string == "image")
            #expect(sequenceRun["inputs"]?["image"]?.string == plate)
            let sequenceID = try #require(sequenceRun["id"]?.string)
            #expect(runs.allSatisfy { $0["sequence_run_id"]?.string == sequenceID })
            let batchID = try #require(submitted.json["batch_id"]?.string)
            #expect(try await t.client.get("/api/v1/job-batches/\(batchID)").json["total"]?.int == 6, "five frames and the filing")

            let runner = t.aiRunner()
            runner.start()
            let done = try await t.waitForEnd(sequenceID)
            await runner.stop()
            #expect(done["status"]?.string == "succeeded", "\(done)")
            #expect(done["progress"] == .number(1))
            let results = done["results"]?.array ?? []
            try #require(results.count == 1, "one sequence for the tool's one output: \(done)")
            let assetID = try #require(results[0]["asset_id"]?.string)
            let asset = try await t.client.get("/api/v1/assets/\(assetID)").json
            #expect(asset["type"]?.string == "sequence")
            #expect(asset["project_id"]?.string == fx.project)
            let version = try await t.client.get("/api/v1/assets/\(assetID)/versions/1").json
            let files = version["files"]?.array.compactMap { $0["path"]?.string } ?? []
            #expect(files == (1001...1005).map { "plate_invert.\($0).png" }, "\(files)")
            #expect(Set(version["files"]?.array.compactMap { $0["sha256"]?.string } ?? []).count == 5, "each frame its own image")
            let ai = try #require(version["metadata"]?["ai"])
            #expect(ai["tool"]?.string == "invert")
            #expect(ai["frames"]?.string == "1001-1005")
            #expect(ai["frame_count"]?.int == 5)
            #expect(ai["inputs"]?["image"]?.string == plate)
            let edges = try await t.client.get("/api/v1/assets/\(assetID)/versions/1/dependencies").json
            #expect(edges["items"]?.array.contains { $0["target"]?["version_id"]?.string == plate && $0["kind"]?.string == "ai_input" } == true,
                    "\(edges)")
            for run in runs {
                let frame = try await t.client.get("/api/v1/ai-jobs/\(run["id"]?.string ?? "")/status").json
                #expect(frame["status"]?.string == "succeeded" && frame["results"] == done["results"], "\(frame)")
            }
            #expect(await comfy.receivedPrompts().count == 5, "one prompt per frame")
            let totals = try await t.client.get("/api/v1/job-batches/\(batchID)").json
            #expect(totals["status"]?.string == "succeeded" && totals["progress"] == .number(1), "\(totals)")

            let again = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch", json: ["input": "image", "sequence": .string(plate)])
            #expect(again.status == .ok, "\(again.text)")
            #expect(again.json["batch_id"] == .null)
            #expect(again.json["sequence_run"]?["cached"]?.bool == true)
            #expect(again.json["sequence_run"]?["results"] == done["results"])
            #expect(await comfy.receivedPrompts().count == 5)

            let rerun = try await t.client.send(.POST, "/api/v1/ai-jobs/\(sequenceID)/rerun", json: [:])
            #expect(rerun.status == .ok, "a re-run of the sequence run runs over every frame again, here from the cache: \(rerun.text)")
            #expect(rerun.json["sequence_input"]?.string == "image" && rerun.json["results"] == done["results"], "\(rerun.text)")
            let frameRerun = try await t.client.send(.POST, "/api/v1/ai-jobs/\(runs[2]["id"]?.string ?? "")/rerun", json: ["fresh": true])
            #expect(frameRerun.status == .accepted, "\(frameRerun.text)")
            #expect(frameRerun.json["input_files"]?["image"]?.string == "plate.1003.png", "a frame's re-run keeps its frame: \(frameRerun.text)")
        }
    }

    @Test("A cancelled frame fails the sequence, naming it, and files nothing; the batch again runs only that frame",
          arguments: TestDatabase.available)
    func redoesOnlyLostFrames(_ database: TestDatabase) async throws {
        try await withComfyUIApp(database) { t, comfy in
            let fx = try await AIToolFixture.make(t)
            let plate = try await fx.sequence(t, frames: 1...3)
            let body: JSONValue = ["input": "image", "sequence": .string(plate)]
            let first = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch", json: body)
            let sequenceID = try #require(first.json["sequence_run"]?["id"]?.string)
            let second = try #require(first.json["runs"]?[1]?["id"]?.string)
            let cancelled = try await t.client.send(.POST, "/api/v1/ai-jobs/\(second)/cancel")
            #expect(cancelled.json["status"]?.string == "cancelled", "\(cancelled.text)")

            let runner = t.aiRunner()
            runner.start()
            let failed = try await t.waitForEnd(sequenceID)
            #expect(failed["status"]?.string == "failed", "\(failed)")
            let message = failed["message"]?.string ?? ""
            #expect(message.contains("1 of 3 frames did not run (2)") && message.contains("cancelled"), "\(message)")
            #expect(failed["results"]?.array.isEmpty == true)
            let assets = try await t.client.get("/api/v1/assets?project_id=\(fx.project)").json["items"]?.array ?? []
            #expect(!assets.contains { $0["type"]?.string == "sequence" }, "nothing filed: \(assets)")
            #expect(await comfy.receivedPrompts().count == 2)

            let again = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch", json: body)
            #expect(again.status == .accepted, "\(again.text)")
            #expect(again.json["cached"]?.int == 2, "frames 1 and 3 come from the cache: \(again.text)")
            let redone = try await t.waitForEnd(again.json["sequence_run"]?["id"]?.string ?? "")
            await runner.stop()
            #expect(redone["status"]?.string == "succeeded", "\(redone)")
            #expect(await comfy.receivedPrompts().count == 3, "only frame 2 ran again")
            let assetID = redone["results"]?[0]?["asset_id"]?.string ?? ""
            let version = try await t.client.get("/api/v1/assets/\(assetID)/versions/1").json
            #expect(version["files"]?.array.compactMap { $0["path"]?.string } == ["plate_invert.1.png", "plate_invert.2.png", "plate_invert.3.png"],
                    "\(version)")
            #expect(version["metadata"]?["ai"]?["cached_frames"]?.int == 2)
        }
    }

    @Test("An OpenEXR plate runs on ComfyUI's LoadImage, which cannot open EXR: each frame goes as an 8-bit sRGB PNG and comes back as PNG frames",
          arguments: TestDatabase.available)
    func runsAnEXRPlate(_ database: TestDatabase) async throws {
        try await withComfyUIApp(database) { t, comfy in
            let fx = try await AIToolFixture.make(t)
            let plate = try await fx.sequence(t, frames: 1001...1002, format: "exr")
            let submitted = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch", json: ["input": "image", "sequence": .string(plate)])
            #expect(submitted.status == .accepted, "\(submitted.text)")
            let runner = t.aiRunner()
            runner.start()
            let done = try await t.waitForEnd(submitted.json["sequence_run"]?["id"]?.string ?? "")
            await runner.stop()
            #expect(done["status"]?.string == "succeeded", "\(done)")
            let version = try await t.client.get("/api/v1/assets/\(done["results"]?[0]?["asset_id"]?.string ?? "")/versions/1").json
            #expect(version["files"]?.array.compactMap { $0["path"]?.string } == ["plate_invert.1001.png", "plate_invert.1002.png"], "\(version)")
        }
    }

    @Test("A batch over a version without exactly one sequence, or with both versions and a sequence, is refused per field; cancelling a sequence run cancels its frames",
          arguments: TestDatabase.available)
    func refusesAndCancels(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let fx = try await AIToolFixture.make(t)
            let single = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch", json: ["input": "image", "sequence": .string(fx.versionID)])
            #expect(single.status == .badRequest)
            #expect(single.json["errors"]?.array.compactMap { $0["field"]?.string } == ["sequence"], "\(single.text)")
            let plate = try await fx.sequence(t, frames: 1001...1003)
            let both = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch",
                                               json: ["input": "image", "sequence": .string(plate), "versions": [.string(fx.versionID)]])
            #expect(both.json["errors"]?.array.compactMap { $0["field"]?.string } == ["sequence"], "\(both.text)")
            let neither = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch", json: ["input": "image"])
            #expect(neither.json["errors"]?.array.compactMap { $0["field"]?.string } == ["versions"], "\(neither.text)")
            #expect(try await t.client.get("/api/v1/jobs?kind=ai.run").json["items"]?.array.isEmpty == true, "nothing queued")

            let submitted = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch", json: ["input": "image", "sequence": .string(plate)])
            let sequenceID = try #require(submitted.json["sequence_run"]?["id"]?.string)
            let cancelled = try await t.client.send(.POST, "/api/v1/ai-jobs/\(sequenceID)/cancel")
            #expect(cancelled.json["status"]?.string == "cancelled", "\(cancelled.text)")
            let batch = try await t.client.get("/api/v1/job-batches/\(submitted.json["batch_id"]?.string ?? "")").json
            #expect(batch["status"]?.string == "cancelled" && batch["counts"]?["cancelled"]?.int == 4, "\(batch)")
        }
    }
}
