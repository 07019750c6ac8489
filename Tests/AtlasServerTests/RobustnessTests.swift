@testable import AtlasServer
import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("No input makes a server error")
struct RobustnessTests {
    /// Bodies of every wrong shape a client might send.
    static let bodies: [String?] = [
        nil, "", "null", "[]", "{}", "\"text\"", "12", "{\"name\": null}", "{\"name\": [1]}", "{\"tags\": {}}",
        "{\"files\": [{}]}", "{\"files\": \"x\"}", "{\"status\": 7}", "{\"metadata\": []}", "{\"version_id\": \"nope\"}",
        "{\"project_id\": \"\(UUID().uuidString)\", \"name\": \"x\", \"type\": \"plate\", \"files\": [{\"path\": \"a\", \"sha256\": \"\(String(repeating: "f", count: 64))\"}]}",
        String(repeating: "{", count: 5000), "\u{0}\u{1}binary\u{FF}",
    ]

    @Test("every endpoint answers junk with a 4xx problem, never a 5xx", arguments: TestDatabase.available)
    func junkEverywhere(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let asset = try #require(try await t.client.createAsset(project: project, name: "A", files: [("a.png", Fixtures.bytes(10))])["id"]?.string)
            let idChoices = [asset, project, UUID().uuidString, "not-an-id", "%00", String(repeating: "9", count: 300)]
            for endpoint in Endpoints.all {
                for (index, idChoice) in idChoices.enumerated() {
                    let path = endpoint.path.split(separator: "/").map { part -> String in
                        switch part {
                        case "{asset_id}": return index == 1 ? asset : idChoice
                        case "{project_id}": return index == 0 ? project : idChoice
                        case "{number}": return ["1", "0", "-3", "x", "99999999999999999999"][index % 5]
                        case "{path}": return ["a.png", "../../etc/passwd", "%2e%2e", "nope"][index % 4]
                        case "{tag}", "{sha256}", "{dependency_id}": return idChoice
                        default: return String(part)
                        }
                    }.joined(separator: "/")
                    for body in Self.bodies {
                        let query = ["", "?zzz=1", "?limit=abc&cursor=%%%", "?q=\(String(repeating: "a", count: 600))"][(index + (body?.count ?? 0)) % 4]
                        var headers = HTTPHeaders()
                        if body != nil { headers.contentType = .json }
                        if endpoint.conditional { headers.replaceOrAdd(name: .ifMatch, value: ["*", "\"r1\"", "garbage"][index % 3]) }
                        let response = try await t.client.send(endpoint.method, "/" + path + query, headers: headers,
                                                               body: body.map { ByteBuffer(string: $0) })
                        #expect(response.status.code < 500, "\(endpoint.method.rawValue) /\(path)\(query) body \(body ?? "nil"): \(response.text)")
                        if response.status.code >= 400 && endpoint.method != .HEAD {
                            if endpoint.path.hasPrefix("/api/") {
                                #expect(response.isProblem, "\(endpoint.method.rawValue) /\(path): \(response.text)")
                            } else {
                                // A page answers a person: with a page that says what went wrong.
                                #expect(response.headers.contentType?.subType == "html", "\(endpoint.method.rawValue) /\(path): \(response.text)")
                            }
                        }
                    }
                }
            }
        }
    }
}
