import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Errors are problem+json")
struct ProblemResponseTests {
    @Test("bad requests of every kind answer problem+json with a stable code and never a 500", arguments: TestDatabase.available)
    func everyErrorIsAProblem(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let asset = try #require(try await t.client.createAsset(project: project, name: "A")["id"]?.string)
            let requests: [(HTTPMethod, String, String?, String)] = [
                (.GET, "/api/v1/nowhere", nil, "route_not_found"),
                (.GET, "/api/v1/assets/\(UUID())", nil, "asset_not_found"),
                (.GET, "/api/v1/assets/not-a-uuid", nil, "asset_not_found"),
                (.GET, "/api/v1/assets/\(asset)/versions/0", nil, "version_not_found"),
                (.GET, "/api/v1/assets/\(asset)/versions/abc", nil, "version_not_found"),
                (.POST, "/api/v1/projects", "{\"name\": ", "invalid_json"),
                (.POST, "/api/v1/projects", "[1, 2]", "validation_failed"),
                (.POST, "/api/v1/projects", "{}", "validation_failed"),
                (.POST, "/api/v1/projects", "", "missing_body"),
                (.POST, "/api/v1/assets", "{\"project_id\": 5}", "validation_failed"),
                (.POST, "/api/v1/assets", "{\"name\": \"x\", \"type\": \"plate\", \"project_id\": \"\(project)\", \"metadata\": 3}", "validation_failed"),
                (.POST, "/api/v1/assets/\(asset)/tags", "{\"tags\": \"wood\"}", "validation_failed"),
                (.PATCH, "/api/v1/assets/\(asset)", "{\"name\": \"y\"}", "precondition_required"),
                (.GET, "/api/v1/assets?limit=-1", nil, "validation_failed"),
                (.GET, "/api/v1/assets/\(asset)/diff?from=x", nil, "validation_failed"),
                (.GET, "/api/v1/assets/\(asset)/versions/1/dependencies?direction=sideways", nil, "validation_failed"),
                (.POST, "/api/v1/assets/\(asset)/versions/1/dependencies", "{\"asset_id\": \"\(asset)\", \"version\": 1}", "validation_failed"),
            ]
            for (method, path, body, code) in requests {
                var headers = HTTPHeaders()
                if body != nil { headers.contentType = .json }
                let response = try await t.client.send(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
                #expect(response.isProblem, "\(method) \(path)")
                #expect(response.problemCode == code, "\(method) \(path): \(response.text)")
                #expect(response.status.code >= 400 && response.status.code < 500, "\(method) \(path)")
                #expect(response.json["status"]?.int == Int(response.status.code))
                #expect(response.json["title"]?.string?.isEmpty == false)
                #expect(response.json["detail"]?.string?.isEmpty == false)
            }
        }
    }
}
