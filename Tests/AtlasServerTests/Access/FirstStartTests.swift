import AsyncHTTPClient
import AtlasCore
import AtlasTestSupport
import Foundation
import NIOCore
import Testing

@Suite("First start: the one-time setup link creates the first administrator")
struct FirstStartTests {
    @Test("atlas serve with no account prints a setup link; its token creates the administrator once, and only with a good password",
          .timeLimit(.minutes(2)))
    func setupThroughTheAPI() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let server = try await AtlasProcess.serve(dataDirectory: folder.path, administrator: false)
        defer { server.kill() }
        let token = try #require(setupToken(in: server), "no setup link in:\n\(server.logTail())")

        let page = try await send(server, "GET", "/setup?token=\(token)")
        #expect(page.status == 200 && page.text.contains("<form") && page.text.contains(token))
        #expect(try await setup(server, token: "wrong", password: "long enough password").status == 403)
        let weak = try await setup(server, token: token, password: "short")
        #expect(weak.status == 400, "a refused password does not use up the token")
        let made = try await setup(server, token: token, password: "long enough password")
        #expect(made.status == 201, "\(made.text)")
        #expect(made.json["role"]?.string == "administrator")
        let again = try await setup(server, token: token, password: "long enough password")
        #expect(again.status == 409 && again.json["code"]?.string == "already_set_up")
        let signedIn = try await send(server, "POST", "/api/v1/auth/token", json: #"{"username": "root", "password": "long enough password"}"#)
        #expect(signedIn.status == 201)
    }

    @Test("The setup page's form creates the administrator, signs them in with a session cookie and redirects to /",
          .timeLimit(.minutes(2)))
    func setupThroughThePage() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let server = try await AtlasProcess.serve(dataDirectory: folder.path, administrator: false)
        defer { server.kill() }
        let token = try #require(setupToken(in: server))
        let form = "token=\(token)&username=boss&display_name=The+Boss&password=a+long+enough+password"
        let submitted = try await send(server, "POST", "/setup", body: form, contentType: "application/x-www-form-urlencoded")
        #expect(submitted.status == 303 && submitted.headers["location"] == "/")
        #expect(submitted.headers["set-cookie"]?.contains("atlas_session=") == true)
        let page = try await send(server, "GET", "/setup")
        #expect(page.text.contains("is set up"))
    }

    @Test("Once `atlas user create` made an administrator, the setup link no longer works", .timeLimit(.minutes(2)))
    func setupRefusedAfterShellCreation() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let first = try await AtlasProcess.serve(dataDirectory: folder.path, administrator: false)
        let token = try #require(setupToken(in: first))
        await first.terminate()
        _ = try await AtlasProcess.administratorKey(dataDirectory: folder.path)
        let second = try await AtlasProcess.serve(dataDirectory: folder.path)
        defer { second.kill() }
        #expect(setupToken(in: second) == nil, "no link is printed when an account exists")
        let refused = try await setup(second, token: token, password: "long enough password")
        #expect(refused.status == 409)
    }

    private func setupToken(in server: AtlasProcess) -> String? {
        let log = server.logTail(maxBytes: 100_000)
        guard let range = log.range(of: "/setup?token=") else { return nil }
        return String(log[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    private func setup(_ server: AtlasProcess, token: String, password: String) async throws -> PlainAnswer {
        try await send(server, "POST", "/api/v1/setup", json: #"{"token": "\#(token)", "username": "root", "password": "\#(password)"}"#)
    }

    private struct PlainAnswer {
        var status: UInt
        var headers: [String: String]
        var text: String
        var json: JSONValue { (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null }
    }

    private func send(_ server: AtlasProcess, _ method: String, _ path: String, json: String? = nil,
                      body: String? = nil, contentType: String? = nil) async throws -> PlainAnswer {
        var request = HTTPClientRequest(url: server.baseURL + path)
        request.method = .init(rawValue: method)
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        } else if let body {
            request.headers.add(name: "Content-Type", value: contentType ?? "text/plain")
            request.body = .bytes(ByteBuffer(string: body))
        }
        // Redirects are the answer under test here, so they are not followed.
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                              configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        let answer: (HTTPClientResponse, ByteBuffer)
        do {
            let response = try await http.execute(request, timeout: .seconds(30))
            answer = (response, try await response.body.collect(upTo: 1024 * 1024))
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
        let (response, data) = answer
        var headers: [String: String] = [:]
        for (name, value) in response.headers {
            headers[name.lowercased()] = headers[name.lowercased()].map { $0 + "\n" + value } ?? value
        }
        return PlainAnswer(status: response.status.code, headers: headers, text: String(buffer: data))
    }
}
