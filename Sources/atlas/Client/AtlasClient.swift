import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP calls `atlas ingest` and the benchmarks make to a running server, over one shared
/// `HTTPClient`. Failures are `AtlasClientError`s carrying the status and the problem's code.
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
    ///
    /// With `sha256`, the server refuses content that does not match it (a file changed while
    /// being read). `sent` is told the size of each chunk as it goes out, for progress.
    func uploadBlob(path: String, sha256: String? = nil,
                    sent: (@Sendable (Int) -> Void)? = nil) async throws -> String {
        let chunks = try FileChunks(path: path, sent: sent)
        var request = makeRequest(.POST, "/api/v1/blobs" + (sha256.map { "?sha256=\($0)" } ?? ""))
        request.headers.add(name: "Content-Type", value: "application/octet-stream")
        request.body = .stream(chunks, length: .known(chunks.size))
        let body = try await execute(request, expect: [.created, .ok], timeout: .minutes(30))
        let blob = try Self.decode(BlobReply.self, from: body)
        guard blob.size == chunks.size else {
            throw AtlasClientError("the server stored \(blob.size) bytes of \(path), not \(chunks.size)")
        }
        return blob.sha256
    }

    /// Whether the server holds content with this SHA-256 (`HEAD /api/v1/blobs/{sha256}`).
    func hasBlob(sha256: String) async throws -> Bool {
        let request = makeRequest(.HEAD, "/api/v1/blobs/\(sha256)")
        let response = try await perform(request, timeout: .seconds(60))
        switch response.status {
        case .ok: return true
        case .notFound: return false
        default: throw Self.failure(request, status: response.status, body: response.body)
        }
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
        let response = try await perform(request, timeout: timeout)
        guard expect.contains(response.status) else {
            throw Self.failure(request, status: response.status, body: response.body)
        }
        return response.body
    }

    /// Sends a request and collects the answer; a server that cannot be reached is an `AtlasClientError` too.
    private func perform(_ request: HTTPClientRequest, timeout: TimeAmount) async throws -> (status: HTTPResponseStatus, body: ByteBuffer) {
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: timeout)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as FileReadError {
            // The body's file failed, not the server.
            throw error
        } catch {
            // Connection refused, reset, timed out: say which server and call it was.
            throw AtlasClientError("\(request.method) \(request.url) failed: \(error)")
        }
        return (response.status, try await response.body.collect(upTo: Self.maxResponseBytes))
    }

    /// The error for an unexpected answer, with the problem's code and detail when it sent one.
    private static func failure(_ request: HTTPClientRequest, status: HTTPResponseStatus, body: ByteBuffer) -> AtlasClientError {
        let problem = try? decode(ProblemReply.self, from: body)
        let detail = problem?.detail ?? String(buffer: body).prefix(400).description
        return AtlasClientError(status: Int(status.code), code: problem?.code, detail: problem?.detail,
                                "\(request.method) \(request.url) answered \(status.code): \(detail)")
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

    struct ProblemReply: Decodable {
        var code: String?
        var detail: String?
    }

    struct BlobReply: Decodable {
        var sha256: String
        var size: Int64
    }
}
