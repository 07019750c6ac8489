import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Asset listing and search")
struct SearchAPITests {
    /// A small library: two projects, assets of several types, tags and metadata.
    private func seed(_ t: AtlasTestApp) async throws -> (show: String, other: String) {
        let show = try await t.client.createProject("Show")
        let other = try await t.client.createProject("Other")
        _ = try await t.client.createAsset(project: show, name: "Oak chair", type: "geometry", files: [("chair.obj", Fixtures.bytes(10, seed: 1))], tags: ["wood", "furniture"])
        _ = try await t.client.createAsset(project: show, name: "Oak planks", type: "texture", files: [("planks.png", Fixtures.bytes(10, seed: 2))], tags: ["wood"])
        _ = try await t.client.createAsset(project: show, name: "Table", type: "geometry", files: [("table.fbx", Fixtures.bytes(10, seed: 3))],
                                           tags: ["furniture"], description: "walnut and oak veneer")
        _ = try await t.client.createAsset(project: show, name: "Smoke plume", type: "plate", files: [("smoke.1001.exr", Fixtures.bytes(10, seed: 4))],
                                           metadata: #"{"camera": "ARRI Alexa", "fps": 24}"#)
        _ = try await t.client.createAsset(project: other, name: "Oak tree", type: "geometry", files: [("tree.usd", Fixtures.bytes(10, seed: 5))], tags: ["wood"])
        return (show, other)
    }

    private func names(_ response: TestResponse) -> [String] {
        response.json["items"]?.array.compactMap { $0["name"]?.string } ?? []
    }

    @Test("full text finds words in name, tags, description and metadata, best matches first", arguments: TestDatabase.available)
    func fullText(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            _ = try await seed(t)
            let oak = names(try await t.client.get("/api/v1/assets?q=oak"))
            #expect(Set(oak) == ["Oak chair", "Oak planks", "Table", "Oak tree"])
            #expect(oak.last == "Table")  // only its description says oak
            #expect(names(try await t.client.get("/api/v1/assets?q=alexa")) == ["Smoke plume"])
            #expect(names(try await t.client.get("/api/v1/assets?q=furn")).count == 2)  // prefix of a tag
            #expect(names(try await t.client.get("/api/v1/assets?q=oak+chair")) == ["Oak chair"])
            #expect(names(try await t.client.get("/api/v1/assets?q=smoke.1001")) == ["Smoke plume"])  // file names are searchable
            #expect(names(try await t.client.get("/api/v1/assets?q=%22%2A%29")).isEmpty)  // punctuation only matches nothing
        }
    }

