import AtlasComfyUI
import AtlasCore
import AtlasTestSupport
import ComfyUIStandIn
import Foundation
import Testing
@testable import AtlasServer

@Suite("Tools are registered, versioned and checked against the pool's node classes")
struct AIToolRegistryTests {
    private static func body(default radius: JSONValue = 2, classType: String = "ImageBlur", field: String = "blur_radius") -> JSONValue {
        [
            "manifest": [
                "name": "soft", "title": "Soften", "category": "filter",
                "inputs": [
                    ["name": "image", "type": "image", "node": "1", "field": "image"],
                    ["name": "radius", "type": "int", "node": "2", "field": .string(field), "default": radius],
                ],
                "outputs": [["name": "result", "node": "3", "type": "image"]],
            ],
            "workflow": [
                "1": ["class_type": "LoadImage", "inputs": ["image": "example.png"]],
                "2": ["class_type": .string(classType), "inputs": ["image": ["1", 0], "blur_radius": 1, "sigma": 1.0]],
                "3": ["class_type": "SaveImage", "inputs": ["images": ["2", 0], "filename_prefix": "x"]],
            ],
        ]
    }

    @Test("Built-in tools are listed; a new tool is version 1, the same content adds nothing, new content is version 2",
          arguments: TestDatabase.available)
    func registersAndVersions(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let builtIns = try await t.client.get("/api/v1/ai-tools").json["items"]?.array.compactMap { $0["name"]?.string } ?? []
                #expect(Set(["invert", "scale", "resize", "blur", "sharpen"]).isSubset(of: Set(builtIns)))
                let filters = try await t.client.get("/api/v1/ai-tools?category=filter").json["items"]?.array.compactMap { $0["name"]?.string }
                #expect(filters == ["blur", "sharpen"])

                let first = try await t.client.send(.POST, "/api/v1/ai-tools", json: Self.body())
                #expect(first.status == .created, "\(first.text)")
                #expect(first.json["current_version"]?.int == 1)
                #expect(try await t.client.send(.POST, "/api/v1/ai-tools", json: Self.body()).status == .ok)
                let second = try await t.client.send(.POST, "/api/v1/ai-tools", json: Self.body(default: 3))
                #expect(second.json["current_version"]?.int == 2)
                let versions = try await t.client.get("/api/v1/ai-tools/soft/versions").json["items"]?.array ?? []
                #expect(versions.compactMap { $0["number"]?.int } == [2, 1])
                let detail = try await t.client.get("/api/v1/ai-tools/soft").json
                #expect(detail["manifest"]?["inputs"]?.array.count == 2)
                #expect(detail["estimate"]?["servers_up"]?.int == 1)
            }
        }
    }

    @Test("An unknown node type, a wrong field and an out-of-range default are refused with field errors",
          arguments: TestDatabase.available)
    func refusesWhatTheServerCannotRun(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let unknown = try await t.client.send(.POST, "/api/v1/ai-tools", json: Self.body(classType: "MagicBlur"))
                #expect(unknown.status == .badRequest)
                #expect(unknown.json["errors"]?.array.contains { $0["field"]?.string == "workflow.2.class_type" } == true, "\(unknown.text)")
                let wrongField = try await t.client.send(.POST, "/api/v1/ai-tools", json: Self.body(field: "radius"))
                #expect(wrongField.json["errors"]?.array.contains { $0["field"]?.string == "inputs[1].field" } == true, "\(wrongField.text)")
                let range = try await t.client.send(.POST, "/api/v1/ai-tools", json: Self.body(default: 99))
                #expect(range.json["errors"]?.array.contains { $0["field"]?.string == "inputs[1].default" } == true, "\(range.text)")
            }
        }
    }

    @Test("A server whose every slot runs a prompt still checks a new tool", arguments: TestDatabase.available)
    func checksOnABusyServer(_ database: TestDatabase) async throws {
        try await withStandIn { comfy in
            try await withAtlasApp(database, adjust: { $0.comfyUIURLs = [comfy.url] }) { t in
                let pool = t.app.comfyUIPool
                await pool.checkHealth()
                var leases: [ComfyUILease] = []
                while let lease = await pool.tryLease().lease { leases.append(lease) }
                #expect(!leases.isEmpty)
                let registered = try await t.client.send(.POST, "/api/v1/ai-tools", json: Self.body())
                #expect(registered.status == .created, "\(registered.text)")
                for lease in leases { await pool.release(lease) }
            }
        }
    }

    @Test("With no server reachable registration answers 503 comfyui_unavailable; an administrator may skip the check",
          arguments: TestDatabase.available)
    func needsAServerToCheck(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let refused = try await t.client.send(.POST, "/api/v1/ai-tools", json: Self.body())
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.json["code"]?.string == "comfyui_unavailable")
            #expect(try await t.client.send(.POST, "/api/v1/ai-tools?check=false", json: Self.body()).status == .created)
            let artist = try await t.makeAccount("artist", role: .artist)
            #expect(try await artist.client.send(.POST, "/api/v1/ai-tools?check=false", json: Self.body()).status == .forbidden)
        }
    }
}
