import AtlasCore
import Foundation
import NIOCore
import Vapor
import VaporTesting

/// Requests against an application in process, with JSON helpers.
public struct TestClient: Sendable {
    let app: Application
    /// Sent with every request unless the request sets the same header (credentials, above all).
    public var defaultHeaders: HTTPHeaders

    public init(app: Application, defaultHeaders: HTTPHeaders = [:]) {
        self.app = app
        self.defaultHeaders = defaultHeaders
    }

    /// A client that signs its requests with this bearer token or API key.
    public static func bearer(_ key: String, app: Application) -> TestClient {
        TestClient(app: app, defaultHeaders: ["Authorization": "Bearer \(key)"])
    }

    public func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> TestResponse {
        var all = headers
        for (name, value) in defaultHeaders where !all.contains(name: name) { all.add(name: name, value: value) }
        let response = try await app.testing().sendRequest(method, path, headers: all, body: body)
        return TestResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }

    public func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestResponse {
        try await send(.GET, path, headers: headers)
    }

    /// Sends `json` (any JSON value literal) with `Content-Type: application/json`.
    public func send(_ method: HTTPMethod, _ path: String, json: JSONValue, headers: HTTPHeaders = [:]) async throws -> TestResponse {
        var headers = headers
        headers.contentType = .json
        let data = try JSONEncoder().encode(json)
        return try await send(method, path, headers: headers, body: ByteBuffer(data: data))
    }

    /// Sends a `multipart/form-data` upload.
    public func upload(_ path: String, _ form: MultipartForm, method: HTTPMethod = .POST, headers: HTTPHeaders = [:]) async throws -> TestResponse {
        var headers = headers
        headers.replaceOrAdd(name: .contentType, value: form.contentType)
        return try await send(method, path, headers: headers, body: ByteBuffer(data: form.body))
    }
}

/// A response with its body, read as JSON on demand.
public struct TestResponse: Sendable {
    public let status: HTTPResponseStatus
    public let headers: HTTPHeaders
    public let body: Data

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as JSON; `.null` when it is not JSON.
    public var json: JSONValue { (try? JSONDecoder().decode(JSONValue.self, from: body)) ?? .null }

    /// The stable error code of a problem+json body.
    public var problemCode: String? { json["code"]?.string }
    public var isProblem: Bool { headers.first(name: .contentType) == "application/problem+json" }
}
