import AtlasCore
import AtlasTestSupport
import Foundation
import NIOCore
import NIOPosix
import Testing
import Vapor

@Suite("Uploads cut off or too large, over a real socket, leave nothing behind")
struct UploadInterruptionTests {
    /// The two routes that stream an upload into staging.
    enum UploadRoute: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// `POST /api/v1/assets`, multipart/form-data with fields and a file part.
        case multipartAsset
        /// `POST /api/v1/blobs`, the raw bytes.
        case rawBlob

        var testDescription: String { rawValue }
    }

    @Test("A client that disconnects after 2 MB of a declared 20 MB upload leaves no asset, no stored blob and no staging file",
          .timeLimit(.minutes(1)), arguments: TestDatabase.available, UploadRoute.allCases)
    func disconnectMidway(database: TestDatabase, route: UploadRoute) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Interruptions")
            let upload = UploadBody(route, project: project, fileBytes: 2 * 1024 * 1024)
            try await withListeningServer(t) { port in
                try await withRawConnection(port: port) { _, outbound, _ in
                    try await outbound.write(ByteBuffer(string: upload.head(port: port, length: .declared(20 * 1024 * 1024), key: t.adminKey)))
                    try await outbound.write(ByteBuffer(data: upload.body))
                    // Only meaningful if the server is streaming the file when the client goes away.
                    let streaming = try await eventually { !TemporaryDirectory.files(under: t.blobDirectory + "/staging").isEmpty }
                    #expect(streaming, "the server never started staging the upload")
                }  // the connection closes here, 18 MB short
                let clean = try await eventually { try await isEmpty(t, project: project) }
                let remaining = try await leftovers(t, project: project)
                #expect(clean, "after the client went away: \(remaining)")
            }
        }
    }

    @Test("A chunked upload (no Content-Length) over ATLAS_MAX_UPLOAD_BYTES is answered 413 upload_too_large, leaves no staging file, and its connection stays usable",
          .timeLimit(.minutes(1)), arguments: TestDatabase.available, UploadRoute.allCases)
    func chunkedUploadOverLimit(database: TestDatabase, route: UploadRoute) async throws {
        let limit = 256 * 1024
        try await withAtlasApp(database, adjust: { $0.maxUploadBytes = Int64(limit) }) { t in
            let project = try await t.client.createProject("Interruptions")
            let upload = UploadBody(route, project: project, fileBytes: 4 * limit)
            try await withListeningServer(t) { port in
                let response = try await withRawConnection(port: port) { inbound, outbound, channel in
                    let sender = Task {
                        // The server may answer and close before everything is sent: write errors are expected.
                        do {
                            try await outbound.write(ByteBuffer(string: upload.head(port: port, length: .chunked, key: t.adminKey)))
                            var offset = 0
                            while offset < upload.body.count {
                                let end = min(offset + 64 * 1024, upload.body.count)
                                var chunk = ByteBuffer(string: String(end - offset, radix: 16) + "\r\n")
                                chunk.writeBytes(upload.body[offset..<end])
                                chunk.writeString("\r\n")
                                try await outbound.write(chunk)
                                offset = end
                            }
                            try await outbound.write(ByteBuffer(string: "0\r\n\r\n"))
                        } catch {}
                    }
                    defer { sender.cancel() }
                    var incoming = inbound.makeAsyncIterator()
                    let answer = try await readResponse(&incoming)
                    // The server read and dropped the rest of the refused body, so the connection
                    // is in step and answers the next request.
                    await sender.value
                    try await outbound.write(ByteBuffer(string: "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n"))
                    let next = try await readResponse(&incoming)
                    return (answer, next)
                }
                let (received, next) = response
                let answer = try #require(received, "the server closed the connection without answering")
                #expect(answer.status == 413)
                #expect(answer.headers["content-type"] == "application/problem+json")
                #expect(answer.connection.count == 1, "one Connection header, not \(answer.connection)")
                #expect(next?.status == 200, "the connection should answer a request after the refusal")
                let json = (try? JSONDecoder().decode(JSONValue.self, from: answer.body)) ?? .null
                #expect(json["code"]?.string == "upload_too_large", "body: \(String(decoding: answer.body, as: UTF8.self))")
                let clean = try await eventually { try await isEmpty(t, project: project) }
                let remaining = try await leftovers(t, project: project)
                #expect(clean, "after the refused upload: \(remaining)")
            }
        }
    }
}

// MARK: - The requests, written by hand

private enum DeclaredLength {
    case declared(Int)
    case chunked
}

/// The body of an upload on `route`: for a multipart asset, three fields and the start of a file
/// part (no closing boundary); for a blob, raw bytes.
private struct UploadBody {
    let route: UploadInterruptionTests.UploadRoute
    let body: Data
    let contentType: String

    init(_ route: UploadInterruptionTests.UploadRoute, project: String, fileBytes: Int) {
        self.route = route
        let content = Fixtures.bytes(fileBytes, seed: UInt64(fileBytes))
        switch route {
        case .multipartAsset:
            let form = MultipartForm().field("project_id", project).field("name", "cut off").field("type", "texture")
                .file("maps/cut_off.exr", content)
            // Without the part's closing CRLF and the final boundary: the file is still being sent.
            body = form.body.dropLast(2)
            contentType = form.contentType
        case .rawBlob:
            body = content
            contentType = "application/octet-stream"
        }
    }

