import AtlasComfyUI
import AtlasCore
import AtlasTestSupport
import ComfyUIStandIn
import Foundation
import Testing
@testable import AtlasServer

@Suite("A run survives a server that fails mid-run and reports ComfyUI's refusals in the tool's own input names")
struct AIRunFaultTests {
    @Test("A server that goes down mid-run is marked down and the run is done on another one", arguments: TestDatabase.available)
    func retriesOnAnotherServer(_ database: TestDatabase) async throws {
        let slow = StandInOptions(faults: StandInFaults(slowNodes: ["ImageInvert": NodeTiming(duration: .seconds(3), progressSteps: 12)]))
        try await withStandIn(slow) { first in
            try await withStandIn(slow) { second in
                try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [first.url, second.url] }) { t in
                    let fx = try await AIToolFixture.make(t)
                    let queued = try await t.client.send(.POST, "/api/v1/ai-tools/invert/execute", json: ["inputs": ["image": .string(fx.versionID)]])
                    let runID = try #require(queued.json["id"]?.string)
                    let runner = t.aiRunner()
                    runner.start()
                    _ = try await t.waitForRun(runID) { ($0["progress"]?.double ?? 0) > 0 }
                    let failing = await first.receivedPrompts().isEmpty ? second : first
                    let other = failing === first ? second : first
                    await failing.goDown()

                    let done = try await t.waitForRun(runID) { $0["status"]?.string == "succeeded" }
                    await runner.stop()
                    #expect(done["status"]?.string == "succeeded", "\(done)")
                    #expect(done["server"]?.string == other.url.absoluteString, "\(done)")
                    #expect(await other.receivedPrompts().map(\.promptID) == ["\(runID)-1"], "the same try, on the other server")
                    let job = try await t.job(try #require(UUID(uuidString: runID)))
                    #expect(job.attempts == 1, "a failed server costs the run no try")
                    let servers = try await t.client.get("/api/v1/comfyui-servers").json["items"]?.array ?? []
                    let marked = servers.first { $0["url"]?.string == failing.url.absoluteString }
                    #expect(marked?["health"]?.string == "down", "\(servers)")
                    #expect(done["results"]?.array.count == 1)
                }
            }
        }
    }

    @Test("ComfyUI's node_errors for a value the manifest did not bound come back at the tool's input name", arguments: TestDatabase.available)
    func mapsNodeErrorsToInputNames(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let fx = try await AIToolFixture.make(t)
                let registered = try await t.client.send(.POST, "/api/v1/ai-tools", json: Self.unboundedBlur)
                #expect(registered.status == .created, "\(registered.text)")
                let queued = try await t.client.send(.POST, "/api/v1/ai-tools/loose-blur/execute",
                                                     json: ["inputs": ["image": .string(fx.versionID), "radius": 99]])
                #expect(queued.status == .accepted, "Atlas knows no bound for radius: \(queued.text)")
                let runID = try #require(queued.json["id"]?.string)
                let runner = t.aiRunner()
                runner.start()
                let failed = try await t.waitForRun(runID) { $0["status"]?.string == "failed" }
                await runner.stop()
                #expect(failed["status"]?.string == "failed", "\(failed)")
                let message = failed["message"]?.string ?? ""
                #expect(message.contains("inputs.radius"), "\(message)")
                #expect(message.contains("value_bigger_than_max"), "\(message)")
                #expect(message.hasPrefix("inputs.radius: ComfyUI refused it"), "reported at the tool input, not at node 2: \(message)")
                let job = try await t.job(try #require(UUID(uuidString: runID)))
                #expect(job.attempts == 1, "a refused prompt is not tried again")
            }
        }
    }

    /// A blur whose manifest gives its radius no bounds, so only ComfyUI's own check refuses 99.
    private static let unboundedBlur: JSONValue = [
        "manifest": [
            "name": "loose-blur", "title": "Loose blur", "category": "filter",
            "inputs": [
                ["name": "image", "type": "image", "node": "1", "field": "image"],
                ["name": "radius", "type": "int", "node": "2", "field": "blur_radius", "default": 2],
            ],
            "outputs": [["name": "result", "node": "3", "type": "image"]],
        ],
        "workflow": [
            "1": ["class_type": "LoadImage", "inputs": ["image": "example.png"]],
            "2": ["class_type": "ImageBlur", "inputs": ["image": ["1", 0], "blur_radius": 2, "sigma": 1.0]],
            "3": ["class_type": "SaveImage", "inputs": ["images": ["2", 0], "filename_prefix": "x"]],
        ],
    ]
}
