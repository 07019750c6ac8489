import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Dependencies API")
struct DependencyAPITests {
    /// Creates an asset and returns (asset id, version 1 id).
    private func asset(_ t: AtlasTestApp, _ project: String, _ name: String) async throws -> (String, String) {
        let json = try await t.client.createAsset(project: project, name: name)
        return (json["id"]?.string ?? "", json["latest"]?["id"]?.string ?? "")
    }

    @Test("dependencies are followed transitively, both ways, and stop at cycles", arguments: TestDatabase.available)
    func transitive(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let (shot, _) = try await asset(t, project, "Shot layout")
            let (set, setVersion) = try await asset(t, project, "Set")
            let (_, woodVersion) = try await asset(t, project, "Wood")
            let deps = "/api/v1/assets/\(shot)/versions/1/dependencies"
            #expect(try await t.client.send(.POST, deps, json: ["version_id": .string(setVersion), "kind": "sublayer"]).status == .created)
            #expect(try await t.client.send(.POST, "/api/v1/assets/\(set)/versions/1/dependencies", json: ["version_id": .string(woodVersion), "kind": "texture"]).status == .created)
            // Wood depends back on the shot: a cycle.
            let wood = try await t.client.get("/api/v1/assets?q=wood").json["items"]?[0]?["id"]?.string ?? ""
            #expect(try await t.client.send(.POST, "/api/v1/assets/\(wood)/versions/1/dependencies", json: ["asset_id": .string(shot)]).status == .created)

            let direct = try await t.client.get(deps)
            #expect(direct.json["items"]?.array.count == 1)
            #expect(direct.json["items"]?[0]?["target"]?["asset_name"]?.string == "Set")

            let all = try await t.client.get(deps + "?transitive=true")
            let steps = all.json["items"]?.array ?? []
            #expect(steps.compactMap { $0["target"]?["asset_name"]?.string } == ["Set", "Wood", "Shot layout"])
            #expect(steps.compactMap { $0["depth"]?.int } == [1, 2, 3])

            let dependents = try await t.client.get("/api/v1/assets/\(wood)/versions/1/dependencies?direction=dependents&transitive=true&max_depth=2")
            #expect(dependents.json["items"]?.array.compactMap { $0["source"]?["asset_name"]?.string } == ["Set", "Shot layout"])
        }
    }

    @Test("a dependency on something that does not exist is kept and reported as missing", arguments: TestDatabase.available)
    func missing(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let (shot, _) = try await asset(t, project, "Comp")
            let deps = "/api/v1/assets/\(shot)/versions/1/dependencies"
            let ghost = UUID().uuidString.lowercased()
            let byID = try await t.client.send(.POST, deps, json: ["version_id": .string(ghost)])
            #expect(byID.status == .created)
            #expect(byID.json["missing"]?.bool == true)
            #expect(byID.json["reference"]?.string == ghost)
            _ = try await t.client.send(.POST, deps, json: ["reference": "textures/missing_diffuse.1001.exr", "kind": "texture"])
            let listed = try await t.client.get(deps)
            #expect(listed.json["missing"]?.int == 2)
            #expect(listed.json["items"]?.array.allSatisfy { $0["target"]?.isNull ?? true } == true)

            let duplicate = try await t.client.send(.POST, deps, json: ["version_id": .string(ghost)])
            #expect(duplicate.problemCode == "dependency_exists")
            let neither = try await t.client.send(.POST, deps, json: ["kind": "texture"])
            #expect(neither.problemCode == "validation_failed")
            let id = try #require(byID.json["id"]?.string)
            #expect(try await t.client.send(.DELETE, deps + "/\(id)").status == .noContent)
            #expect(try await t.client.get(deps).json["missing"]?.int == 1)
        }
    }
}
