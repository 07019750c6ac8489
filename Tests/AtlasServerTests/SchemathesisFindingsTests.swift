@testable import AtlasServer
import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

/// What schemathesis found against the running server (scripts/schemathesis), kept found.
@Suite("Schemathesis findings")
struct SchemathesisFindingsTests {
    @Test("A bad tag is a 400 problem naming it, never a 500")
    func badTagsAreClientErrors() async throws {
        try await withAtlasApp(.sqlite) { t in
            let project = try await t.client.createProject()
            let asset = try #require(try await t.client.createAsset(project: project, name: "A")["id"]?.string)
            let added = try await t.client.send(.POST, "/api/v1/assets/\(asset)/tags", json: ["tags": ["ok", ""]])
            #expect(added.status == .badRequest)
            #expect(added.isProblem)
            #expect(added.problemCode == "validation_failed")
            #expect(added.json["errors"]?[0]?["field"]?.string == "tags[1]")
            let removed = try await t.client.send(.DELETE, "/api/v1/assets/\(asset)/tags/f%C3%B6%18%C3%96")
            #expect(removed.status == .badRequest)
            #expect(removed.isProblem)
            #expect(removed.problemCode == "validation_failed")
        }
    }

    @Test("A FieldError thrown by a handler becomes validation_failed")
    func fieldErrorIsValidation() async throws {
        try await withAtlasApp(.sqlite) { t in
            let request = Request(application: t.app, on: t.app.eventLoopGroup.next())
            let problem = ProblemMiddleware.problem(for: FieldError(field: "name", message: "must not be empty"), request: request)
            #expect(problem == AtlasError.invalid("name", "must not be empty"))
        }
    }

    @Test("A path the API serves, asked with another method, is 405 with Allow; an unknown path is 404")
    func methodNotAllowed() async throws {
        try await withAtlasApp(.sqlite) { t in
            let projects = try await t.client.send(.PUT, "/api/v1/projects")
            #expect(projects.status == .methodNotAllowed)
            #expect(projects.isProblem)
            #expect(projects.problemCode == "method_not_allowed")
            #expect(projects.headers.first(name: .allow) == "GET, HEAD, POST")
            let blobs = try await t.client.send(.GET, "/api/v1/blobs")
            #expect(blobs.status == .methodNotAllowed)
            #expect(blobs.headers.first(name: .allow) == "POST")
            let file = try await t.client.send(.DELETE, "/api/v1/assets/\(UUID())/versions/1/files/a/b.exr")
            #expect(file.status == .methodNotAllowed)
            #expect(file.headers.first(name: .allow) == "GET, HEAD")
            let unknown = try await t.client.send(.GET, "/api/v1/nothing-here")
            #expect(unknown.status == .notFound)
            #expect(unknown.problemCode == "route_not_found")
            #expect(unknown.headers.first(name: .allow) == nil)
        }
    }

    @Test("An empty status filter is refused")
    func emptyFilter() async throws {
        try await withAtlasApp(.sqlite) { t in
            let response = try await t.client.get("/api/v1/projects?status=")
            #expect(response.status == .badRequest)
            #expect(response.problemCode == "validation_failed")
        }
    }

    @Test("The document says what the server accepts: null for optional request fields, an optional revert body, bounds")
    func documentMatchesServer() throws {
        let document = OpenAPIDocument.make()
        let schemas = try #require(document["components"]?["schemas"])
        // Optional request properties may be null (read as absent); required ones and responses keep their types.
        #expect(schemas["CreateProject"]?["properties"]?["code"]?["anyOf"]?[1] == ["type": "null"])
        #expect(schemas["CreateProject"]?["properties"]?["name"] == ["type": "string"])
        #expect(schemas["FileReference"]?["properties"]?["path"] == ["type": "string"])
        #expect(schemas["Project"]?["properties"]?["code"] == ["type": "string"])

        let paths = try #require(document["paths"])
        #expect(paths["/api/v1/assets/{asset_id}/versions/{number}/revert"]?["post"]?["requestBody"]?["required"] == false)
        #expect(paths["/api/v1/projects"]?["post"]?["requestBody"]?["required"] == true)
        let listing = paths["/api/v1/projects"]?["get"]?["parameters"]?.array.first { $0["name"]?.string == "limit" }
        #expect(listing?["schema"]?["minimum"] == 1)
        #expect(listing?["schema"]?["maximum"] == 500)
        let asset = paths["/api/v1/assets/{asset_id}"]?["get"]?["parameters"]?[0]
        #expect(asset?["schema"]?["format"] == "uuid")
    }

    @Test("The request schemas are the JSON bodies and what they refer to, and nothing else")
    func requestSchemas() {
        let names = OpenAPIDocument.requestSchemas
        #expect(names.isSuperset(of: ["CreateProject", "UpdateProject", "CreateAsset", "FileReference", "Revert", "AddDependency"]))
        #expect(names.isDisjoint(with: ["Project", "Asset", "Version", "File", "Problem"]))
    }
}
