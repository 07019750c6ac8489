import AtlasCore
import AtlasTestSupport
import Foundation
import Vapor
@testable import AtlasServer

/// A valid request for every operation of the API, by operationId. The walk sends each with
/// every caller; an operation without a sample here fails the walk, so a new route cannot go unchecked.
enum AccessWalkSamples {
    typealias Make = @Sendable (AccessWalkFixture, WalkCaller) async throws -> WalkRequest

    static let all: [String: Make] = [projects, assets, accounts, jobs, system, previews, aiTools, pages].reduce(into: [:]) { all, part in
        all.merge(part) { a, _ in a }
    }

    /// Jobs of the caller in P (the administrator's for an anonymous caller), so each may see its own.
    static let jobs: [String: Make] = [
        "listJobs": { _, _ in WalkRequest(method: .GET, path: "/api/v1/jobs") },
        "getJob": { fx, caller in
            WalkRequest(method: .GET, path: "/api/v1/jobs/\(try await fx.t.enqueue("noop", project: fx.project, as: caller.account).id.lowercased)")
        },
        "cancelJob": { fx, caller in
            WalkRequest(method: .POST, path: "/api/v1/jobs/\(try await fx.t.enqueue("noop", project: fx.project, as: caller.account).id.lowercased)/cancel")
        },
        "retryJob": { fx, caller in
            let job = try await fx.t.enqueue("noop", project: fx.project, as: caller.account)
            _ = try await fx.t.app.atlasDatabase.write { sql in try await JobRepository.cancel(job.id, change: .cli("test", at: Date()), on: sql) }
            return WalkRequest(method: .POST, path: "/api/v1/jobs/\(job.id.lowercased)/retry")
        },
        "followJob": { fx, caller in
            // A finished job: its stream is its state and the end, so the walk does not wait on it.
            let job = try await fx.t.enqueue("noop", project: fx.project, as: caller.account)
            _ = try await fx.t.app.atlasDatabase.write { sql in try await JobRepository.cancel(job.id, change: .cli("test", at: Date()), on: sql) }
            return WalkRequest(method: .GET, path: "/api/v1/jobs/\(job.id.lowercased)/events")
        },
        "getJobBatch": { fx, caller in
            WalkRequest(method: .GET, path: "/api/v1/job-batches/\(try await walkBatch(fx, caller).lowercased)")
        },
        "cancelJobBatch": { fx, caller in
            WalkRequest(method: .POST, path: "/api/v1/job-batches/\(try await walkBatch(fx, caller).lowercased)/cancel")
        },
        "replayEvents": { _, _ in WalkRequest(method: .GET, path: "/api/v1/events") },
        "getInspection": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/assets/\(try await fx.freshAsset())/versions/1/inspection") },
    ]

    /// A batch of one queued job in P, submitted by the caller (the administrator for an anonymous caller).
    private static func walkBatch(_ fx: AccessWalkFixture, _ caller: WalkCaller) async throws -> UUID {
        let account = caller.account ?? fx.t.admin
        let now = Date()
        let change = Change(actor: AuditActor(userID: UUID(uuidString: account.id), name: account.username), at: now, action: "test")
        let job = Job(id: AtlasID.make(at: now), kind: "noop", payload: [:], runAfter: now, createdAt: now)
        return try await fx.t.app.atlasDatabase.write { sql in
            try await BatchRepository.submit([job], projectID: UUID(uuidString: fx.project), change: change, on: sql).batch
        }.id
    }

    static let projects: [String: Make] = [
        "createProject": { fx, _ in try .json(.POST, "/api/v1/projects", ["name": .string(fx.uniqueName("Walk"))]) },
        "listProjects": { _, _ in WalkRequest(method: .GET, path: "/api/v1/projects") },
        "getProject": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/projects/\(fx.project)") },
        "updateProject": { fx, _ in
            let id = try await fx.freshProject()
            return try .json(.PATCH, "/api/v1/projects/\(id)", ["description": "walked"], headers: ["If-Match": "\"r1\""])
        },
        "archiveProject": { fx, _ in WalkRequest(method: .POST, path: "/api/v1/projects/\(try await fx.freshProject())/archive") },
        "unarchiveProject": { fx, _ in
            let id = try await fx.freshProject()
            _ = try await fx.admin.send(.POST, "/api/v1/projects/\(id)/archive")
            return WalkRequest(method: .POST, path: "/api/v1/projects/\(id)/unarchive")
        },
        "listMembers": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/projects/\(fx.project)/members") },
        "addMember": { fx, _ in
            let user = try await fx.t.makeAccount(fx.uniqueName("new"), role: .artist)
            return try .json(.POST, "/api/v1/projects/\(fx.project)/members", ["username": .string(user.username)])
        },
        "removeMember": { fx, _ in
            let id = try await fx.freshProject()
            return WalkRequest(method: .DELETE, path: "/api/v1/projects/\(id)/members/\(fx.members[1].id)")
        },
    ]

