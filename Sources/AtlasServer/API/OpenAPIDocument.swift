import AtlasCore
import AtlasFormats
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
            "components": ["schemas": .object(nullableOptionals(OpenAPISchemas.all)), "securitySchemes": OpenAPISchemas.securitySchemes],
            "security": [["bearer": []], ["apiKey": []], ["session": []]],
        ]
    }

    /// The JSON request bodies, and the schemas they refer to.
    static var requestSchemas: Set<String> {
        var names: [String] = Endpoints.all.compactMap { endpoint in
            switch endpoint.body {
            case .json(let schema), .upload(let schema?): schema
            default: nil
            }
        }
        var found = Set<String>()
        while let name = names.popLast() {
            guard found.insert(name).inserted, let schema = OpenAPISchemas.all[name] else { continue }
            names += references(in: schema)
        }
        return found
    }

    /// The server decodes a JSON `null` in an optional request property as if it were absent
    /// (a `PATCH` leaves that field as it is), so the document says so: each optional property of
    /// a request body also allows `null`. Response schemas keep their exact types.
    static func nullableOptionals(_ schemas: [String: JSONValue]) -> [String: JSONValue] {
        var schemas = schemas
        for name in requestSchemas {
            guard case .object(var schema)? = schemas[name], case .object(var properties)? = schema["properties"] else { continue }
            var required = Set<String>()
            if case .array(let names)? = schema["required"] {
                for case .string(let name) in names { required.insert(name) }
            }
            for (key, property) in properties where !required.contains(key) {
                properties[key] = ["anyOf": [property, ["type": "null"]]]
            }
            schema["properties"] = .object(properties)
            schemas[name] = .object(schema)
        }
        return schemas
    }

    private static func references(in value: JSONValue) -> [String] {
        switch value {
        case .object(let members):
            var found = members.values.flatMap(references)
            if case .string(let ref)? = members["$ref"], let name = ref.split(separator: "/").last { found.append(String(name)) }
            return found
        case .array(let items): return items.flatMap(references)
        default: return []
        }
    }

    static func data() -> Data {
        (try? JSONCoding.encoder().encode(make())) ?? Data()
    }

    private static func operation(_ endpoint: Endpoint) -> JSONValue {
        var parameters: [JSONValue] = endpoint.pathParameters.map { name in
            ["name": .string(name), "in": "path", "required": true, "schema": pathSchemas[name] ?? ["type": "string"]]
        }
        parameters += endpoint.query.map { parameter in
            var schema: [String: JSONValue] = ["type": .string(parameter.type)]
            if let values = parameter.enumValues { schema["enum"] = .array(values.map { .string($0) }) }
            if parameter.type == "integer" {
                schema.merge(integerRange(of: parameter.name)) { _, bound in bound }
            }
            if parameter.name == "sha256" { schema["pattern"] = hexHash }
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

    /// JSON bodies a request may leave out altogether (`POST …/revert` with no body reverts with the default comment).
    /// Kept here until `Endpoint.RequestBody` says so itself.
    private static let optionalBodies: Set<String> = ["Revert"]

    /// A SHA-256 as the server reads it from a URL: 64 hexadecimal digits in either case.
    private static let hexHash: JSONValue = "^[0-9a-fA-F]{64}$"

    /// What a path parameter must look like, by name. A value of another shape names nothing: 404.
    private static let pathSchemas: [String: JSONValue] = [
        "project_id": OpenAPISchemas.uuid, "asset_id": OpenAPISchemas.uuid, "dependency_id": OpenAPISchemas.uuid,
        "user_id": OpenAPISchemas.uuid, "key_id": OpenAPISchemas.uuid,
        "number": ["type": "integer", "minimum": 1],
        "sha256": ["type": "string", "pattern": hexHash],
        "kind": OpenAPISchemas.enumeration(PreviewKind.allCases.map(\.rawValue)),
    ]

    /// The bounds the server holds an integer query parameter to (400 `validation_failed` outside them).
    /// Kept here until `Endpoint.QueryParameter` carries them itself.
    private static func integerRange(of name: String) -> [String: JSONValue] {
        switch name {
        case "limit": ["minimum": 1, "maximum": .number(Double(Paging.maxLimit))]
        case "max_depth": ["minimum": 1, "maximum": 50]
        case "from", "to": ["minimum": 1]
        case "input_pixels": ["minimum": 1, "maximum": .number(Double(AIToolController.maxInputPixels))]
        default: [:]
        }
    }

    private static func requestBody(_ endpoint: Endpoint) -> JSONValue? {
        switch endpoint.body {
        case .none:
            return nil
        case .json(let schema):
            return ["required": .bool(!optionalBodies.contains(schema)),
                    "content": ["application/json": ["schema": OpenAPISchemas.ref(schema)]]]
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
                case "Metrics": "text/plain"
                case "EventStream": "text/event-stream"
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
        case 202: "Accepted (a job was queued)"
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
