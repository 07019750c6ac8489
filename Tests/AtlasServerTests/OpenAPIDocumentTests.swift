import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test("every registered route is described in the OpenAPI 3.1 document")
    func everyRouteDescribed() async throws {
        try await withAtlasApp(.sqlite) { t in
            let response = try await t.client.get("/api/v1/openapi.json")
            #expect(response.status == .ok)
            #expect(response.json["openapi"]?.string == "3.1.0")
            let paths = try #require(response.json["paths"])
            for route in t.app.routes.all {
                let path = route.documentedPath
                let operation = paths[path]?[route.method.rawValue.lowercased()]
                #expect(operation != nil, "\(route.method.rawValue) \(path) is registered but not in the OpenAPI document")
                #expect(operation?["operationId"]?.string?.isEmpty == false)
            }
        }
    }

    @Test("every schema the document refers to is defined in it")
    func referencesResolve() async throws {
        try await withAtlasApp(.sqlite) { t in
            let document = try await t.client.get("/api/v1/openapi.json")
            let schemas = try #require(document.json["components"]?["schemas"])
            var references: [String] = []
            func collect(_ value: JSONValue) {
                switch value {
                case .object(let members):
                    if let ref = members["$ref"]?.string { references.append(ref) }
                    members.values.forEach(collect)
                case .array(let items): items.forEach(collect)
                default: break
                }
            }
            collect(document.json)
            #expect(!references.isEmpty)
            for reference in references {
                let name = String(reference.split(separator: "/").last ?? "")
                #expect(schemas[name] != nil, "\(reference) is not defined")
            }
        }
    }
}
