import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("Fault knobs give client tests the failures they must survive")
struct FaultKnobTests {
    @Test("a slow node reports its progress steps, as progress_state then progress, before it finishes")
    func slowProgress() async throws {
        let slow = StandInFaults(slowNodes: ["2": NodeTiming(duration: .milliseconds(300), progressSteps: 3)], missingOutputs: .filesNotWritten)
        try await withStandIn(StandInOptions(faults: slow)) { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let promptID = try await session.submit(TestPrompts.invert(), clientID: clientID)["prompt_id"]!.stringValue!
            let frames = FrameSummary.describe(try await socket.waitForEnd(of: promptID))
            let node2 = Array(frames.drop { $0 != "executing:2" }.prefix(8))
            #expect(node2 == ["executing:2", "progress_state", "progress:1/3", "progress_state", "progress:2/3", "progress_state", "progress:3/3",
                              "progress_state"])
        }
    }

    @Test("going down refuses connections and drops sockets; coming back serves again, restarted without history")
    func downAndBack() async throws {
        try await withStandIn(StandInOptions(faults: StandInFaults(missingOutputs: .filesNotWritten))) { session in
            let promptID = try await session.submit(TestPrompts.invert())["prompt_id"]!.stringValue!
            _ = try await session.history(of: promptID)
            let socket = try await session.connect()
            await session.comfy.goDown()
            try await socket.waitUntilClosed()
            await #expect(throws: (any Error).self) { _ = try await session.get("/prompt") }
            try await session.comfy.comeBack()
            #expect(try await session.history(of: promptID)["status"]?["status_str"] == "success")
            await session.comfy.goDown()
            try await session.comfy.comeBack(restarted: true)
            let history = try await session.get("/history").json
            #expect(history == .object([:]))
            let next = try await session.submit(TestPrompts.invert())
            #expect(next["number"] == 0)
        }
    }

    @Test("sockets are dropped after a number of a prompt's frames, and the prompt still finishes")
    func dropSockets() async throws {
        let faults = StandInFaults(dropSocketsAfterFrames: 4, missingOutputs: .filesNotWritten)
        try await withStandIn(StandInOptions(faults: faults)) { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let promptID = try await session.submit(TestPrompts.invert(), clientID: clientID)["prompt_id"]!.stringValue!
            try await socket.waitUntilClosed()
            #expect(FrameSummary.describe(socket.texts) == ["status", "status", "status", "execution_start", "execution_cached:", "progress_state", "executing:1"])
            #expect(try await session.history(of: promptID)["status"]?["status_str"] == "success")
        }
    }

    @Test("outputs that never appear: listed but not written, or not listed at all")
    func missingOutputs() async throws {
        try await withStandIn(StandInOptions(faults: StandInFaults(missingOutputs: .filesNotWritten))) { session in
            let first = try await session.submit(TestPrompts.invert(prefix: "atlas/ghost/a"))["prompt_id"]!.stringValue!
            let listed = try await session.history(of: first)["outputs"]?["3"]?["images"]?[0]?["filename"]?.stringValue
            #expect(listed == "a_00001_.png")
            #expect(try await session.get("/view?filename=a_00001_.png&subfolder=atlas/ghost").status == 404)
            session.comfy.updateFaults { $0.missingOutputs = .outputsEmpty }
            let second = try await session.submit(TestPrompts.invert(prefix: "atlas/ghost/b"))["prompt_id"]!.stringValue!
            let history = try await session.history(of: second)
            #expect(history["outputs"] == .object([:]) && history["status"]?["status_str"] == "success")
        }
    }

    @Test("a hanging node runs until the fault is lifted, deaf to interrupts")
    func hang() async throws {
        try await withStandIn(StandInOptions(faults: StandInFaults(hangingNodes: ["ImageInvert"], missingOutputs: .filesNotWritten))) { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let promptID = try await session.submit(TestPrompts.invert(), clientID: clientID)["prompt_id"]!.stringValue!
            try await socket.waitFor { $0["type"] == "executing" && $0["data"]?["node"] == "2" }
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await session.get("/history/\(promptID)").json == .object([:]))
            session.comfy.updateFaults { $0.hangingNodes = [] }
            #expect(try await session.history(of: promptID)["status"]?["status_str"] == "success")
        }
    }

    @Test("every accepted prompt is logged with when it arrived, started and finished")
    func receipts() async throws {
        try await withStandIn(StandInOptions(faults: StandInFaults(missingOutputs: .filesNotWritten))) { session in
            let promptID = try await session.submit(TestPrompts.invert())["prompt_id"]!.stringValue!
            _ = try await session.history(of: promptID)
            _ = try await session.post("/prompt", json: ["prompt": [:]])
            let receipts = await session.comfy.receivedPrompts()
            #expect(receipts.map(\.promptID) == [promptID])
            let receipt = try #require(receipts.first)
            #expect(receipt.receivedAt <= receipt.startedAt! && receipt.startedAt! <= receipt.finishedAt!)
        }
    }
}
