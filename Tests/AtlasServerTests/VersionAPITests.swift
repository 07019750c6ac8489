import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Versions API")
struct VersionAPITests {
    @Test("versions are numbered in order, each pointing at its parent, newest first in the history", arguments: TestDatabase.available)
    func history(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let asset = try await t.client.createAsset(project: project, name: "Plate", type: "plate", files: [("p.exr", Fixtures.bytes(100, seed: 1))])
            let id = try #require(asset["id"]?.string)
            let v2 = try await t.client.addVersion(asset: id, files: [("p.exr", Fixtures.bytes(100, seed: 2))], comment: "regrade")
            let v3 = try await t.client.addVersion(asset: id, files: [("p.exr", Fixtures.bytes(100, seed: 3))])
            #expect(v2["number"]?.int == 2)
            #expect(v2["parent_id"]?.string == asset["latest"]?["id"]?.string)
            #expect(v3["parent_id"]?.string == v2["id"]?.string)

            let history = try await t.client.get("/api/v1/assets/\(id)/versions?limit=2")
            #expect(history.json["items"]?.array.compactMap { $0["number"]?.int } == [3, 2])
            let cursor = try #require(history.json["next_cursor"]?.string)
            let rest = try await t.client.get("/api/v1/assets/\(id)/versions?limit=2&cursor=\(cursor)")
            #expect(rest.json["items"]?.array.compactMap { $0["number"]?.int } == [1])
            #expect(rest.json["next_cursor"]?.isNull == true)

            let detail = try await t.client.get("/api/v1/assets/\(id)")
            #expect(detail.json["latest_version"]?.int == 3)
            #expect(detail.json["latest"]?["number"]?.int == 3)
            #expect(try await t.client.get("/api/v1/assets/\(id)/versions/2").json["comment"]?.string == "regrade")
            #expect(try await t.client.get("/api/v1/assets/\(id)/versions/9").problemCode == "version_not_found")
        }
    }

    @Test("a version's status changes with If-Match, and the latest one's status is the asset's", arguments: TestDatabase.available)
    func status(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let id = try #require(try await t.client.createAsset(project: project, name: "Tree")["id"]?.string)
            let review = try await t.client.send(.PATCH, "/api/v1/assets/\(id)/versions/1", json: ["status": "review"], headers: ["If-Match": "\"r1\""])
            #expect(review.status == .ok)
            #expect(review.json["status"]?.string == "review")
            #expect(try await t.client.get("/api/v1/assets/\(id)").json["status"]?.string == "review")
            #expect(try await t.client.get("/api/v1/assets?status=review").json["items"]?.array.count == 1)

            let stale = try await t.client.send(.PATCH, "/api/v1/assets/\(id)/versions/1", json: ["status": "approved"], headers: ["If-Match": "\"r1\""])
            #expect(stale.status == .preconditionFailed)
            let bad = try await t.client.send(.PATCH, "/api/v1/assets/\(id)/versions/1", json: ["status": "done"], headers: ["If-Match": "*"])
            #expect(bad.problemCode == "validation_failed")
        }
    }

    @Test("reverting makes a new version with the old content, overwriting nothing", arguments: TestDatabase.available)
    func revert(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let first = Fixtures.bytes(300, seed: 1)
            let asset = try await t.client.createAsset(project: project, name: "Matte", files: [("m.png", first)], metadata: nil)
            let id = try #require(asset["id"]?.string)
            _ = try await t.client.addVersion(asset: id, files: [("m.png", Fixtures.bytes(300, seed: 2))])
            let reverted = try await t.client.send(.POST, "/api/v1/assets/\(id)/versions/1/revert", json: ["comment": "back to v1"])
            #expect(reverted.status == .created)
            #expect(reverted.json["number"]?.int == 3)
            #expect(reverted.json["reverted_from"]?.int == 1)
            #expect(reverted.json["files"]?[0]?["sha256"]?.string == Fixtures.sha256(first))
            let v2 = try await t.client.get("/api/v1/assets/\(id)/versions/2")
            #expect(v2.json["files"]?[0]?["sha256"]?.string == Fixtures.sha256(Fixtures.bytes(300, seed: 2)))
        }
    }

    @Test("a diff names the metadata, files and status that changed between two versions", arguments: TestDatabase.available)
    func diff(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let shared = Fixtures.bytes(50, seed: 7)
            let asset = try await t.client.createAsset(project: project, name: "Set", files: [("set.usda", Fixtures.bytes(50, seed: 1)), ("wood.png", shared), ("old.png", Fixtures.bytes(5))])
            let id = try #require(asset["id"]?.string)
            _ = try await t.client.send(.PATCH, "/api/v1/assets/\(id)/versions/1", json: ["status": "approved"], headers: ["If-Match": "*"])
            _ = try await t.client.addVersion(asset: id, files: [("set.usda", Fixtures.bytes(50, seed: 2)), ("wood.png", shared), ("new.png", Fixtures.bytes(6))],
                                              metadata: #"{"render": {"engine": "karma", "samples": 64}}"#)
            let diff = try await t.client.get("/api/v1/assets/\(id)/diff?from=1&to=2")
            #expect(diff.status == .ok)
            let files = try #require(diff.json["files"])
            #expect(files["added"]?.array.compactMap(\.string) == ["new.png"])
            #expect(files["removed"]?.array.compactMap(\.string) == ["old.png"])
            #expect(files["unchanged"]?.array.compactMap(\.string) == ["wood.png"])
            #expect(files["changed"]?[0]?["path"]?.string == "set.usda")
            #expect(diff.json["metadata"]?["added"]?["render"]?["engine"]?.string == "karma")
            #expect(diff.json["status"]?["from"]?.string == "approved")
            #expect(try await t.client.get("/api/v1/assets/\(id)/diff").json["to"]?.int == 2)
            #expect(try await t.client.get("/api/v1/assets/\(id)/diff?from=1&to=7").problemCode == "validation_failed")
        }
    }
}
