import AtlasCore
import AtlasServer
import AtlasTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing
import Vapor

@Suite("The audit log: who changed what, when, from where; append-only")
struct AuditLogTests {
    @Test("An update is recorded with its actor, API key, object, only the changed fields, client address and request id",
          arguments: TestDatabase.available)
    func entryContents(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Audited", code: "AUD")
            let artist = try await t.makeAccount("eve", role: .artist, memberOf: [project])
            let asset = try await artist.client.createAsset(project: project, name: "crate", tags: ["prop"])
            let id = try #require(asset["id"]?.string)
            let updated = try await artist.client.send(.PATCH, "/api/v1/assets/\(id)", json: ["name": "crate large"],
                                                       headers: ["If-Match": "\"r1\""])
            #expect(updated.status == .ok)

            let entries = try await t.client.get("/api/v1/audit?object_id=\(id)&action=updateAsset").json["items"]?.array ?? []
            let entry = try #require(entries.first)
            #expect(entries.count == 1)
            #expect(entry["actor"]?["name"]?.string == "eve")
            #expect(entry["actor"]?["user_id"]?.string == artist.id)
            #expect(entry["actor"]?["api_key_id"]?.string?.isEmpty == false, "the key used is recorded")
            #expect(entry["object_kind"]?.string == "asset")
            #expect(entry["summary"] == ["before": ["name": "crate"], "after": ["name": "crate large"]])
            #expect(entry["request_id"]?.string?.isEmpty == false)
            #expect(entry["at"]?.string != nil)

            let created = try await t.client.get("/api/v1/audit?object_id=\(id)&action=createAsset").json["items"]?[0]
            #expect(created?["summary"]?["after"]?["name"]?.string == "crate")
        }
    }

    @Test("Filters by actor, action, object and time, newest first, with cursor paging", arguments: TestDatabase.available)
    func filtersAndPaging(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let start = ISO8601.format(Date().addingTimeInterval(-1))
            for name in ["One", "Two", "Three"] { _ = try await t.client.createProject(name) }
            let producer = try await t.makeAccount("pia", role: .producer)
            _ = try await producer.client.send(.POST, "/api/v1/projects", json: ["name": "Four"])

            var names: [String] = []
            var cursor: String?
            repeat {
                let path = "/api/v1/audit?action=createProject&actor=admin&limit=1&after=\(start)" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await t.client.get(path)
                #expect(page.status == .ok)
                names += page.json["items"]?.array.compactMap { $0["summary"]?["after"]?["name"]?.string } ?? []
                cursor = page.json["next_cursor"]?.string
            } while cursor != nil
            #expect(names == ["Three", "Two", "One"])
            let byProducer = try await t.client.get("/api/v1/audit?actor=\(producer.id)&action=createProject")
            #expect(byProducer.json["items"]?.array.count == 1)
            let future = try await t.client.get("/api/v1/audit?after=2999-01-01")
            #expect(future.json["items"]?.array.isEmpty == true)
            #expect(try await t.client.get("/api/v1/audit?colour=red").status == .badRequest)
        }
    }

    @Test("No route edits or deletes the log, and the database refuses UPDATE and DELETE on it", arguments: TestDatabase.available)
    func appendOnly(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            _ = try await t.client.createProject("Kept")
            for method in [HTTPMethod.PUT, .PATCH, .DELETE, .POST] {
                let response = try await t.client.send(method, "/api/v1/audit")
                #expect([404, 405].contains(response.status.code), "\(method) /api/v1/audit answered \(response.status)")
            }
            let sql = t.app.db as! any SQLDatabase
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_log SET actor_name = 'nobody'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_log").run() }
            let entries = try await t.client.get("/api/v1/audit").json["items"]?.array ?? []
            #expect(!entries.isEmpty && entries.allSatisfy { $0["actor"]?["name"]?.string != "nobody" })
        }
    }

    @Test("Changes from the shell are recorded as the operating-system user", arguments: TestDatabase.available)
    func shellChanges(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let entry = try await t.client.get("/api/v1/audit?action=cli.user.create&object_kind=user&limit=1").json["items"]?[0]
            #expect(entry?["actor"]?["name"]?.string?.hasPrefix("cli:") == true)
            #expect(entry?["object_kind"]?.string == "user")
            #expect(entry?["summary"]?["after"]?["username"]?.string == "admin")
            #expect(entry?["summary"]?["after"]?["password"] == nil && entry?["summary"]?["after"]?["password_hash"] == nil)
        }
    }
}
