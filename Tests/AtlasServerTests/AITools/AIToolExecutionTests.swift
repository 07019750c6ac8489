import AtlasComfyUI
import AtlasCore
import AtlasTestSupport
import ComfyUIStandIn
import Foundation
import Testing
@testable import AtlasServer

@Suite("AI tools run on the ComfyUI pool and file their results as assets with lineage")
struct AIToolExecutionTests {
    @Test("The built-in invert on an uploaded PNG: a queued run, progress, then a new asset with the tool's metadata and an edge to its input",
          arguments: TestDatabase.available)
    func invertsAnUploadedImage(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let fx = try await AIToolFixture.make(t)
                let queued = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": ["image": .string(fx.versionID)]])
                #expect(queued.status == .accepted, "\(queued.text)")
                let runID = try #require(queued.json["id"]?.string)
                #expect(queued.json["status"]?.string == "queued")

                let runner = t.aiRunner()
                runner.start()
                let done = try await t.waitForRun(runID) { $0["status"]?.string == "succeeded" }
                await runner.stop()

                #expect(done["status"]?.string == "succeeded", "\(done)")
                #expect(done["progress"] == .number(1))
                #expect(done["server"]?.string == comfy.url.absoluteString)
                let result = try #require(done["results"]?[0])
                let assetID = try #require(result["asset_id"]?.string)
                #expect(assetID == assetID.lowercased(), "ids are lowercase in every answer")
                let version = try await t.client.get("/api/v1/assets/\(assetID)/versions/1").json
                let ai = try #require(version["metadata"]?["ai"])
                #expect(ai["tool"]?.string == "invert")
                #expect(ai["tool_version"]?.int == 1)
                #expect(ai["inputs"]?["image"]?.string == fx.versionID)
                #expect(ai["comfyui_server"]?.string == comfy.url.absoluteString)
                let asset = try await t.client.get("/api/v1/assets/\(assetID)").json
                #expect(asset["project_id"]?.string == fx.project)
                let edges = try await t.client.get("/api/v1/assets/\(assetID)/versions/1/dependencies").json
                #expect(edges["items"]?.array.contains { $0["target"]?["version_id"]?.string == fx.versionID && $0["kind"]?.string == "ai_input" } == true,
                        "\(edges)")
                #expect(await comfy.receivedPrompts().count == 1)
            }
        }
    }

    @Test("The same inputs again are answered from the cache (200, no prompt reaches ComfyUI); fresh runs again",
          arguments: TestDatabase.available)
    func cachesResults(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let fx = try await AIToolFixture.make(t)
                let body: JSONValue = ["inputs": ["image": .string(fx.versionID), "radius": 2]]
                let runner = t.aiRunner()
                runner.start()
                let first = try await t.client.send(.POST, "/api/v1/ai-tools/blur/execute", json: body)
                let firstID = try #require(first.json["id"]?.string)
                let done = try await t.waitForRun(firstID) { $0["status"]?.string == "succeeded" }
                #expect(done["status"]?.string == "succeeded", "\(done)")

                let again = try await t.client.send(.POST, "/api/v1/ai-tools/blur/execute", json: body)
                #expect(again.status == .ok, "\(again.text)")
                #expect(again.json["cached"]?.bool == true)
                #expect(again.json["results"] == done["results"])
                #expect(await comfy.receivedPrompts().count == 1)

                let fresh = try await t.client.send(.POST, "/api/v1/ai-tools/blur/execute",
                                                    json: ["inputs": ["image": .string(fx.versionID), "radius": 2], "fresh": true])
                #expect(fresh.status == .accepted)
                let freshDone = try await t.waitForRun(try #require(fresh.json["id"]?.string)) { $0["status"]?.string == "succeeded" }
                await runner.stop()
                #expect(freshDone["cached"]?.bool == false)
                #expect(await comfy.receivedPrompts().count == 2)
            }
        }
    }

    @Test("An execute retried with the same Idempotency-Key gets the first run back and queues nothing more",
          arguments: TestDatabase.available)
    func retriesAreIdempotent(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let fx = try await AIToolFixture.make(t)
            let body: JSONValue = ["inputs": ["image": .string(fx.versionID)]]
            let first = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: body, headers: ["Idempotency-Key": "run-1"])
            let retry = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: body, headers: ["Idempotency-Key": "run-1"])
            #expect(first.status == .accepted && retry.status == .accepted, "\(retry.text)")
            #expect(retry.json["id"] == first.json["id"])
            #expect(retry.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try await t.client.get("/api/v1/jobs?kind=ai.run").json["items"]?.array.count == 1)
            let other = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": ["image": .string(fx.versionID)], "fresh": true],
                                                headers: ["Idempotency-Key": "run-1"])
            #expect(other.status == .unprocessableEntity && other.problemCode == "idempotency_key_reused", "\(other.text)")
        }
    }

    @Test("Bad inputs are refused per field before anything is queued", arguments: TestDatabase.available)
    func refusesBadInputs(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let fx = try await AIToolFixture.make(t)
            let response = try await t.client.send(.POST, "/api/v1/ai-tools/blur/execute",
                                                   json: ["inputs": ["image": .string(fx.versionID), "radius": 99, "colour": "red"]])
            #expect(response.status == .badRequest, "\(response.text)")
            let fields = response.json["errors"]?.array.compactMap { $0["field"]?.string } ?? []
            #expect(fields.contains("inputs.radius"))
            #expect(fields.contains("inputs.colour"))
            let codes = Dictionary(uniqueKeysWithValues: response.json["errors"]?.array.compactMap { error in
                error["field"]?.string.map { ($0, error["code"]?.string) } } ?? [])
            #expect(codes["inputs.radius"] == "out_of_range" && codes["inputs.colour"] == "unknown_input", "each field error has a stable code: \(codes)")
            let missing = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": [:]])
            #expect(missing.json["errors"]?.array.compactMap { $0["field"]?.string } == ["inputs.image"])
            #expect(missing.json["errors"]?[0]?["code"]?.string == "required")
        }
    }

    @Test("With every server down the run waits queued with the reason, then runs when a server comes back",
          arguments: TestDatabase.available)
    func waitsForAServer(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            await comfy.goDown()
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let fx = try await AIToolFixture.make(t)
                let queued = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": ["image": .string(fx.versionID)]])
                let runID = try #require(queued.json["id"]?.string)
                let runner = t.aiRunner()
                runner.start()
                let waiting = try await t.waitForRun(runID) { $0["message"]?.string?.contains("waiting for a ComfyUI server") == true }
                #expect(waiting["status"]?.string == "queued", "\(waiting)")
                #expect(waiting["message"]?.string?.contains(comfy.url.absoluteString) == true)
                // Read while queued: a claim counts a try until the deferral gives it back.
                let job = try await t.waitFor(try #require(UUID(uuidString: runID))) { $0.status == .queued && $0.error != nil }
                #expect(job.attempts == 0, "waiting uses no try")

                try await comfy.comeBack()
                let done = try await t.waitForRun(runID) { $0["status"]?.string == "succeeded" }
                await runner.stop()
                #expect(done["status"]?.string == "succeeded", "\(done)")
            }
        }
    }

    @Test("A server that is down is passed over for another one", arguments: TestDatabase.available)
    func usesTheServerThatIsUp(_ database: TestDatabase) async throws {
        try await withStandIn { down in
            try await withStandIn { up in
                await down.goDown()
                try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [down.url, up.url] }) { t in
                    let fx = try await AIToolFixture.make(t)
                    let queued = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": ["image": .string(fx.versionID)]])
                    let runner = t.aiRunner()
                    runner.start()
                    let done = try await t.waitForRun(try #require(queued.json["id"]?.string)) { $0["status"]?.string == "succeeded" }
                    await runner.stop()
                    #expect(done["server"]?.string == up.url.absoluteString, "\(done)")
                }
            }
        }
    }

    @Test("A Client may not run tools; an Artist only on images of projects they belong to", arguments: TestDatabase.available)
    func permissions(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let fx = try await AIToolFixture.make(t)
            let client = try await t.makeAccount("viewer", role: .client, memberOf: [fx.project])
            let outsider = try await t.makeAccount("outsider", role: .artist, memberOf: [])
            let member = try await t.makeAccount("member", role: .artist, memberOf: [fx.project])
            let body: JSONValue = ["inputs": ["image": .string(fx.versionID)]]
            #expect(try await client.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: body).status == .forbidden)
            #expect(try await outsider.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: body).status == .notFound)
            #expect(try await member.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: body).status == .accepted)
        }
    }
}
