import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("POST /interrupt stops prompts as recorded (06-interrupt)")
struct InterruptTests {
    @Test("a global interrupt lets the running node finish and stops the next one")
    func betweenNodes() async throws {
        let held = StandInFaults(hangingNodes: ["11"], missingOutputs: .filesNotWritten)
        try await withStandIn(StandInOptions(faults: held)) { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let promptID = try await session.submit(TestPrompts.chain(blurs: 5), clientID: clientID)["prompt_id"]!.stringValue!
            try await socket.waitFor { $0["type"] == "executing" && $0["data"]?["node"] == "11" }
            let interrupt = try await session.post("/interrupt", text: nil, contentType: nil)
            #expect(interrupt.status == 200 && interrupt.body.isEmpty)
            session.comfy.updateFaults { $0.hangingNodes = [] }
            let frames = FrameSummary.describe(try await socket.waitForEnd(of: promptID))
            let recorded = FrameSummary.describe(Recording.textFrames(Recording("06-interrupt/between_nodes_ws_messages").json))
            #expect(frames == recorded)
            let history = try await session.history(of: promptID)
            let recordedHistory = Recording("06-interrupt/between_nodes_history").responseBody.objectValue!.first { _ in true }!.value
            #expect(JSONShape(history).differences(from: JSONShape(recordedHistory)).isEmpty)
            #expect(history["status"]?["status_str"] == "error" && history["status"]?["completed"] == false)
            #expect(history["status"]?["messages"]?.arrayValue?.last?.arrayValue?.first == "execution_interrupted")
            let job = try await session.get("/api/jobs/\(promptID)").json
            #expect(job["status"] == "cancelled")
            #expect(JSONShape(job).differences(from: JSONShape(Recording("06-interrupt/between_nodes_job").responseBody)).isEmpty)
        }
    }

    @Test("a targeted interrupt stops its own prompt at the next progress step and leaves others alone")
    func targeted() async throws {
        let steps = StandInFaults(slowNodes: ["SaveImageWebsocket": NodeTiming(duration: .seconds(4), progressSteps: 40)])
        try await withStandIn(StandInOptions(faults: steps)) { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let prompt: JSON = ["1": ["class_type": "EmptyImage", "inputs": ["width": 8, "height": 8, "batch_size": 2, "color": 0]],
                                "2": ["class_type": "SaveImageWebsocket", "inputs": ["images": ["1", 0]]]]
            let promptID = try await session.submit(prompt, clientID: clientID)["prompt_id"]!.stringValue!
            try await socket.waitFor { $0["type"] == "progress" }
            let other = try await session.post("/interrupt", json: ["prompt_id": .string(UUID().uuidString.lowercased())])
            #expect(other.status == 200 && other.body.isEmpty)
            try await socket.waitFor { $0["type"] == "progress" && $0["data"]?["value"] == 3 }
            #expect(!socket.texts.contains { $0["type"] == "execution_interrupted" })
            _ = try await session.post("/interrupt", json: ["prompt_id": .string(promptID)])
            let frames = try await socket.waitForEnd(of: promptID)
            let stop = try #require(frames.first { $0["type"] == "execution_interrupted" })
            #expect(stop["data"]?["node_id"] == "2" && stop["data"]?["executed"] == ["1"])
            #expect(frames.filter { $0["type"] == "progress" }.count < 40)
        }
    }

    @Test("an interrupt while idle answers 200 and does not touch the next prompt")
    func idle() async throws {
        try await withStandIn(StandInOptions(faults: StandInFaults(missingOutputs: .filesNotWritten))) { session in
            let reply = try await session.post("/interrupt", json: [:])
            #expect(reply.status == 200 && reply.body.isEmpty)
            let malformed = try await session.post("/interrupt", text: "nope")
            #expect(malformed.status == 200)
            let promptID = try await session.submit(TestPrompts.invert())["prompt_id"]!.stringValue!
            #expect(try await session.history(of: promptID)["status"]?["status_str"] == "success")
        }
    }
}
