import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Assets API")
struct AssetAPITests {
    @Test("an asset uploaded with its files gets version 1 holding them", arguments: TestDatabase.available)
    func uploadCreatesFirstVersion(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let usd = Fixtures.bytes(5000, seed: 1), texture = Fixtures.bytes(7000, seed: 2)
            let form = MultipartForm()
                .field("project_id", project).field("name", "Hero chair").field("type", "geometry")
                .field("tags", "Furniture, hero").field("metadata", #"{"poly_count": 12000}"#).field("comment", "first pass")
                .file("chair.usda", usd).file("textures/oak.png", texture).finished
            let created = try await t.client.upload("/api/v1/assets", form)
            #expect(created.status == .created)
            let asset = created.json
            #expect(asset["name"]?.string == "Hero chair")
            #expect(asset["format"]?.string == "usda")
            #expect(asset["tags"]?.array.compactMap(\.string) == ["furniture", "hero"])
            #expect(asset["metadata"]?["poly_count"]?.int == 12000)
            #expect(asset["latest_version"]?.int == 1)
            let files = asset["latest"]?["files"]?.array ?? []
            #expect(files.compactMap { $0["path"]?.string } == ["chair.usda", "textures/oak.png"])
            #expect(files.first { $0["path"]?.string == "textures/oak.png" }?["sha256"]?.string == Fixtures.sha256(texture))
            #expect(asset["latest"]?["comment"]?.string == "first pass")
            #expect(created.headers.first(name: .location) == "/api/v1/assets/\(asset["id"]?.string ?? "")")
        }
    }

