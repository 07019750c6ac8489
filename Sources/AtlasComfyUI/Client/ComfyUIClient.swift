import AsyncHTTPClient
import AtlasCore
import Foundation
import NIOCore
import NIOHTTP1

/// Talks to one ComfyUI server over HTTP: the `/api/...` routes of PROTOCOL §2, with no `Origin`
/// header (ComfyUI answers 403 to a mismatched one) and the credentials of a proxy in front of it.
///
/// Calls throw `ComfyUIError`, or `CancellationError` when the calling task is cancelled.
public struct ComfyUIClient: Sendable {
    /// The server, e.g. `http://gpu-01:8188`; a path (behind a proxy) is kept as a prefix.
    public let baseURL: URL
    public let credentials: ComfyUICredentials?
    /// How long one request may take before the server counts as unreachable.
    public let requestTimeout: Duration
    let http: HTTPClient

    public init(baseURL: URL, credentials: ComfyUICredentials? = nil, httpClient: HTTPClient = .shared,
                requestTimeout: Duration = .seconds(30)) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.requestTimeout = requestTimeout
        self.http = httpClient
    }

    /// The server as named in errors and logs.
    public var serverName: String {
        baseURL.absoluteString
    }

    /// Sends one request to `/api<path>` and returns the whole reply, whatever its status.
    func send(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: ComfyUIRequestBody? = nil,
              timeout: Duration? = nil, maxBytes: Int = 256 << 20) async throws -> ComfyUIReply {
        var request = HTTPClientRequest(url: url(path, query: query))
        request.method = method
        if let (name, value) = credentials?.header { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: body.contentType)
            request.body = .bytes(body.bytes)
        }
        do {
            let response = try await http.execute(request, timeout: .duration(timeout ?? requestTimeout))
            let bytes = try await response.body.collect(upTo: maxBytes)
            return ComfyUIReply(status: Int(response.status.code), body: bytes)
        } catch {
            try Task.checkCancellation()
            throw ComfyUIError.unreachable(server: serverName, reason: Self.reason(error))
        }
    }

    /// `ws://…/ws?clientId=<id>` for this server.
    func webSocketURL(clientID: String) -> String {
        let base = trimmedBase.replacingOccurrences(of: "http", with: "ws", options: .anchored)
        return base + "/ws?clientId=" + ComfyUIQuery.encode(clientID)
    }

    /// The credentials as headers, for the WebSocket upgrade.
    var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        if let (name, value) = credentials?.header { headers.add(name: name, value: value) }
        return headers
    }

    private var trimmedBase: String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    private func url(_ path: String, query: [(String, String)]) -> String {
        let url = trimmedBase + "/api" + path
        return query.isEmpty ? url : url + "?" + ComfyUIQuery.string(query)
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "no answer in time"
            case .remoteConnectionClosed: return "the connection was closed"
            default: return String(describing: error)
            }
        }
        return String(describing: error)
    }
}

extension TimeAmount {
    /// A Swift `Duration` as NIO's time amount.
    static func duration(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
