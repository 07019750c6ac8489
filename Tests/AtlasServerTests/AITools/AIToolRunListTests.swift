import AtlasComfyUI
import AtlasCore
import AtlasTestSupport
import ComfyUIStandIn
import Foundation
import Testing
@testable import AtlasServer

@Suite("A tool's runs are listed newest first for those who may see them, cached runs included and frames under their sequence run")
struct AIToolRunListTests {
    @Test("Runs of every version newest first, a cached run listed too; a sequence run stands for its frames, listed on request; an outsider sees none",
          arguments: TestDatabase.available)
    func listsRuns(_ database: TestDatabase) async throws {
        try await withComfyUIApp(database) { t, comfy in
            let fx = try await AIToolFixture.make(t)
            let runner = t.aiRunner()
            runner.start()
            let body: JSONValue = ["inputs": ["image": .string(fx.versionID)]]
            let first = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: body)
            let firstID = try #require(first.json["id"]?.string)
            _ = try await t.waitForEnd(firstID)
            await runner.stop()
            let cached = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: body)
            #expect(cached.json["cached"]?.bool == true, "\(cached.text)")
            let plate = try await fx.sequence(t, frames: 1...3)
            let sequence = try await t.client.send(.POST, "/api/v1/ai-tools/invert/batch", json: ["input": "image", "sequence": .string(plate)])
            let sequenceID = try #require(sequence.json["sequence_run"]?["id"]?.string)
            _ = try await t.client.send(.POST, "/api/v1/ai-tools/blur/execute", json: body)

            let listed = try await t.client.get("/api/v1/ai-tools/invert/runs").json["items"]?.array ?? []
            #expect(listed.compactMap { $0["id"]?.string } == [sequenceID, cached.json["id"]?.string, firstID].compactMap { $0 },
                    "newest first, blur's run and the frames left out: \(listed)")
            #expect(listed.first?["sequence_input"]?.string == "image")
            #expect(listed.dropFirst().first?["cached"]?.bool == true)

            let frames = try await t.client.get("/api/v1/ai-tools/invert/runs?sequence_run_id=\(sequenceID)").json["items"]?.array ?? []
            #expect(Set(frames.compactMap { $0["frame"]?.int }) == [1, 2, 3], "\(frames)")
            let paged = try await t.client.get("/api/v1/ai-tools/invert/runs?limit=2").json
            #expect(paged["items"]?.array.count == 2 && paged["next_cursor"]?.string != nil, "\(paged)")
            let rest = try await t.client.get("/api/v1/ai-tools/invert/runs?limit=2&cursor=\(paged["next_cursor"]?.string ?? "")").json
            #expect(rest["items"]?.array.compactMap { $0["id"]?.string } == [firstID], "\(rest)")

            let outsider = try await t.makeAccount("outsider", role: .artist, memberOf: [])
            #expect(try await outsider.client.get("/api/v1/ai-tools/invert/runs").json["items"]?.array.isEmpty == true)
            let member = try await t.makeAccount("member", role: .artist, memberOf: [fx.project])
            #expect(try await member.client.get("/api/v1/ai-tools/invert/runs").json["items"]?.array.count == 3)
            #expect(try await t.client.get("/api/v1/ai-tools/invert/runs?sequence_run_id=nope").problemCode == "validation_failed")
        }
    }
}
