import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("The queue: priorities, deletion and the counts clients follow (07-queue-delete, 12-prompt-options)")
struct QueueTests {
    /// Blur nodes hold the first prompt running until the test lets it go.
    static let held = StandInFaults(hangingNodes: ["ImageBlur"], missingOutputs: .filesNotWritten)

    @Test("deleting a pending prompt removes it; the running one and unknown ids are silent no-ops; clear empties pending")
    func deleteAndClear() async throws {
        try await withStandIn(StandInOptions(faults: Self.held)) { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            var ids: [String] = []
            for index in 0..<4 {
                ids.append(try await session.submit(TestPrompts.chain(blurs: 1, prefix: "atlas/qdel/job\(index)"), clientID: clientID)["prompt_id"]!.stringValue!)
                if index == 0 { try await session.waitUntilRunning(ids[0]) }
            }
            for target in [ids[1], ids[0], UUID().uuidString.lowercased()] {
                let reply = try await session.post("/queue", json: ["delete": [.string(target)]])
                #expect(reply.status == 200 && reply.body.isEmpty)
            }
            let afterDelete = try await session.get("/queue").json
            #expect(afterDelete["queue_running"]?.arrayValue?.map { $0.arrayValue![1] } == [.string(ids[0])])
            #expect(afterDelete["queue_pending"]?.arrayValue?.map { $0.arrayValue![1] } == [.string(ids[2]), .string(ids[3])])
            _ = try await session.post("/queue", json: ["clear": true])
            let afterClear = try await session.get("/queue").json
            #expect(afterClear["queue_pending"] == .array([]) && afterClear["queue_running"]?.arrayValue?.count == 1)
            session.comfy.updateFaults { $0.hangingNodes = [] }
            let frames = try await socket.waitForEnd(of: ids[0])
            let counts = frames.filter { $0["type"] == "status" }.compactMap { $0["data"]?["status"]?["exec_info"]?["queue_remaining"]?.numberValue }
            #expect(counts == [0, 1, 1, 2, 3, 4, 3, 1, 0])
            let gone = try await session.get("/history/\(ids[3])").json
            #expect(gone == .object([:]))
            let unknown = try await session.get("/api/jobs/\(ids[1])")
            #expect(unknown.status == 404 && unknown.json == Recording("11-history-jobs/jobs_unknown_404").responseBody)
        }
    }

    @Test("malformed JSON to POST /queue is aiohttp's 500")
    func malformed() async throws {
        try await withStandIn { session in
            let reply = try await session.post("/queue", text: "nope")
            #expect(reply.status == 500 && reply.text == Recording("07-queue-delete/post_queue_malformed_json")["response", "body_text"].stringValue)
        }
    }

    @Test("number and front set priority: -1000 runs first, then front, then the rest; pending is listed in heap order")
    func priorities() async throws {
        try await withStandIn(StandInOptions(faults: Self.held)) { session in
            let clientID = UUID().uuidString.lowercased()
            let socket = try await session.connect(clientID: clientID)
            let posts = Recording("12-prompt-options/priority_posts").json.arrayValue!
            var answers: [JSON] = []
            for post in posts {
                var body = post["request"]!["body"]!.objectValue!
                body["client_id"] = .string(clientID)
                answers.append(try await session.post("/prompt", json: .object(body)).json)
                if answers.count == 1 { try await session.waitUntilRunning(answers[0]["prompt_id"]!.stringValue!) }
            }
            let base = answers[0]["number"]!.numberValue!
            #expect(answers.map { $0["number"]! } == [.int(Int(base)), .int(Int(base) + 1), .int(-Int(base) - 2), .double(-1000)])
            let ids = answers.map { $0["prompt_id"]!.stringValue! }
            let pending = try await session.get("/queue").json["queue_pending"]?.arrayValue?.map { $0.arrayValue![1] }
            #expect(pending == [.string(ids[3]), .string(ids[1]), .string(ids[2])])
            let recordedPending = Recording("12-prompt-options/priority_queue").responseBody["queue_pending"]?.arrayValue?.map { $0.arrayValue![0] }
            #expect(recordedPending == [.double(-1000), 54, -55])
            session.comfy.updateFaults { $0.hangingNodes = [] }
            let frames = try await socket.waitForEnd(of: ids[1])
            let started = frames.filter { $0["type"] == "execution_start" }.compactMap { $0["data"]?["prompt_id"]?.stringValue }
            #expect(started == [ids[0], ids[3], ids[2], ids[1]])
        }
    }

    @Test("PythonHeap reproduces heapq's array order")
    func heapOrder() {
        var heap = PythonHeap<Int>(less: <)
        for value in [54, -55, -1000, 7, 3, 12] { heap.push(value) }
        #expect(heap.items == [-1000, 3, -55, 54, 7, 12])
        #expect(heap.pop() == -1000)
        #expect(heap.items == [-55, 3, 12, 54, 7])
    }
}