    static let assets: [String: Make] = [
        "createAsset": { fx, _ in
            fx.upload(.POST, "/api/v1/assets", fields: [("project_id", fx.project), ("name", fx.uniqueName("made")), ("type", "texture")],
                      file: ("b.txt", Data(UUID().uuidString.utf8)))
        },
        "listAssets": { _, _ in WalkRequest(method: .GET, path: "/api/v1/assets?q=walk") },
        "getAsset": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/assets/\(try await fx.freshAsset())") },
        "updateAsset": { fx, _ in
            try .json(.PATCH, "/api/v1/assets/\(try await fx.freshAsset())", ["description": "walked"], headers: ["If-Match": "\"r1\""])
        },
        "deleteAsset": { fx, _ in WalkRequest(method: .DELETE, path: "/api/v1/assets/\(try await fx.freshAsset())") },
        "restoreAsset": { fx, _ in
            let id = try await fx.freshAsset()
            _ = try await fx.admin.send(.DELETE, "/api/v1/assets/\(id)")
            return WalkRequest(method: .POST, path: "/api/v1/assets/\(id)/restore")
        },
        "addTags": { fx, _ in try .json(.POST, "/api/v1/assets/\(try await fx.freshAsset())/tags", ["tags": ["hero"]]) },
        "removeTag": { fx, _ in WalkRequest(method: .DELETE, path: "/api/v1/assets/\(try await fx.freshAsset())/tags/walk") },
        "listTags": { _, _ in WalkRequest(method: .GET, path: "/api/v1/tags") },
        "listVersions": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/assets/\(try await fx.freshAsset())/versions") },
        "createVersion": { fx, _ in
            fx.upload(.POST, "/api/v1/assets/\(try await fx.freshAsset())/versions", fields: [("comment", "v2")],
                      file: ("a.txt", Data(UUID().uuidString.utf8)))
        },
        "getVersion": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/assets/\(try await fx.freshAsset())/versions/1") },
        "setVersionStatus": { fx, _ in
            try .json(.PATCH, "/api/v1/assets/\(try await fx.freshAsset())/versions/1", ["status": "review"], headers: ["If-Match": "\"r1\""])
        },
        "revertToVersion": { fx, _ in WalkRequest(method: .POST, path: "/api/v1/assets/\(try await fx.freshAsset())/versions/1/revert") },
        "diffVersions": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/assets/\(try await fx.freshAsset())/diff") },
        "downloadFile": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/assets/\(try await fx.freshAsset())/versions/1/files/a.txt") },
        "listDependencies": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/assets/\(try await fx.freshAsset())/versions/1/dependencies") },
        "addDependency": { fx, _ in
            try .json(.POST, "/api/v1/assets/\(try await fx.freshAsset())/versions/1/dependencies", ["reference": "textures/wood.exr"])
        },
        "removeDependency": { fx, _ in
            let asset = try await fx.freshAsset()
            let edge = try await fx.admin.send(.POST, "/api/v1/assets/\(asset)/versions/1/dependencies", json: ["reference": "x.exr"])
            return WalkRequest(method: .DELETE, path: "/api/v1/assets/\(asset)/versions/1/dependencies/\(edge.json["id"]?.string ?? "")")
        },
        "putPreview": { fx, _ in
            WalkRequest(method: .PUT, path: "/api/v1/assets/\(try await fx.freshAsset())/versions/1/preview",
                        headers: ["Content-Type": "image/png"], body: fx.png)
        },
        "getPreview": { fx, _ in
            let asset = try await fx.freshAsset()
            _ = try await fx.admin.send(.PUT, "/api/v1/assets/\(asset)/versions/1/preview", headers: ["Content-Type": "image/png"],
                                        body: ByteBuffer(data: fx.png))
            return WalkRequest(method: .GET, path: "/api/v1/assets/\(asset)/versions/1/preview")
        },
        "uploadBlob": { _, _ in
            WalkRequest(method: .POST, path: "/api/v1/blobs", headers: ["Content-Type": "application/octet-stream"],
                        body: Data(UUID().uuidString.utf8))
        },
        "checkBlob": { _, _ in WalkRequest(method: .HEAD, path: "/api/v1/blobs/\(String(repeating: "0", count: 64))", allowedStatus: [404]) },
    ]

