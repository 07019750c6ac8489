import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("The classic cache keeps the last prompt's nodes (08-cache)")
struct CacheTests {
    @Test("an identical resubmit runs nothing: every node is cached and the old file name is sent again")
    func identicalResubmit() async throws {
        try await withStandIn { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let prompt = Recording("08-cache/1_first_run")["post_prompt", "request", "body", "prompt"]
            let first = try await session.submit(prompt, clientID: clientID)["prompt_id"]!.stringValue!
            try await socket.waitForEnd(of: first)
            let before = socket.texts.count
            let second = try await session.submit(prompt, clientID: clientID)["prompt_id"]!.stringValue!
            let frames = Array(try await socket.waitForEnd(of: second).dropFirst(before))
            // The recording's first frame is its connection's status.
            let recorded = Recording.textFrames(Recording("08-cache/2_identical_resubmit")["ws_messages"]).dropFirst()
            #expect(FrameSummary.describe(frames) == FrameSummary.describe(Array(recorded)))
            #expect(try await session.history(of: second)["outputs"] == ["3": ["images": [["filename": "x_00001_.png", "subfolder": "atlas/cache", "type": "output"]]]])
            let written = try FileManager.default.contentsOfDirectory(atPath: session.comfy.folders.output.appendingPathComponent("atlas/cache").path)
            #expect(written == ["x_00001_.png"])
        }
    }

    @Test("a changed prefix reruns only the save node; A, B, A runs A again in full; free_memory empties the cache")
    func partialAndEvicted() async throws {
        try await withStandIn { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            func cached(_ prompt: JSON) async throws -> String {
                let id = try await session.submit(prompt, clientID: clientID)["prompt_id"]!.stringValue!
                let frames = try await socket.waitForEnd(of: id)
                return FrameSummary.describe(FrameSummary.ofPrompt(frames, id)).first { $0.hasPrefix("execution_cached:") } ?? "?"
            }
            let a = TestPrompts.invert(prefix: "atlas/cache/x"), b = TestPrompts.invert(prefix: "atlas/cache/x", color: 0x445566)
            #expect(try await cached(a) == "execution_cached:")
            #expect(try await cached(TestPrompts.invert(prefix: "atlas/cache/x_renamed")) == "execution_cached:1,2")
            #expect(try await cached(b) == "execution_cached:")
            #expect(try await cached(a) == "execution_cached:")
            #expect(try await cached(a) == "execution_cached:1,2,3")
            let free = try await session.post("/free", json: ["unload_models": true, "free_memory": true])
            #expect(free.status == 200 && free.body.isEmpty)
            try await Task.sleep(for: .milliseconds(100))
            #expect(try await cached(a) == "execution_cached:")
        }
    }

    @Test("without client_id a fully cached resubmit records outputs {} (the v0.12.1 bug)")
    func noClientID() async throws {
        try await withStandIn { session in
            let recording = Recording("08-cache/8_no_client_id_identical_resubmit")
            let prompt = recording["first", "post_prompt", "request", "body", "prompt"]
            let first = try await session.submit(prompt)["prompt_id"]!.stringValue!
            #expect(try await session.history(of: first)["outputs"]?.objectValue?.isEmpty == false)
            let second = try await session.submit(prompt)["prompt_id"]!.stringValue!
            let history = try await session.history(of: second)
            #expect(history["outputs"] == .object([:]) && history["meta"] == .object([:]))
            let recorded = recording["identical_resubmit", "history"].objectValue!.first { _ in true }!.value
            #expect(JSONShape(history).differences(from: JSONShape(recorded)).isEmpty)
        }
    }
}
