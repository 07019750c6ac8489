import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Idempotency keys")
struct IdempotencyTests {
    @Test("a retried create with the same key returns the first response and creates nothing new", arguments: TestDatabase.available)
    func retry(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let form = MultipartForm().field("project_id", project).field("name", "Plate").field("type", "plate")
                .file("p.exr", Fixtures.bytes(500)).finished
            let first = try await t.client.upload("/api/v1/assets", form, headers: ["Idempotency-Key": "upload-42"])
            let retry = try await t.client.upload("/api/v1/assets", form, headers: ["Idempotency-Key": "upload-42"])
            #expect(first.status == .created)
            #expect(retry.status == .created)
            #expect(retry.json["id"] == first.json["id"])
            #expect(retry.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(try await t.client.get("/api/v1/assets").json["items"]?.array.count == 1)

            let projectBody: JSONValue = ["name": "Retry me"]
            let p1 = try await t.client.send(.POST, "/api/v1/projects", json: projectBody, headers: ["Idempotency-Key": "k1"])
            let p2 = try await t.client.send(.POST, "/api/v1/projects", json: projectBody, headers: ["Idempotency-Key": "k1"])
            #expect(p1.json["id"] == p2.json["id"])
        }
    }

    @Test("reusing a key for a different request is refused", arguments: TestDatabase.available)
    func reuse(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            _ = try await t.client.send(.POST, "/api/v1/projects", json: ["name": "A"], headers: ["Idempotency-Key": "same"])
            let other = try await t.client.send(.POST, "/api/v1/projects", json: ["name": "B"], headers: ["Idempotency-Key": "same"])
            #expect(other.status == .unprocessableEntity)
            #expect(other.problemCode == "idempotency_key_reused")
            #expect(try await t.client.get("/api/v1/projects").json["items"]?.array.count == 1)
        }
    }

    @Test("a failed create stores no key, so the retry can succeed", arguments: TestDatabase.available)
    func failureIsNotRemembered(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject(code: "TAKEN")
            let bad = try await t.client.send(.POST, "/api/v1/projects", json: ["name": "Dup", "code": "TAKEN"], headers: ["Idempotency-Key": "k"])
            #expect(bad.status == .conflict)
            _ = try await t.client.send(.PATCH, "/api/v1/projects/\(project)", json: ["code": "FREED"], headers: ["If-Match": "*"])
            let retried = try await t.client.send(.POST, "/api/v1/projects", json: ["name": "Dup", "code": "TAKEN"], headers: ["Idempotency-Key": "k"])
            #expect(retried.status == .created)
        }
    }
}
