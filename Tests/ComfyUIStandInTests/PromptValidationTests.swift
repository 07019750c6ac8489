import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("POST /prompt validates as the recorded server did (05-errors)")
struct PromptValidationTests {
    /// Recorded requests whose 400 bodies the stand-in reproduces to the byte (tracebacks aside).
    static let rejected = ["bad_link_shape", "bad_value_type", "invalid_node_type", "link_to_missing_node", "load_image_missing_file",
                           "missing_class_type", "missing_linked_image_input", "missing_required_input", "no_output_node",
                           "no_prompt_key", "numeric_string_coerced_ok_but_too_big", "prompt_not_an_object", "return_type_mismatch",
                           "value_below_min", "value_not_in_list"]

    @Test("each recorded invalid prompt gets the recorded 400 body", arguments: rejected)
    func recordedRejection(_ name: String) async throws {
        let recording = Recording("05-errors/\(name)")
        try await withStandIn { session in
            let reply = try await session.post("/prompt", json: recording.requestBody)
            #expect(reply.status == 400)
            #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
            #expect(Self.withoutTracebacks(reply.json) == Self.withoutTracebacks(recording.responseBody))
        }
    }

    @Test("a prompt with one good and one bad output is queued: 200 with the bad one in node_errors, and only the good one runs")
    func partlyValid() async throws {
        let recording = Recording("05-errors/one_good_one_bad_output")
        try await withStandIn(StandInOptions(faults: StandInFaults(missingOutputs: .filesNotWritten))) { session in
            let reply = try await session.post("/prompt", json: recording.requestBody)
            #expect(reply.status == 200)
            #expect(reply.json["node_errors"] == recording.responseBody["node_errors"])
            let promptID = try #require(reply.json["prompt_id"]?.stringValue)
            let history = try await session.history(of: promptID)
            #expect(history["prompt"]?.arrayValue?.last == ["2"])
            #expect(history["outputs"]?.objectValue?.keys == ["2"])
        }
    }

    @Test("a rejected prompt is never queued and no frame follows the 400")
    func noFramesAfterRejection() async throws {
        try await withStandIn { session in
            let socket = try await session.connect()
            let reply = try await session.post("/prompt", json: Recording("05-errors/missing_required_input").requestBody)
            #expect(reply.status == 400)
            try await Task.sleep(for: .milliseconds(300))
            #expect(socket.frames.count == 1)
            let queue = try await session.get("/queue").json
            #expect(queue == ["queue_running": [], "queue_pending": []])
        }
    }

    @Test("validation stores converted values: the queued prompt holds 64, not \"64\"")
    func convertedValues() async throws {
        try await withStandIn(StandInOptions(faults: StandInFaults(missingOutputs: .filesNotWritten))) { session in
            var prompt = TestPrompts.invert().objectValue!
            var empty = prompt["1"]!.objectValue!, inputs = empty["inputs"]!.objectValue!
            inputs["width"] = "64"
            empty["inputs"] = .object(inputs)
            prompt["1"] = .object(empty)
            let promptID = try #require(try await session.submit(.object(prompt))["prompt_id"]?.stringValue)
            let stored = try await session.history(of: promptID)["prompt"]?.arrayValue?[2]
            #expect(stored?["1"]?["inputs"]?["width"] == 64)
        }
    }

    @Test("a file that is not an image passes upload and validation, then fails in LoadImage as PIL does")
    func runtimeError() async throws {
        try await withStandIn { session in
            _ = try await session.upload(MultipartForm().file("image", filename: "not_really.png", Data("this is not a png file\n".utf8)))
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let post = Recording("05-errors/runtime_error_post_prompt")
            let promptID = try #require(try await session.submit(post.requestBody["prompt"]!, clientID: clientID)["prompt_id"]?.stringValue)
            let frames = try await socket.waitForEnd(of: promptID)
            let recorded = Recording.textFrames(Recording("05-errors/runtime_error_ws_messages").json)
            #expect(FrameSummary.describe(frames) == FrameSummary.describe(recorded))
            let error = try #require(frames.first { $0["type"] == "execution_error" })
            #expect(JSONShape(error).differences(from: JSONShape(recorded.first { $0["type"] == "execution_error" }!)).isEmpty)
            #expect(error["data"]?["exception_type"] == "PIL.UnidentifiedImageError")
            #expect(error["data"]?["exception_message"]?.stringValue?.hasPrefix("cannot identify image file '") == true)
            let history = try await session.history(of: promptID)
            let recordedHistory = Recording("05-errors/runtime_error_history").responseBody.objectValue!.first { _ in true }!.value
            #expect(JSONShape(history).differences(from: JSONShape(recordedHistory)).isEmpty)
            #expect(history["status"]?["status_str"] == "error" && history["outputs"] == .object([:]))
            let job = try await session.get("/api/jobs/\(promptID)").json
            #expect(job["status"] == "failed")
            #expect(JSONShape(job).differences(from: JSONShape(Recording("05-errors/runtime_error_job").responseBody)).isEmpty)
        }
    }

    private static func withoutTracebacks(_ value: JSON) -> JSON {
        switch value {
        case .object(let object): .object(JSONObject(object.map { ($0.key, $0.key == "traceback" ? .null : withoutTracebacks($0.value)) }))
        case .array(let items): .array(items.map(withoutTracebacks))
        default: value
        }
    }
}
