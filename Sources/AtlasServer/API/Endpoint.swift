import AtlasCore
import Vapor

/// One HTTP route of the API, declared once: registration, the OpenAPI document and the
/// route tests all read this declaration, so none of them can drift from the others.
struct Endpoint: Sendable {
    enum RequestBody: Sendable {
        case none
        /// A JSON body described by a schema in the OpenAPI components.
        case json(schema: String)
        /// A streamed upload: JSON naming stored blobs, or multipart with files, or a raw body.
        case upload(schema: String?)
        /// An HTML form (`application/x-www-form-urlencoded`).
        case form(schema: String)
        /// A raw streamed body of one of these media types.
        case media(types: [String])
    }

    struct QueryParameter: Sendable {
        var name: String
        var type: String
        var description: String
        var enumValues: [String]? = nil
    }

    let method: HTTPMethod
    /// OpenAPI-style path: `/api/v1/assets/{asset_id}`; a last segment `{path}` with `catchAll` takes the rest.
    let path: String
    let operationID: String
    let summary: String
    let group: String
    /// What the route does, as the permission table (`AtlasCore.PermissionTable`) knows it.
    let action: Action
    var query: [QueryParameter] = []
    var body: RequestBody = .none
    /// Status → response schema name (nil for an empty body).
    var responses: [Int: String?] = [200: nil]
    /// Accepts `Idempotency-Key`.
    var idempotent = false
    /// Requires `If-Match`.
    var conditional = false
    var catchAll = false

    /// Vapor path components: `{name}` → `:name`, a catch-all → `**`.
    var pathComponents: [PathComponent] {
        let parts = path.split(separator: "/").map(String.init)
        return parts.enumerated().map { index, part in
            guard part.hasPrefix("{"), part.hasSuffix("}") else { return .constant(part) }
            if catchAll && index == parts.count - 1 { return .catchall }
            return .parameter(String(part.dropFirst().dropLast()))
        }
    }

    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }
}

extension RoutesBuilder {
    /// Registers `endpoint` with the body strategy its declaration implies.
    @discardableResult
    func on(_ endpoint: Endpoint, use handler: @escaping @Sendable (Request) async throws -> Response) -> Route {
        let strategy: HTTPBodyStreamStrategy
        switch endpoint.body {
        case .none, .json, .form: strategy = .collect(maxSize: "4mb")
        case .upload, .media: strategy = .stream
        }
        return on(endpoint.method, endpoint.pathComponents, body: strategy) { request in
            try await request.admit(endpoint)
            let response = try await handler(request)
            if PermissionTable.rule(for: endpoint.action)?.isProjectScoped == true, !request.projectChecked {
                // A handler that forgot its membership check must not answer: fail closed, loudly.
                request.logger.critical("\(endpoint.operationID) answered without checking project membership")
                throw AtlasError.internalError(requestID: request.id)
            }
            return response
        }
    }
}
