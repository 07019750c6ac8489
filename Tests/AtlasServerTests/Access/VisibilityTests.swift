import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Project membership decides what a non-administrator sees")
struct VisibilityTests {
    @Test("Lists, search, facets and tags return only the caller's projects; another project's asset is 'not found'",
          arguments: TestDatabase.available)
    func listsOnlyShowMemberProjects(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let ours = try await t.client.createProject("Ours", code: "OURS")
            let theirs = try await t.client.createProject("Theirs", code: "THEIRS")
            let mine = try await t.client.createAsset(project: ours, name: "oak bark", tags: ["wood", "ours"])
            let hidden = try await t.client.createAsset(project: theirs, name: "oak leaves", tags: ["wood", "secret"])
            let artist = try await t.makeAccount("ivy", role: .artist, memberOf: [ours])

            let projects = try await artist.client.get("/api/v1/projects").json["items"]?.array.compactMap { $0["id"]?.string }
            #expect(projects == [ours])
            let listed = try await artist.client.get("/api/v1/assets").json["items"]?.array.compactMap { $0["id"]?.string }
            #expect(listed == [mine["id"]?.string].compactMap { $0 })
            let searched = try await artist.client.get("/api/v1/assets?q=oak&facets=project,tag")
            #expect(searched.json["items"]?.array.compactMap { $0["id"]?.string } == [mine["id"]?.string].compactMap { $0 })
            #expect(!searched.text.contains(theirs) && !searched.text.contains("secret"))
            let asked = try await artist.client.get("/api/v1/assets?project_id=\(theirs)")
            #expect(asked.status == .ok && asked.json["items"]?.array.isEmpty == true)
            let tags = try await artist.client.get("/api/v1/tags").json["items"]?.array.compactMap { $0["tag"]?.string } ?? []
            #expect(Set(tags) == ["wood", "ours"])

            let other = try await artist.client.get("/api/v1/assets/\(hidden["id"]?.string ?? "")")
            #expect(other.status == .notFound && other.problemCode == "asset_not_found")
            #expect(try await artist.client.get("/api/v1/projects/\(theirs)").status == .notFound)

            let admin = try await t.client.get("/api/v1/assets").json["items"]?.array.count
            #expect(admin == 2, "administrators see every project")
        }
    }

    @Test("A Client sees an asset's status and preview but gets 403 on its source file", arguments: TestDatabase.available)
    func clientSeesPreviewNotSource(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Review", code: "REV")
            let asset = try await t.client.createAsset(project: project, name: "hero plate", files: [("plate.exr", Data("exr".utf8))])
            let id = try #require(asset["id"]?.string)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
            let put = try await t.client.send(.PUT, "/api/v1/assets/\(id)/versions/1/preview", headers: ["Content-Type": "image/png"],
                                              body: ByteBuffer(data: png))
            #expect(put.status == .noContent)
            let client = try await t.makeAccount("studio-client", role: .client, memberOf: [project])

            let seen = try await client.client.get("/api/v1/assets/\(id)")
            #expect(seen.status == .ok && seen.json["status"]?.string == "wip")
            let preview = try await client.client.get("/api/v1/assets/\(id)/versions/1/preview")
            #expect(preview.status == .ok && preview.body == png)
            #expect(preview.headers.contentType?.subType == "png")
            let source = try await client.client.get("/api/v1/assets/\(id)/versions/1/files/plate.exr")
            #expect(source.status == .forbidden && source.problemCode == "permission_denied")
            #expect(try await client.client.get("/api/v1/assets/\(id)/versions/1/dependencies").status == .forbidden)
            #expect(try await client.client.get("/api/v1/users").status == .forbidden)
            #expect(try await client.client.get("/api/v1/audit").status == .forbidden)

            let wrongType = try await t.client.send(.PUT, "/api/v1/assets/\(id)/versions/1/preview", headers: ["Content-Type": "text/plain"],
                                                    body: ByteBuffer(string: "hi"))
            #expect(wrongType.status == .unsupportedMediaType)
        }
    }

    @Test("A producer who creates a project becomes its member and adds others; an artist cannot add members",
          arguments: TestDatabase.available)
    func producersRunTheirProjects(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let producer = try await t.makeAccount("pat", role: .producer)
            let artist = try await t.makeAccount("art", role: .artist)
            let created = try await producer.client.send(.POST, "/api/v1/projects", json: ["name": "New Show"])
            #expect(created.status == .created)
            let project = try #require(created.json["id"]?.string)
            #expect(created.json["created_by"]?.string == producer.id, "created_by is the account")
            #expect(try await artist.client.get("/api/v1/projects/\(project)").status == .notFound)
            let added = try await producer.client.send(.POST, "/api/v1/projects/\(project)/members", json: ["username": "art"])
            #expect(added.status == .created)
            #expect(try await producer.client.send(.POST, "/api/v1/projects/\(project)/members", json: ["username": "art"]).status == .ok)
            #expect(try await artist.client.get("/api/v1/projects/\(project)").status == .ok)
            let members = try await artist.client.get("/api/v1/projects/\(project)/members").json["items"]?.array.compactMap { $0["username"]?.string }
            #expect(members == ["art", "pat"])
            let refused = try await artist.client.send(.POST, "/api/v1/projects/\(project)/members", json: ["username": "admin"])
            #expect(refused.status == .forbidden)
            let asset = try await artist.client.createAsset(project: project, name: "made by art")
            #expect(asset["created_by"]?.string == artist.id)
            #expect(try await producer.client.send(.DELETE, "/api/v1/projects/\(project)/members/\(artist.id)").status == .noContent)
            #expect(try await artist.client.get("/api/v1/projects/\(project)").status == .notFound)
        }
    }

    @Test("An Idempotency-Key belongs to its account: another account's retry with the same key is not answered from it",
          arguments: TestDatabase.available)
    func idempotencyKeysPerAccount(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let producer = try await t.makeAccount("prod", role: .producer)
            let first = try await t.client.send(.POST, "/api/v1/projects", json: ["name": "Keyed A"], headers: ["Idempotency-Key": "k1"])
            let second = try await producer.client.send(.POST, "/api/v1/projects", json: ["name": "Keyed A", "code": "KEYEDB"],
                                                        headers: ["Idempotency-Key": "k1"])
            #expect(first.status == .created && second.status == .created)
            #expect(first.json["id"] != second.json["id"])
        }
    }
}