    func head(port: Int, length: DeclaredLength, key: String) -> String {
        let path = route == .multipartAsset ? "/api/v1/assets" : "/api/v1/blobs"
        let framing: String
        switch length {
        case .declared(let bytes): framing = "Content-Length: \(bytes)"
        case .chunked: framing = "Transfer-Encoding: chunked"
        }
        return "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(key)\r\nContent-Type: \(contentType)\r\n\(framing)\r\n\r\n"
    }
}

// MARK: - A real socket

/// Serves `t.app` over HTTP on a free loopback port for the duration of `body`.
private func withListeningServer<T>(_ t: AtlasTestApp, _ body: (Int) async throws -> T) async throws -> T {
    let port = try await freeLoopbackPort()
    try await t.app.server.start(address: .hostname("127.0.0.1", port: port))
    do {
        let result = try await body(port)
        await t.app.server.shutdown()
        return result
    } catch {
        await t.app.server.shutdown()
        throw error
    }
}

/// A plain TCP connection to 127.0.0.1:`port`, closed when `body` returns or throws. A watchdog
/// closes it after 15 s, so no read can hang.
private func withRawConnection<T: Sendable>(
    port: Int,
    _ body: (NIOAsyncChannelInboundStream<ByteBuffer>, NIOAsyncChannelOutboundWriter<ByteBuffer>, any Channel) async throws -> T
) async throws -> T {
    let connection = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connectTimeout(.seconds(5))
        .connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
    let channel = connection.channel
    let watchdog = Task {
        try await Task.sleep(for: .seconds(15))
        try await channel.close()
    }
    defer { watchdog.cancel() }
    return try await connection.executeThenClose { inbound, outbound in
        try await body(inbound, outbound, channel)
    }
}

private struct RawResponse: Sendable {
    var status: Int
    /// Lower-cased names (the last value of a repeated header).
    var headers: [String: String]
    /// Every `Connection` header value, in order.
    var connection: [String]
    var body: Data
}

/// Reads one HTTP/1.1 response (Content-Length, chunked or up to EOF); nil if the connection ends before a status line.
private func readResponse(_ incoming: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) async throws -> RawResponse? {
    var received = Data()
    do {
        while let chunk = try await incoming.next() {
            received.append(contentsOf: chunk.readableBytesView)
            if let response = parseResponse(received, atEnd: false) { return response }
        }
    } catch {
        // A reset after the answer arrived still leaves the answer to parse.
    }
    return parseResponse(received, atEnd: true)
}

private func parseResponse(_ data: Data, atEnd: Bool) -> RawResponse? {
    guard let separator = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
    let lines = String(decoding: data[..<separator.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let statusParts = lines[0].split(separator: " ")
    guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
    var headers: [String: String] = [:]
    var connection: [String] = []
    for line in lines.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let name = line[..<colon].lowercased(), value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers[name] = value
        if name == "connection" { connection.append(value.lowercased()) }
    }
    let rest = Data(data[separator.upperBound...])
    if let text = headers["content-length"], let length = Int(text) {
        guard rest.count >= length else { return atEnd ? RawResponse(status: status, headers: headers, connection: connection, body: rest) : nil }
        return RawResponse(status: status, headers: headers, connection: connection, body: rest.prefix(length))
    }
    if headers["transfer-encoding"]?.lowercased() == "chunked" {
        var body = Data()
        var cursor = rest.startIndex
        while let lineEnd = rest[cursor...].firstRange(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: rest[cursor..<lineEnd.lowerBound], as: UTF8.self)
                .split(separator: ";").first ?? "", radix: 16) ?? 0
            if size == 0 { return RawResponse(status: status, headers: headers, connection: connection, body: body) }
            guard rest.distance(from: lineEnd.upperBound, to: rest.endIndex) >= size + 2 else { break }
            let start = lineEnd.upperBound
            body.append(rest[start..<rest.index(start, offsetBy: size)])
            cursor = rest.index(start, offsetBy: size + 2)
        }
        return atEnd ? RawResponse(status: status, headers: headers, connection: connection, body: body) : nil
    }
    return atEnd ? RawResponse(status: status, headers: headers, connection: connection, body: rest) : nil
}

// MARK: - What the store and the database hold

private func listedAssets(_ t: AtlasTestApp, project: String) async throws -> [String] {
    let response = try await t.client.get("/api/v1/assets?project_id=\(project)&limit=500")
    return response.json["items"]?.array.compactMap { $0["id"]?.string } ?? ["(listing failed: \(response.status))"]
}

/// No asset in the project, no stored blob, no staging file.
private func isEmpty(_ t: AtlasTestApp, project: String) async throws -> Bool {
    try await listedAssets(t, project: project).isEmpty
        && TemporaryDirectory.files(under: t.blobDirectory + "/sha256").isEmpty
        && TemporaryDirectory.files(under: t.blobDirectory + "/staging").isEmpty
}

private func leftovers(_ t: AtlasTestApp, project: String) async throws -> String {
    "assets \(try await listedAssets(t, project: project)), blobs \(TemporaryDirectory.files(under: t.blobDirectory + "/sha256")), "
        + "staging \(TemporaryDirectory.files(under: t.blobDirectory + "/staging"))"
}

/// Polls `condition` every 50 ms for up to `timeout`; whether it became true.
private func eventually(timeout: Duration = .seconds(5), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try await condition() { return true }
        guard ContinuousClock.now < deadline else { return false }
        try await Task.sleep(for: .milliseconds(50))
    }
}