    @Test("an asset can be made from content the server already holds, sending no bytes", arguments: TestDatabase.available)
    func createFromStoredHashes(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let content = Fixtures.bytes(4096, seed: 9)
            let stored = try await t.client.send(.POST, "/api/v1/blobs", body: ByteBuffer(data: content))
            #expect(stored.status == .created)
            let hash = try #require(stored.json["sha256"]?.string)
            let created = try await t.client.send(.POST, "/api/v1/assets", json: [
                "project_id": .string(project), "name": "Plate A", "type": "plate",
                "files": [["path": "plate.1001.exr", "sha256": .string(hash)]],
            ])
            #expect(created.status == .created)
            #expect(created.json["latest"]?["files"]?[0]?["size"]?.int == 4096)

            let unknown = try await t.client.send(.POST, "/api/v1/assets", json: [
                "project_id": .string(project), "name": "Plate B", "type": "plate",
                "files": [["path": "b.exr", "sha256": .string(String(repeating: "ab", count: 32))]],
            ])
            #expect(unknown.status == .badRequest)
            #expect(unknown.json["errors"]?[0]?["field"]?.string == "files[0].sha256")
        }
    }

    @Test("identical content uploaded twice is stored once", arguments: TestDatabase.available)
    func deduplicates(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let content = Fixtures.bytes(10_000, seed: 3)
            _ = try await t.client.createAsset(project: project, name: "One", files: [("a.png", content)])
            _ = try await t.client.createAsset(project: project, name: "Two", files: [("b.png", content)])
            let stored = try FileManager.default.subpathsOfDirectory(atPath: t.blobDirectory + "/sha256")
                .filter { $0.split(separator: "/").count == 3 }
            #expect(stored.count == 1)
        }
    }

    @Test("asset updates need If-Match and change name, tags, description and metadata", arguments: TestDatabase.available)
    func update(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let asset = try await t.client.createAsset(project: project, name: "Rock", tags: ["stone"])
            let id = try #require(asset["id"]?.string)
            let etag = try #require(asset["etag"]?.string)
            let updated = try await t.client.send(.PATCH, "/api/v1/assets/\(id)", json: [
                "name": "Hero rock", "description": "mossy", "tags": ["Hero", "rock"], "metadata": ["lod": 2],
            ], headers: ["If-Match": etag])
            #expect(updated.status == .ok)
            #expect(updated.json["name"]?.string == "Hero rock")
            #expect(updated.json["tags"]?.array.compactMap(\.string) == ["hero", "rock"])
            #expect(updated.json["etag"]?.string != etag)

            let stale = try await t.client.send(.PATCH, "/api/v1/assets/\(id)", json: ["name": "x"], headers: ["If-Match": .init(etag)])
            #expect(stale.status == .preconditionFailed)
            let missing = try await t.client.send(.PATCH, "/api/v1/assets/\(id)", json: ["name": "x"])
            #expect(missing.status == .preconditionRequired)
            let badType = try await t.client.send(.PATCH, "/api/v1/assets/\(id)", json: ["type": "spaceship"], headers: ["If-Match": "*"])
            #expect(badType.problemCode == "validation_failed")
        }
    }

    @Test("a deleted asset leaves listings, refuses changes, and comes back on restore", arguments: TestDatabase.available)
    func softDelete(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let id = try #require(try await t.client.createAsset(project: project, name: "Temp")["id"]?.string)
            let deleted = try await t.client.send(.DELETE, "/api/v1/assets/\(id)")
            #expect(deleted.status == .ok)
            #expect(deleted.json["deleted_at"]?.string != nil)
            #expect(try await t.client.get("/api/v1/assets").json["items"]?.array.isEmpty == true)
            #expect(try await t.client.get("/api/v1/assets?deleted=true").json["items"]?.array.count == 1)

            let change = try await t.client.send(.PATCH, "/api/v1/assets/\(id)", json: ["name": "x"], headers: ["If-Match": "*"])
            #expect(change.problemCode == "asset_deleted")
            let again = try await t.client.send(.DELETE, "/api/v1/assets/\(id)")
            #expect(again.problemCode == "asset_deleted")

            let restored = try await t.client.send(.POST, "/api/v1/assets/\(id)/restore")
            #expect(restored.status == .ok)
            #expect(restored.json["deleted_at"]?.isNull == true)
            #expect(try await t.client.get("/api/v1/assets").json["items"]?.array.count == 1)
            #expect(try await t.client.send(.POST, "/api/v1/assets/\(id)/restore").problemCode == "asset_not_deleted")
        }
    }

    @Test("tags are added and removed one by one and counted across the library", arguments: TestDatabase.available)
    func tags(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let a = try #require(try await t.client.createAsset(project: project, name: "A", tags: ["wood"])["id"]?.string)
            _ = try await t.client.createAsset(project: project, name: "B", tags: ["wood", "metal"])
            let added = try await t.client.send(.POST, "/api/v1/assets/\(a)/tags", json: ["tags": ["Hero", "wood"]])
            #expect(added.json["tags"]?.array.compactMap(\.string) == ["hero", "wood"])

            let counts = try await t.client.get("/api/v1/tags")
            let pairs = counts.json["items"]?.array.map { ($0["tag"]?.string ?? "", $0["count"]?.int ?? 0) } ?? []
            #expect(pairs.map(\.0) == ["wood", "hero", "metal"])
            #expect(pairs.first?.1 == 2)

            let removed = try await t.client.send(.DELETE, "/api/v1/assets/\(a)/tags/hero")
            #expect(removed.json["tags"]?.array.compactMap(\.string) == ["wood"])
            #expect(try await t.client.send(.DELETE, "/api/v1/assets/\(a)/tags/hero").problemCode == "tag_not_found")
            #expect(try await t.client.get("/api/v1/tags?prefix=me").json["items"]?.array.count == 1)
        }
    }

    @Test("bad asset input is refused with every problem named", arguments: TestDatabase.available)
    func validation(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let bad = try await t.client.send(.POST, "/api/v1/assets", json: [
                "project_id": .string(project), "name": "", "type": "spaceship", "tags": ["ok", "no;semicolons"],
                "files": [["path": "../../etc/passwd", "sha256": "zz"]],
            ])
            #expect(bad.status == .badRequest)
            let fields = Set(bad.json["errors"]?.array.compactMap { $0["field"]?.string } ?? [])
            #expect(fields == ["name", "type", "tags[1]", "files[0].path", "files[0].sha256"])

            let noProject = try await t.client.send(.POST, "/api/v1/assets", json: ["project_id": .string(UUID().uuidString), "name": "x", "type": "plate"])
            #expect(noProject.problemCode == "project_not_found")
            let emptyFile = try await t.client.upload("/api/v1/assets", MultipartForm()
                .field("project_id", project).field("name", "x").field("type", "plate").file("empty.exr", Data()).finished)
            #expect(emptyFile.status == .badRequest)
            #expect(emptyFile.json["errors"]?[0]?["field"]?.string == "empty.exr")
            let evilName = try await t.client.upload("/api/v1/assets", MultipartForm()
                .field("project_id", project).field("name", "x").field("type", "plate").file("/etc/passwd", Fixtures.bytes(3)).finished)
            #expect(evilName.problemCode == "validation_failed")
            let text = try await t.client.send(.POST, "/api/v1/assets", headers: ["Content-Type": "text/plain"], body: ByteBuffer(string: "hi"))
            #expect(text.status == .unsupportedMediaType)
            #expect(text.problemCode == "unsupported_media_type")
        }
    }
}