@Suite("Dependencies across projects")
struct CrossProjectDependencyTests {
    @Test("A dependency on another project's asset shows its reference but not the asset to those outside that project",
          arguments: TestDatabase.available)
    func hiddenTarget(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let ours = try await t.client.createProject("Ours", code: "OURS")
            let theirs = try await t.client.createProject("Theirs", code: "THEIRS")
            let shot = try #require(try await t.client.createAsset(project: ours, name: "shot comp")["id"]?.string)
            let secret = try #require(try await t.client.createAsset(project: theirs, name: "secret hero")["id"]?.string)
            let added = try await t.client.send(.POST, "/api/v1/assets/\(shot)/versions/1/dependencies", json: ["asset_id": .string(secret)])
            #expect(added.status == .created)
            let artist = try await t.makeAccount("ren", role: .artist, memberOf: [ours])
            let seen = try await artist.client.get("/api/v1/assets/\(shot)/versions/1/dependencies")
            #expect(seen.status == .ok && seen.json["items"]?.array.count == 1)
            #expect(seen.json["items"]?[0]?["target"]?.isNull == true && !seen.text.contains("secret hero"))
            let admin = try await t.client.get("/api/v1/assets/\(shot)/versions/1/dependencies")
            #expect(admin.json["items"]?[0]?["target"]?["asset_name"]?.string == "secret hero")
        }
    }
}

@Suite("Membership under concurrency")
struct ConcurrentMembershipTests {
    @Test("Adding the same member from eight requests at once adds them once: one 201, the rest 200, no server error",
          arguments: TestDatabase.available)
    func sameMemberAtOnce(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Crowded", code: "CROWD")
            _ = try await t.makeAccount("kai", role: .artist)
            let client = t.client
            let statuses = await withTaskGroup(of: UInt.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        (try? await client.send(.POST, "/api/v1/projects/\(project)/members", json: ["username": "kai"]))?.status.code ?? 0
                    }
                }
                return await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1 && statuses.filter { $0 == 200 }.count == 7, "\(statuses)")
            let audited = try await t.client.get("/api/v1/audit?action=addMember").json["items"]?.array.count
            #expect(audited == 1)
        }
    }
}