    @Test("search combines with filters on project, type, format, tag, status and dates", arguments: TestDatabase.available)
    func filters(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let (show, other) = try await seed(t)
            #expect(Set(names(try await t.client.get("/api/v1/assets?q=oak&type=geometry"))) == ["Oak chair", "Table", "Oak tree"])
            #expect(Set(names(try await t.client.get("/api/v1/assets?q=oak&project_id=\(other)"))) == ["Oak tree"])
            #expect(names(try await t.client.get("/api/v1/assets?project_id=\(show)")).count == 4)
            #expect(Set(names(try await t.client.get("/api/v1/assets?tag=wood&tag=furniture"))) == ["Oak chair"])
            #expect(Set(names(try await t.client.get("/api/v1/assets?format=exr,usd"))) == ["Smoke plume", "Oak tree"])
            #expect(names(try await t.client.get("/api/v1/assets?type=plate,texture&sort=name")) == ["Oak planks", "Smoke plume"])
            #expect(names(try await t.client.get("/api/v1/assets?status=approved")).isEmpty)
            #expect(names(try await t.client.get("/api/v1/assets?created_after=2000-01-01&created_before=2100-01-01")).count == 5)
            #expect(names(try await t.client.get("/api/v1/assets?created_before=2000-01-01")).isEmpty)
        }
    }

    @Test("search filters by values with underscores and spaces, and finds deleted assets only when asked", arguments: TestDatabase.available)
    func filterValues(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            _ = try await t.client.createAsset(project: project, name: "Studio dome", type: "light_rig", tags: ["hero shot", "hdri"])
            _ = try await t.client.createAsset(project: project, name: "Studio floor", type: "geometry", tags: ["hero"])
            let gone = try #require(try await t.client.createAsset(project: project, name: "Studio wall", type: "light_rig")["id"]?.string)
            _ = try await t.client.send(.DELETE, "/api/v1/assets/\(gone)")
            #expect(names(try await t.client.get("/api/v1/assets?q=studio&type=light_rig")) == ["Studio dome"])
            #expect(names(try await t.client.get("/api/v1/assets?q=studio&tag=hero%20shot")) == ["Studio dome"])
            #expect(names(try await t.client.get("/api/v1/assets?q=studio&tag=hero")) == ["Studio floor"])
            #expect(names(try await t.client.get("/api/v1/assets?q=studio&deleted=true")) == ["Studio wall"])
            #expect(names(try await t.client.get("/api/v1/assets?q=studio&format=exr")).isEmpty)
            #expect(Set(names(try await t.client.get("/api/v1/assets?q=studio&project_id=\(project)"))).count == 2)
            // Status changes reach the index too.
            let dome = try #require(try await t.client.get("/api/v1/assets?q=dome").json["items"]?[0]?["id"]?.string)
            _ = try await t.client.send(.PATCH, "/api/v1/assets/\(dome)/versions/1", json: ["status": "approved"], headers: ["If-Match": "*"])
            #expect(names(try await t.client.get("/api/v1/assets?q=studio&status=approved")) == ["Studio dome"])
        }
    }

    @Test("facets count the matches by type, format, tag, status and project", arguments: TestDatabase.available)
    func facets(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let (show, _) = try await seed(t)
            let response = try await t.client.get("/api/v1/assets?q=oak&facets=true")
            let facets = try #require(response.json["facets"])
            func counts(_ name: String) -> [String: Int] {
                Dictionary(uniqueKeysWithValues: facets[name]?.array.map { ($0["value"]?.string ?? "", $0["count"]?.int ?? 0) } ?? [])
            }
            #expect(counts("type") == ["geometry": 3, "texture": 1])
            #expect(counts("tag") == ["wood": 3, "furniture": 2])
            #expect(counts("status") == ["wip": 4])
            #expect(counts("project")[show] == 3)
            #expect(counts("format") == ["obj": 1, "png": 1, "fbx": 1, "usd": 1])
            #expect(try await t.client.get("/api/v1/assets?facets=type").json["facets"]?["tag"] == nil)
            #expect(try await t.client.get("/api/v1/assets").json["facets"] == nil)
        }
    }

    @Test("every sort pages through all assets exactly once by cursor", arguments: TestDatabase.available)
    func paging(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            for index in 0..<7 {
                _ = try await t.client.createAsset(project: project, name: "Asset \(["b", "a", "c", "a", "d", "e", "a"][index]) \(index)")
            }
            for sort in ["created_at", "-created_at", "updated_at", "-updated_at", "name", "-name"] {
                var seen: [String] = []
                var cursor: String?
                repeat {
                    let page = try await t.client.get("/api/v1/assets?limit=3&sort=\(sort)" + (cursor.map { "&cursor=\($0)" } ?? ""))
                    #expect(page.status == .ok)
                    seen += names(page)
                    cursor = page.json["next_cursor"]?.string
                } while cursor != nil
                #expect(seen.count == 7, "sort \(sort)")
                #expect(Set(seen).count == 7, "sort \(sort)")
                if sort == "name" { #expect(seen == seen.sorted()) }
                if sort == "-name" { #expect(seen == seen.sorted().reversed()) }
                if sort == "created_at" { #expect(seen.first == "Asset b 0") }
            }
            var relevance: [String] = []
            var cursor: String?
            repeat {
                let page = try await t.client.get("/api/v1/assets?q=asset&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""))
                relevance += names(page)
                cursor = page.json["next_cursor"]?.string
            } while cursor != nil
            #expect(Set(relevance).count == 7)
        }
    }

    @Test("unknown parameters, values, sorts and cursors are refused, never ignored", arguments: TestDatabase.available)
    func badListings(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            #expect(try await t.client.get("/api/v1/assets?colour=red").problemCode == "unknown_parameter")
            #expect(try await t.client.get("/api/v1/assets?type=spaceship").problemCode == "validation_failed")
            #expect(try await t.client.get("/api/v1/assets?sort=size").problemCode == "validation_failed")
            #expect(try await t.client.get("/api/v1/assets?sort=relevance").problemCode == "validation_failed")
            #expect(try await t.client.get("/api/v1/assets?limit=501").problemCode == "validation_failed")
            #expect(try await t.client.get("/api/v1/assets?created_after=yesterday").problemCode == "validation_failed")
            #expect(try await t.client.get("/api/v1/assets?cursor=garbage").problemCode == "invalid_cursor")
            #expect(try await t.client.get("/api/v1/assets?project_id=nope").problemCode == "validation_failed")
            let project = try await t.client.createProject()
            for index in 0..<3 { _ = try await t.client.createAsset(project: project, name: "A\(index)") }
            let cursor = try #require(try await t.client.get("/api/v1/assets?limit=1&sort=name").json["next_cursor"]?.string)
            #expect(try await t.client.get("/api/v1/assets?limit=1&sort=-name&cursor=\(cursor)").problemCode == "invalid_cursor")
        }
    }
}