    static let accounts: [String: Make] = [
        "setup": { _, _ in
            try WalkRequest.json(.POST, "/api/v1/setup", ["token": "x", "username": "root", "password": "a long enough password"])
                .expecting(409)
        },
        "setupPage": { _, _ in WalkRequest(method: .GET, path: "/setup?token=x") },
        "submitSetupPage": { _, _ in
            WalkRequest(method: .POST, path: "/setup", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                        body: Data("token=x&username=root&password=a+long+enough+password".utf8), allowedStatus: [409])
        },
        "login": { _, _ in try .json(.POST, "/api/v1/auth/login", ["username": "admin", "password": .string(TestAccount.password)]) },
        "createToken": { _, _ in try .json(.POST, "/api/v1/auth/token", ["username": "admin", "password": .string(TestAccount.password)]) },
        "logout": { fx, caller in
            guard let account = caller.account else { return WalkRequest(method: .POST, path: "/api/v1/auth/logout") }
            let token = try await fx.t.anonymousClient.send(.POST, "/api/v1/auth/token",
                                                            json: ["username": .string(account.username), "password": .string(TestAccount.password)])
            return WalkRequest(method: .POST, path: "/api/v1/auth/logout", headers: ["Authorization": "Bearer \(token.json["token"]?.string ?? "")"])
        },
        "getMe": { _, _ in WalkRequest(method: .GET, path: "/api/v1/me") },
        "changePassword": { _, _ in
            try .json(.POST, "/api/v1/me/password", ["current_password": .string(TestAccount.password), "new_password": .string(TestAccount.password)])
        },
        "listAPIKeys": { _, _ in WalkRequest(method: .GET, path: "/api/v1/me/api-keys") },
        "createAPIKey": { _, _ in try .json(.POST, "/api/v1/me/api-keys", ["name": "walk"]) },
        "revokeAPIKey": { fx, caller in
            guard let account = caller.account else { return WalkRequest(method: .DELETE, path: "/api/v1/me/api-keys/\(UUID())") }
            let key = try await account.client.send(.POST, "/api/v1/me/api-keys", json: ["name": "to revoke"])
            return WalkRequest(method: .DELETE, path: "/api/v1/me/api-keys/\(key.json["id"]?.string ?? "")")
        },
        "createUser": { fx, _ in
            try .json(.POST, "/api/v1/users", ["username": .string(fx.uniqueName("user")), "password": .string(TestAccount.password), "role": "artist"])
        },
        "listUsers": { _, _ in WalkRequest(method: .GET, path: "/api/v1/users") },
        "getUser": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/users/\(fx.members[0].id)") },
        "updateUser": { fx, _ in
            let user = try await fx.t.makeAccount(fx.uniqueName("edit"), role: .artist)
            return try .json(.PATCH, "/api/v1/users/\(user.id)", ["display_name": "Edited"], headers: ["If-Match": "\"r1\""])
        },
        "disableUser": { fx, _ in WalkRequest(method: .POST, path: "/api/v1/users/\(try await fx.t.makeAccount(fx.uniqueName("off"), role: .artist).id)/disable") },
        "enableUser": { fx, _ in WalkRequest(method: .POST, path: "/api/v1/users/\(try await fx.t.makeAccount(fx.uniqueName("on"), role: .artist).id)/enable") },
        "resetPassword": { fx, _ in
            let user = try await fx.t.makeAccount(fx.uniqueName("reset"), role: .artist)
            return try .json(.POST, "/api/v1/users/\(user.id)/password", ["password": "a brand new password"])
        },
        "listUserAPIKeys": { fx, _ in WalkRequest(method: .GET, path: "/api/v1/users/\(fx.members[0].id)/api-keys") },
        "revokeUserAPIKey": { fx, _ in
            let user = try await fx.t.makeAccount(fx.uniqueName("keyed"), role: .artist)
            let key = try await user.client.send(.POST, "/api/v1/me/api-keys", json: ["name": "farm"])
            return WalkRequest(method: .DELETE, path: "/api/v1/users/\(user.id)/api-keys/\(key.json["id"]?.string ?? "")")
        },
        "listAudit": { _, _ in WalkRequest(method: .GET, path: "/api/v1/audit") },
        "listSecrets": { _, _ in WalkRequest(method: .GET, path: "/api/v1/secrets") },
        "putSecret": { _, _ in try .json(.PUT, "/api/v1/secrets/comfyui.api_key", ["value": "s3cret"]) },
        "deleteSecret": { fx, _ in
            _ = try await fx.admin.send(.PUT, "/api/v1/secrets/walk.secret", json: ["value": "x"])
            return WalkRequest(method: .DELETE, path: "/api/v1/secrets/walk.secret")
        },
    ]

    static let system: [String: Make] = [
        "health": { _, _ in WalkRequest(method: .GET, path: "/healthz") },
        "readiness": { _, _ in WalkRequest(method: .GET, path: "/readyz") },
        "openAPI": { _, _ in WalkRequest(method: .GET, path: "/api/v1/openapi.json") },
        "metrics": { _, _ in WalkRequest(method: .GET, path: "/metrics") },
    ]
}

extension WalkRequest {
    func expecting(_ status: UInt) -> WalkRequest {
        var request = self
        request.allowedStatus.insert(status)
        return request
    }
}
