import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("POST /prompt options behave as recorded (12-prompt-options)")
struct PromptOptionsTests {
    @Test("a client-chosen prompt_id is echoed and used in history; extra_data is kept, its secrets are not; reuse is accepted")
    func clientPromptID() async throws {
        try await withStandIn(StandInOptions(faults: StandInFaults(missingOutputs: .filesNotWritten))) { session in
            let recording = Recording("12-prompt-options/client_prompt_id_and_extra_data")
            let reply = try await session.post("/prompt", json: recording.requestBody)
            #expect(reply.json["prompt_id"] == "atlas-job-000042" && reply.json["node_errors"] == .object([:]))
            let history = try await session.history(of: "atlas-job-000042")
            let recorded = Recording("12-prompt-options/client_prompt_id_history").responseBody["atlas-job-000042"]!
            #expect(JSONShape(history).differences(from: JSONShape(recorded)).isEmpty)
            let extraData = try #require(history["prompt"]?.arrayValue?[3].objectValue)
            #expect(extraData.keys == ["extra_pnginfo", "client_id", "create_time"])
            #expect(extraData["extra_pnginfo"] == ["atlas": ["job": 42]])
            let again = try await session.post("/prompt", json: recording.requestBody)
            #expect(again.status == 200 && again.json["prompt_id"] == "atlas-job-000042")
            try await session.waitUntilIdle()
            let entries = try await session.get("/history").json.objectValue?.keys
            #expect(entries == ["atlas-job-000042"])
        }
    }

    @Test("the PNG a SaveImage writes carries the prompt and the extra_pnginfo keys as text chunks")
    func pngText() async throws {
        try await withStandIn { session in
            let body: JSON = ["prompt": TestPrompts.invert(prefix: "atlas/png/meta"), "extra_data": ["extra_pnginfo": ["atlas": ["job": 42]]]]
            let promptID = try await session.post("/prompt", json: body).json["prompt_id"]!.stringValue!
            _ = try await session.history(of: promptID)
            let png = try Data(contentsOf: session.comfy.folders.output.appendingPathComponent("atlas/png/meta_00001_.png"))
            let text = String(decoding: png, as: UTF8.self)
            #expect(text.contains("tEXtprompt\u{0}{\"1\": {\"class_type\": \"EmptyImage\""))
            #expect(text.contains("tEXtatlas\u{0}{\"job\": 42}"))
        }
    }

    @Test("partial_execution_targets runs only the named outputs")
    func partialTargets() async throws {
        try await withStandIn(StandInOptions(faults: StandInFaults(missingOutputs: .filesNotWritten))) { session in
            let prompt: JSON = ["1": ["class_type": "EmptyImage", "inputs": ["width": 8, "height": 8, "batch_size": 1, "color": 212]],
                                "2": ["class_type": "SaveImage", "inputs": ["images": ["1", 0], "filename_prefix": "atlas/opts/target_a"]],
                                "3": ["class_type": "SaveImage", "inputs": ["images": ["1", 0], "filename_prefix": "atlas/opts/target_b"]]]
            let promptID = try await session.post("/prompt", json: ["prompt": prompt, "partial_execution_targets": ["3"]]).json["prompt_id"]!.stringValue!
            let history = try await session.history(of: promptID)
            #expect(history["prompt"]?.arrayValue?.last == ["3"])
            #expect(history["outputs"]?.objectValue?.keys == ["3"])
        }
    }
}
