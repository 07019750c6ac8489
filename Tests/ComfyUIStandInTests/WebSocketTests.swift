import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("WebSocket frames reach the sockets the recordings show (09-ws)")
struct WebSocketTests {
    static let quiet = StandInFaults(missingOutputs: .filesNotWritten)

    @Test("without client_id only status and progress frames arrive, on a socket opened without clientId")
    func noClientID() async throws {
        try await withStandIn(StandInOptions(faults: Self.quiet)) { session in
            let socket = try await session.connect(clientID: nil)
            let sid = try #require(socket.texts.first?["data"]?["sid"]?.stringValue)
            #expect(sid.count == 32 && !sid.contains("-"))
            let post = Recording("09-ws/no_client_id")["post_prompt", "request", "body"]
            let promptID = try await session.submit(post["prompt"]!)["prompt_id"]!.stringValue!
            _ = try await session.history(of: promptID)
            try await socket.waitFor { $0["type"] == "status" && $0["data"]?["status"]?["exec_info"]?["queue_remaining"] == 0 && $0["data"]?["sid"] == nil }
            let recorded = FrameSummary.describe(Recording.textFrames(Recording("09-ws/no_client_id")["ws"]))
            #expect(FrameSummary.describe(socket.texts) == recorded)
        }
    }

    @Test("another client's socket sees only the status broadcasts")
    func observer() async throws {
        try await withStandIn(StandInOptions(faults: Self.quiet)) { session in
            let submitterID = UUID().uuidString.lowercased()
            let submitter = try await session.connect(clientID: submitterID)
            let observer = try await session.connect()
            let recording = Recording("09-ws/submitter_vs_observer")
            let promptID = try await session.submit(recording["post_prompt", "request", "body", "prompt"], clientID: submitterID)["prompt_id"]!.stringValue!
            let frames = try await submitter.waitForEnd(of: promptID)
            #expect(FrameSummary.describe(frames) == FrameSummary.describe(Recording.textFrames(recording["submitter_ws"])))
            try await Task.sleep(for: .milliseconds(100))
            #expect(FrameSummary.describe(observer.texts) == FrameSummary.describe(Recording.textFrames(recording["observer_ws"])))
        }
    }

    @Test("feature flags are answered, and SaveImageWebsocket sends PNG previews as event 4 with metadata or event 1 without")
    func binaryPreviews() async throws {
        try await withStandIn { session in
            let recording = Recording("09-ws/save_image_websocket_with_preview_metadata")
            let prompt = recording["post_prompt", "request", "body", "prompt"]
            let flagSets: [JSON] = [["supports_preview_metadata": true], [:]]
            for flags in flagSets {
                let clientID = UUID().uuidString.lowercased()
                let socket = try await session.connect(clientID: clientID, featureFlags: flags)
                try await socket.waitFor { $0["type"] == "feature_flags" }
                #expect(socket.texts.last?["data"] == Recording("00-server/features").responseBody)
                let promptID = try await session.submit(prompt, clientID: clientID)["prompt_id"]!.stringValue!
                try await socket.waitForEnd(of: promptID)
                let binaries = socket.frames.compactMap { frame -> Data? in if case .binary(let data) = frame { return data } else { return nil } }
                #expect(binaries.count == 2)
                let event = binaries.first.map { Int($0[3]) }
                if flags["supports_preview_metadata"] == true {
                    #expect(event == 4)
                    let length = Int(binaries[0][4]) << 24 | Int(binaries[0][5]) << 16 | Int(binaries[0][6]) << 8 | Int(binaries[0][7])
                    let metadata = try JSONParser.parse(Array(binaries[0][8..<(8 + length)]))
                    #expect(metadata["node_id"] == "2" && metadata["image_type"] == "image/png" && metadata["prompt_id"] == .string(promptID))
                    #expect(binaries[0][(8 + length)...].prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
                } else {
                    #expect(event == 1 && binaries[0][7] == 2 && binaries[0][8...].prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
                }
                let history = try await session.history(of: promptID)
                #expect(history["outputs"] == .object([:]))
                await socket.close()
            }
        }
    }

    @Test("reconnecting with the same clientId mid-run gets status, then executing with the current node and no prompt_id")
    func reconnect() async throws {
        let held = StandInFaults(hangingNodes: ["10"], missingOutputs: .filesNotWritten)
        try await withStandIn(StandInOptions(faults: held)) { session in
            let clientID = UUID().uuidString.lowercased()
            let first = try await session.connect(clientID: clientID)
            let promptID = try await session.submit(TestPrompts.chain(blurs: 2), clientID: clientID)["prompt_id"]!.stringValue!
            try await first.waitFor { $0["type"] == "executing" && $0["data"]?["node"] == "10" }
            await first.close()
            let second = try await session.connect(clientID: clientID)
            try await second.waitFor(count: 2)
            #expect(second.texts[1] == ["type": "executing", "data": ["node": "10"]])
            #expect(second.texts[0]["data"]?["status"]?["exec_info"]?["queue_remaining"] == 1)
            session.comfy.updateFaults { $0.hangingNodes = [] }
            let frames = try await second.waitForEnd(of: promptID)
            #expect(FrameSummary.describe(frames).suffix(3) == ["execution_success", "status", "executing:null"])
        }
    }

    @Test("closing an older socket after a newer one took its clientId silences the newer one (the recorded trap)")
    func replacementTrap() async throws {
        try await withStandIn(StandInOptions(faults: Self.quiet)) { session in
            let clientID = UUID().uuidString.lowercased()
            let older = try await session.connect(clientID: clientID)
            let newer = try await session.connect(clientID: clientID)
            await older.close()
            try await Task.sleep(for: .milliseconds(200))
            let promptID = try await session.submit(TestPrompts.invert(), clientID: clientID)["prompt_id"]!.stringValue!
            #expect(try await session.history(of: promptID)["status"]?["status_str"] == "success")
            try await Task.sleep(for: .milliseconds(100))
            #expect(newer.texts.count == 1)
        }
    }

    @Test("without the trap, the newer socket keeps receiving")
    func withoutTrap() async throws {
        try await withStandIn(StandInOptions(faults: Self.quiet, socketReplacementTrap: false)) { session in
            let clientID = UUID().uuidString.lowercased()
            let older = try await session.connect(clientID: clientID)
            let newer = try await session.connect(clientID: clientID)
            await older.close()
            try await Task.sleep(for: .milliseconds(100))
            let promptID = try await session.submit(TestPrompts.invert(), clientID: clientID)["prompt_id"]!.stringValue!
            try await newer.waitForEnd(of: promptID)
        }
    }
}
