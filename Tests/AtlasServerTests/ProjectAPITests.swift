import AtlasCore
import AtlasTestSupport
import Testing
import Vapor

@Suite("Projects API")
struct ProjectAPITests {
    @Test("a created project can be read back, and its code is derived from its name", arguments: TestDatabase.available)
    func createAndGet(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let created = try await t.client.send(.POST, "/api/v1/projects", json: ["name": "Golden Hour", "description": "Feature, 2027"])
            #expect(created.status == .created)
            let id = try #require(created.json["id"]?.string)
            #expect(created.headers.first(name: .location) == "/api/v1/projects/\(id)")
            #expect(created.json["code"]?.string == "GOLDEN_HOUR")
            #expect(created.json["status"]?.string == "active")

            let read = try await t.client.get("/api/v1/projects/\(id)")
            #expect(read.status == .ok)
            #expect(read.json["name"]?.string == "Golden Hour")
            #expect(read.json["description"]?.string == "Feature, 2027")
            #expect(read.headers.first(name: .eTag) == "\"r1\"")
        }
    }

    @Test("two projects cannot share a code", arguments: TestDatabase.available)
    func codeIsUnique(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            _ = try await t.client.createProject("One", code: "GLD")
            let second = try await t.client.send(.POST, "/api/v1/projects", json: ["name": "Two", "code": "gld"])
            #expect(second.status == .conflict)
            #expect(second.problemCode == "project_code_taken")
        }
    }

    @Test("projects list newest first and page by cursor without repeats", arguments: TestDatabase.available)
    func listPaging(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            for index in 1...5 { _ = try await t.client.createProject("Project \(index)") }
            var names: [String] = []
            var cursor: String?
            repeat {
                let path = "/api/v1/projects?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await t.client.get(path)
                #expect(page.status == .ok)
                names += page.json["items"]?.array.compactMap { $0["name"]?.string } ?? []
                cursor = page.json["next_cursor"]?.string
            } while cursor != nil
            #expect(names == ["Project 5", "Project 4", "Project 3", "Project 2", "Project 1"])
        }
    }

    @Test("an update needs the current ETag: missing is 428, stale is 412", arguments: TestDatabase.available)
    func conditionalUpdate(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let id = try await t.client.createProject("Oldname")
            let missing = try await t.client.send(.PATCH, "/api/v1/projects/\(id)", json: ["name": "New"])
            #expect(missing.status == .preconditionRequired)
            #expect(missing.problemCode == "precondition_required")

            let updated = try await t.client.send(.PATCH, "/api/v1/projects/\(id)", json: ["name": "New", "metadata": ["fps": 24]],
                                                  headers: ["If-Match": "\"r1\""])
            #expect(updated.status == .ok)
            #expect(updated.json["name"]?.string == "New")
            #expect(updated.json["metadata"]?["fps"]?.int == 24)
            #expect(updated.headers.first(name: .eTag) == "\"r2\"")

            let stale = try await t.client.send(.PATCH, "/api/v1/projects/\(id)", json: ["name": "Lost"], headers: ["If-Match": "\"r1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.problemCode == "version_conflict")
            #expect(try await t.client.get("/api/v1/projects/\(id)").json["name"]?.string == "New")
        }
    }

    @Test("an archived project keeps its assets but takes no new ones until unarchived", arguments: TestDatabase.available)
    func archive(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let id = try await t.client.createProject("Wrapped Show")
            let asset = try await t.client.createAsset(project: id, name: "Hero rock", files: [("rock.obj", Fixtures.bytes(100))])
            let archived = try await t.client.send(.POST, "/api/v1/projects/\(id)/archive")
            #expect(archived.json["status"]?.string == "archived")
            #expect(try await t.client.get("/api/v1/assets/\(asset["id"]?.string ?? "")").status == .ok)

            let refused = try await t.client.send(.POST, "/api/v1/assets", json: ["project_id": .string(id), "name": "Late", "type": "plate"])
            #expect(refused.status == .conflict)
            #expect(refused.problemCode == "project_archived")

            let archivedList = try await t.client.get("/api/v1/projects?status=archived")
            #expect(archivedList.json["items"]?.array.count == 1)
            _ = try await t.client.send(.POST, "/api/v1/projects/\(id)/unarchive")
            let accepted = try await t.client.send(.POST, "/api/v1/assets", json: ["project_id": .string(id), "name": "Late", "type": "plate"])
            #expect(accepted.status == .created)
        }
    }

    @Test("bad project input is refused field by field", arguments: TestDatabase.available)
    func validation(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let empty = try await t.client.send(.POST, "/api/v1/projects", json: ["name": "   ", "code": "no spaces!"])
            #expect(empty.status == .badRequest)
            #expect(empty.problemCode == "validation_failed")
            let fields = empty.json["errors"]?.array.compactMap { $0["field"]?.string } ?? []
            #expect(Set(fields) == ["name", "code"])

            let long = try await t.client.send(.POST, "/api/v1/projects", json: ["name": .string(String(repeating: "x", count: 201))])
            #expect(long.problemCode == "validation_failed")
            let wrongType = try await t.client.send(.POST, "/api/v1/projects", json: ["name": 12])
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.json["errors"]?[0]?["field"]?.string == "name")
            let unknown = try await t.client.get("/api/v1/projects/\(UUID())")
            #expect(unknown.status == .notFound)
            #expect(unknown.problemCode == "project_not_found")
        }
    }
}
