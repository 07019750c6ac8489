import AtlasComfyUI
import AtlasCore
import AtlasTestSupport
import Foundation
@testable import AtlasServer

/// Sample requests of AI tools, runs and the ComfyUI pool. The walk has no ComfyUI server, so
/// registering answers 503 to those allowed to register.
extension AccessWalkSamples {
    static let aiTools: [String: Make] = [
        "listAITools": { _, _ in WalkRequest(method: .GET, path: "/api/v1/ai-tools") },
        "getAITool": { _, _ in WalkRequest(method: .GET, path: "/api/v1/ai-tools/invert") },
        "listAIToolVersions": { _, _ in WalkRequest(method: .GET, path: "/api/v1/ai-tools/invert/versions") },
        "registerAITool": { fx, _ in
            let tool = try await AIToolRepository.fetch("invert", on: fx.t.app.atlasDatabase.sql).current
            var request = try WalkRequest.json(.POST, "/api/v1/ai-tools", ["manifest": try JSONCoding.json(tool.manifest), "workflow": tool.workflow.json])
            request.allowedStatus = [503]
            return request
        },
        "executeAITool": { fx, _ in
            try .json(.POST, "/api/v1/ai-tools/invert/execute", ["inputs": ["image": .string(try await walkImage(fx).lowercased)]])
        },
        "batchAITool": { fx, _ in
            try .json(.POST, "/api/v1/ai-tools/invert/batch", ["input": "image", "versions": [.string(try await walkImage(fx).lowercased)]])
        },
        "listAIToolRuns": { _, _ in WalkRequest(method: .GET, path: "/api/v1/ai-tools/invert/runs") },
        "getAIJobStatus": { fx, caller in WalkRequest(method: .GET, path: "/api/v1/ai-jobs/\(try await walkRun(fx, caller).lowercased)/status") },
        "cancelAIJob": { fx, caller in WalkRequest(method: .POST, path: "/api/v1/ai-jobs/\(try await walkRun(fx, caller).lowercased)/cancel") },
        "rerunAIJob": { fx, _ in try .json(.POST, "/api/v1/ai-jobs/\(try await walkRun(fx, nil).lowercased)/rerun", [:]) },
        "listComfyUIServers": { _, _ in WalkRequest(method: .GET, path: "/api/v1/comfyui-servers") },
        "addComfyUIServer": { fx, _ in
            try .json(.POST, "/api/v1/comfyui-servers", ["url": .string("http://\(fx.uniqueName("gpu")).invalid:8188")])
        },
        "removeComfyUIServer": { fx, _ in
            let added = try await fx.admin.send(.POST, "/api/v1/comfyui-servers", json: ["url": .string("http://\(fx.uniqueName("gpu")).invalid:8188")])
            return WalkRequest(method: .DELETE, path: "/api/v1/comfyui-servers/\(added.json["id"]?.string ?? "")")
        },
    ]

    /// The version id of a fresh asset in P.
    private static func walkImage(_ fx: AccessWalkFixture) async throws -> UUID {
        let asset = try await fx.freshAsset()
        let version = try await fx.admin.get("/api/v1/assets/\(asset)/versions/1").json
        guard let id = version["id"]?.string.flatMap(UUID.init(uuidString:)) else { throw TestSupportError("no v1 of \(asset)") }
        return id
    }

    /// A queued run of invert in P, made by the caller (the administrator for an anonymous caller).
    private static func walkRun(_ fx: AccessWalkFixture, _ caller: WalkCaller?) async throws -> UUID {
        let image = try await walkImage(fx)
        let account = caller?.account ?? fx.t.admin
        let now = Date()
        let change = Change(actor: AuditActor(userID: UUID(uuidString: account.id), name: account.username), at: now, action: "test")
        let tool = try await AIToolRepository.fetch("invert", on: fx.t.app.atlasDatabase.sql).current
        let project = UUID(uuidString: fx.project)
        return try await fx.t.app.atlasDatabase.write { sql in
            let id = AtlasID.make(at: now)
            let order = AIRunOrder(runID: id, requestedBy: ExportOrder.Requester(change.actor))
            _ = try await JobRepository.enqueue(Job(id: id, kind: AIRunJob.name, payload: try JSONCoding.json(order), runAfter: now,
                                                    projectID: project, createdAt: now), change: change, on: sql)
            try await AIRunRepository.insert(AIRun(
                id: id, toolVersionID: tool.id, jobID: id, projectID: project, cacheKey: "walk", cached: false,
                arguments: AIToolArguments(values: [:], images: ["image": image]), results: nil, server: nil, durationMilliseconds: nil,
                createdAt: now, createdBy: change.by, finishedAt: nil), on: sql)
            return id
        }
    }
}
