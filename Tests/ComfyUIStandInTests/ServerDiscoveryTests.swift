import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("Discovery answers as the recorded server did (00-server)")
struct ServerDiscoveryTests {
    @Test("system_stats has the recorded shape, also under /api")
    func systemStats() async throws {
        try await withStandIn { session in
            for (path, recording) in [("/system_stats", "00-server/system_stats"), ("/api/system_stats", "00-server/system_stats_api_prefix")] {
                let reply = try await session.get(path)
                let recorded = Recording(recording)
                #expect(reply.status == 200)
                #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
                #expect(JSONShape(reply.json).differences(from: JSONShape(recorded.responseBody)).isEmpty)
                #expect(reply.json["system"]?["comfyui_version"] == "0.12.1")
            }
        }
    }

    @Test("features are the recorded ones")
    func features() async throws {
        try await withStandIn { session in
            let recorded = Recording("00-server/features").responseBody
            let features = try await session.get("/features").json
            #expect(features == recorded)
        }
    }

    @Test("object_info of each implemented class is the recorded node_info, and an unknown class is {}")
    func objectInfo() async throws {
        try await withStandIn { session in
            let recorded = Recording("00-server/object_info_nodes_used").json.objectValue!
            for (classType, info) in recorded {
                let reply = try await session.get("/api/object_info/\(classType)")
                #expect(reply.json[classType] == info, "node_info of \(classType)")
            }
            let unknown = try await session.get("/object_info/NoSuchNode")
            #expect(unknown.status == 200 && unknown.json == .object([:]))
            let all = try await session.get("/object_info").json.objectValue?.keys ?? []
            #expect(Set(recorded.keys).isSubset(of: Set(all)))
        }
    }

    @Test("an Origin that differs from a loopback Host is refused with an empty 403; a matching one passes")
    func originCheck() async throws {
        try await withStandIn { session in
            let refused = try await session.get("/queue", headers: [("Origin", "http://evil.example:\(session.comfy.url.port!)")])
            #expect(refused.status == 403 && refused.body.isEmpty)
            let allowed = try await session.get("/queue", headers: [("Origin", "http://127.0.0.1:\(session.comfy.url.port!)")])
            #expect(allowed.status == 200 && allowed.json == Recording("00-server/origin_matching_ok").responseBody)
        }
    }

    @Test("unknown paths, wrong methods and bad JSON get aiohttp's answers")
    func aiohttpErrors() async throws {
        try await withStandIn { session in
            let missing = try await session.get("/no/such/route")
            #expect(missing.status == 404 && missing.body.isEmpty && missing.header("Content-Type") == "application/octet-stream")
            let wrongMethod = try await session.send("DELETE", "/prompt", body: nil)
            #expect(wrongMethod.status == 405 && wrongMethod.text == Recording("00-server/method_not_allowed")["response", "body_text"].stringValue)
            let malformed = try await session.post("/prompt", text: "{not json")
            #expect(malformed.status == 500)
            #expect(malformed.text == Recording("05-errors/malformed_json_body")["response", "body_text"].stringValue)
            #expect(malformed.header("Content-Type") == "text/plain; charset=utf-8")
        }
    }

    @Test("an idle server reports an empty queue")
    func idle() async throws {
        try await withStandIn { session in
            let idlePrompt = Recording("00-server/prompt_get_idle").responseBody
            let idleQueue = Recording("00-server/queue_idle").responseBody
            let load = try await session.get("/prompt").json
            #expect(load == idlePrompt)
            let queue = try await session.get("/api/queue").json
            #expect(queue == idleQueue)
        }
    }

    @Test("model folders are listed, empty, and an unknown folder is an empty 404")
    func models() async throws {
        try await withStandIn { session in
            let recorded = Recording("00-server/models_list")
            let folders = try await session.get("/models").json
            #expect(folders == recorded["models", "response", "body"])
            let checkpoints = try await session.get("/models/checkpoints").json
            #expect(checkpoints == .array([]))
            let unknown = try await session.get("/models/nosuchfolder")
            #expect(unknown.status == 404 && unknown.body.isEmpty)
        }
    }
}
