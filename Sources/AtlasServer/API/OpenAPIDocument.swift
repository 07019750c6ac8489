import AtlasCore
import Foundation

/// The OpenAPI 3.1 description of the API, generated from `Endpoints.all`.
///
/// Written as plain JSON values rather than with OpenAPIKit: the document is data derived from
/// the endpoint table, and OpenAPIKit's build cost (minutes and gigabytes on a 2-core CI machine)
/// buys nothing the route test does not already check.
enum OpenAPIDocument {
    static func make(version: String = AtlasVersion.current) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for endpoint in Endpoints.all {
            var item: [String: JSONValue] = paths[endpoint.path].flatMap { if case .object(let o) = $0 { o } else { nil } } ?? [:]
            item[endpoint.method.rawValue.lowercased()] = operation(endpoint)
            paths[endpoint.path] = .object(item)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Blacksmith Atlas API",
                "version": .string(version),
                "description": "Asset library, versions, search and files of a Blacksmith Atlas server. Errors are application/problem+json with a stable `code`.",
            ],
            "servers": [["url": "/"]],
            "paths": .object(paths),
            "components": ["schemas": .object(OpenAPISchemas.all), "securitySchemes": OpenAPISchemas.securitySchemes],
            "security": [["bearer": []], ["apiKey": []], ["session": []]],
        ]
    }

    static func data() -> Data {
        (try? JSONCoding.encoder().encode(make())) ?? Data()
    }

    private static func operation(_ endpoint: Endpoint) -> JSONValue {
        var parameters: [JSONValue] = endpoint.pathParameters.map { name in
            ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string"]]
        }
        parameters += endpoint.query.map { parameter in
            var schema: [String: JSONValue] = ["type": .string(parameter.type)]
            if let values = parameter.enumValues { schema["enum"] = .array(values.map { .string($0) }) }
            return ["name": .string(parameter.name), "in": "query", "required": false,
                    "description": .string(parameter.description), "schema": .object(schema)]
        }
        if endpoint.idempotent {
            parameters.append(["name": "Idempotency-Key", "in": "header", "required": false, "schema": ["type": "string", "maxLength": 255],
                               "description": "A retry with the same key returns the first response and creates nothing new."])
        }
        if endpoint.conditional {
            parameters.append(["name": "If-Match", "in": "header", "required": true, "schema": ["type": "string"],
                               "description": "The ETag you read; 412 if the object changed since, 428 if missing."])
        }
        var operation: [String: JSONValue] = [
            "operationId": .string(endpoint.operationID),
            "summary": .string(endpoint.summary),
            "tags": [.string(endpoint.group)],
            "parameters": .array(parameters),
            "responses": responses(endpoint),
            "x-atlas-action": .string(endpoint.action.rawValue),
        ]
        if PermissionTable.rule(for: endpoint.action) == .anyone { operation["security"] = [] }
        if let body = requestBody(endpoint) { operation["requestBody"] = body }
        return .object(operation)
    }

    private static func requestBody(_ endpoint: Endpoint) -> JSONValue? {
        switch endpoint.body {
        case .none:
            return nil
        case .json(let schema):
            return ["required": true, "content": ["application/json": ["schema": OpenAPISchemas.ref(schema)]]]
        case .upload(let schema?):
            return ["required": true, "content": [
                "application/json": ["schema": OpenAPISchemas.ref(schema)],
                "multipart/form-data": ["schema": OpenAPISchemas.ref(schema + "Upload")],
            ]]
        case .upload(nil):
            return ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]]
        case .form(let schema):
            return ["required": true, "content": ["application/x-www-form-urlencoded": ["schema": OpenAPISchemas.ref(schema)]]]
        case .media(let types):
            return ["required": true, "content": .object(Dictionary(uniqueKeysWithValues: types.map {
                ($0, ["schema": ["type": "string", "format": "binary"]] as JSONValue)
            }))]
        }
    }

    private static func responses(_ endpoint: Endpoint) -> JSONValue {
        var responses: [String: JSONValue] = [:]
        for (status, schema) in endpoint.responses {
            var response: [String: JSONValue] = ["description": .string(description(of: status))]
            if let schema {
                let type = switch schema {
                case "Binary": "application/octet-stream"
                case "Image": "image/*"
                case "HTML": "text/html"
                default: "application/json"
                }
                response["content"] = .object([type: ["schema": OpenAPISchemas.ref(schema)]])
            }
            responses[String(status)] = .object(response)
        }
        responses["default"] = ["description": "A problem", "content": ["application/problem+json": ["schema": OpenAPISchemas.ref("Problem")]]]
        return .object(responses)
    }

    private static func description(of status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No content"
        case 303: "See other (redirect)"
        case 206: "Partial content (Range)"
        case 304: "Not modified (If-None-Match)"
        case 404: "Not found"
        case 503: "Not ready"
        default: "Status \(status)"
        }
    }
}
