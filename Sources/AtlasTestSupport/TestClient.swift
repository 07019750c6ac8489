import AtlasCore
import Foundation
import NIOCore
import Vapor
import VaporTesting

/// Requests against an application in process, with JSON helpers.
public struct TestClient: Sendable {
    let app: Application

    public func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> TestResponse {
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
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
