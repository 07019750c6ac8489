import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP calls the benchmarks make to a running server, over one shared `HTTPClient`.
struct AtlasClient: Sendable {
    let http: HTTPClient
    /// `http://127.0.0.1:<port>`.
    let baseURL: String
    /// Sent as `Authorization: Bearer <key>` with every API request.
    let apiKey: String

    /// The same server, reached as the owner of another key.
    func authorized(as apiKey: String) -> AtlasClient {
        AtlasClient(http: http, baseURL: baseURL, apiKey: apiKey)
    }

    /// Bodies larger than this are refused; a page of 500 assets is far below it.
    static let maxResponseBytes = 64 * 1024 * 1024

    /// The shared client: a pool of 32 connections to the one server, so 32 concurrent workers
    /// each get a connection of their own instead of queuing for the default 8.
    static func makeHTTPClient(connections: Int) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(120),
                                             concurrentHTTP1ConnectionsPerHostSoftLimit: max(connections, 8))
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(300))
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Sends a request and returns the body, failing unless the status is one of `expect`.
    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, json: ByteBuffer? = nil,
              expect: [HTTPResponseStatus] = [.ok], timeout: TimeAmount = .seconds(120)) async throws -> ByteBuffer {
        var request = makeRequest(method, path)
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(json)
        }
        return try await execute(request, expect: expect, timeout: timeout)
    }

    /// Sends `value` encoded as JSON.
    @discardableResult
    func send<Body: Encodable>(_ method: HTTPMethod, _ path: String, encoding value: Body,
                               expect: [HTTPResponseStatus]) async throws -> ByteBuffer {
        try await send(method, path, json: Self.encode(value), expect: expect)
    }

    /// Streams the file at `path` as the raw body of `POST /api/v1/blobs`; returns its SHA-256.
    func uploadBlob(path: String) async throws -> String {
        let chunks = try FileChunks(path: path)
        var request = makeRequest(.POST, "/api/v1/blobs")
        request.headers.add(name: "Content-Type", value: "application/octet-stream")
        request.body = .stream(chunks, length: .known(chunks.size))
        let body = try await execute(request, expect: [.created, .ok], timeout: .minutes(30))
        let blob = try Self.decode(BlobReply.self, from: body)
        guard blob.size == chunks.size else {
            throw BenchError("the server stored \(blob.size) bytes of \(path), not \(chunks.size)")
        }
        return blob.sha256
    }

    /// Creates a project and returns its id.
    func createProject(name: String) async throws -> String {
        let body = try await send(.POST, "/api/v1/projects", encoding: ["name": name], expect: [.created])
        return try Self.decode(IDReply.self, from: body).id
    }

    /// True once the server answers `GET /healthz`.
    func isHealthy() async -> Bool {
        var request = HTTPClientRequest(url: baseURL + "/healthz")
        request.method = .GET
        guard let response = try? await http.execute(request, timeout: .seconds(2)) else { return false }
        _ = try? await response.body.collect(upTo: 4096)
        return response.status == .ok
    }

    /// A request to `path` carrying the API key.
    private func makeRequest(_ method: HTTPMethod, _ path: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        return request
    }

    private func execute(_ request: HTTPClientRequest, expect: [HTTPResponseStatus], timeout: TimeAmount) async throws -> ByteBuffer {
        let response = try await http.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: Self.maxResponseBytes)
        guard expect.contains(response.status) else {
            throw BenchError("\(request.method) \(request.url) answered \(response.status.code): \(String(buffer: body).prefix(400))")
        }
        return body
    }

    static func encode<Body: Encodable>(_ value: Body) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONEncoder().encode(value))
    }

    static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer) throws -> T {
        try JSONDecoder().decode(type, from: Data(body.readableBytesView))
    }

    struct IDReply: Decodable {
        var id: String
    }

    struct BlobReply: Decodable {
        var sha256: String
        var size: Int64
    }
}
