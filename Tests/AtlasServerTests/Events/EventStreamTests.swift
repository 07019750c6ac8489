import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor
@testable import AtlasServer

@Suite("Live events over the WebSocket /api/v1/events")
struct EventStreamTests {
    @Test("A client following `jobs` sees a job queued, running, its progress and its success, in order, numbered upwards",
          arguments: TestDatabase.available)
    func followsAJob(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            try await t.listening { port in
                let socket = try await EventSocketClient.connect(port: port, key: t.adminKey)
                let welcome = try await socket.next { $0["type"]?.string == "welcome" }
                #expect(welcome["seq"]?.int != nil)
                #expect(welcome["ping_interval"]?.int == 30)
                try await socket.subscribe(["jobs"])

                let job = try await t.enqueue("report")
                let runner = t.runner([TestJob(kind: "report") { _, context in
                    try await context.report(progress: 0.5, message: "half way")
                    return ["done": true]
                }])
                runner.start()
                var seen: [(String, Int)] = []
                while seen.last?.0 != "job.succeeded" {
                    let message = try await socket.next { $0["topic"]?.string != nil }
                    #expect(message["topic"]?.string == "jobs")
                    #expect(message["data"]?["id"]?.string == job.id.lowercased)
                    seen.append((message["type"]?.string ?? "", message["seq"]?.int ?? 0))
                }
                await runner.stop()
                #expect(seen.map(\.0) == ["job.queued", "job.running", "job.progress", "job.succeeded"])
                #expect(seen.map(\.1) == seen.map(\.1).sorted() && Set(seen.map(\.1)).count == seen.count)
                await socket.close()
            }
        }
    }

    @Test("Asset changes reach the followers of the asset and of its project, with the Atlas-Client-Id of the request that caused them",
          arguments: TestDatabase.available)
    func assetEventsCarryTheClientID(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Events", code: "EVT")
            let asset = try await t.client.createAsset(project: project, name: "plate", files: [("plate.exr", Data("x".utf8))])
            let assetID = try #require(asset["id"]?.string)
            try await t.listening { port in
                let byAsset = try await EventSocketClient.connect(port: port, key: t.adminKey)
                let byProject = try await EventSocketClient.connect(port: port, key: t.adminKey)
                let subscribed = try await byAsset.subscribe(["asset:\(assetID)"])
                #expect(subscribed["topics"]?.array.map(\.string) == ["asset:\(assetID)"])
                try await byProject.subscribe(["project:\(project)"])

                let etag = try #require(asset["etag"]?.string)
                let patched = try await t.client.send(.PATCH, "/api/v1/assets/\(assetID)", json: ["description": "graded"],
                                                      headers: ["If-Match": etag, "Atlas-Client-Id": "nuke-panel-7"])
                #expect(patched.status == .ok, "\(patched.text)")
                let viaAsset = try await byAsset.next { $0["type"]?.string == "asset.updated" }
                #expect(viaAsset["topic"]?.string == "asset:\(assetID)")
                #expect(viaAsset["client_id"]?.string == "nuke-panel-7")
                #expect(viaAsset["data"]?["asset"]?["description"]?.string == "graded")
                let viaProject = try await byProject.next { $0["type"]?.string == "asset.updated" }
                #expect(viaProject["topic"]?.string == "project:\(project)")
                #expect(viaProject["seq"] == viaAsset["seq"])

                _ = try await t.client.addVersion(asset: assetID, files: [("plate.exr", Data("y".utf8))])
                let added = try await byAsset.next { $0["type"]?.string == "asset.version_added" }
                #expect(added["data"]?["version"]?["number"]?.int == 2)
                #expect(added["client_id"] == .null)
                #expect(added["data"]?["version"]?["files"] == nil, "events never carry file paths")

                let bad = try await t.client.send(.PATCH, "/api/v1/assets/\(assetID)", json: ["description": "x"],
                                                  headers: ["If-Match": "*", "Atlas-Client-Id": String(repeating: "x", count: 200)])
                #expect(bad.status == .badRequest)
                #expect(bad.json["code"]?.string == "invalid_client_id")
                await byAsset.close()
                await byProject.close()
            }
        }
    }

    @Test("A client receives only what it may see: topics of other projects are refused as unknown, and `jobs` leaves out others' jobs",
          arguments: TestDatabase.available)
    func visibility(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let ours = try await t.client.createProject("Ours", code: "OUR")
            let theirs = try await t.client.createProject("Theirs", code: "THR")
            let secret = try await t.client.createAsset(project: theirs, name: "secret", files: [("a.png", Data("a".utf8))])
            let artist = try await t.makeAccount("artist", role: .artist, memberOf: [ours])
            try await t.listening { port in
                let socket = try await EventSocketClient.connect(port: port, key: artist.key)
                let secretID = try #require(secret["id"]?.string)
                let topics: [String] = ["jobs", "project:\(ours)", "project:\(theirs)", "asset:\(secretID)", "job:\(UUID().uuidString)"]
                try await socket.send(["type": "subscribe", "id": "s1", "topics": .array(topics.map(JSONValue.string))])
                for _ in 0..<3 {
                    let error = try await socket.next { $0["type"]?.string == "error" }
                    #expect(error["code"]?.string?.hasSuffix("not_found") == true, "\(error)")
                    #expect(error["id"]?.string == "s1")
                }
                let subscribed = try await socket.next { $0["type"]?.string == "subscribed" }
                #expect(Set(subscribed["topics"]?.array.compactMap(\.string) ?? []) == ["jobs", "project:\(ours)"])

                _ = try await t.enqueue("noop", project: theirs)
                let visible = try await t.enqueue("noop", project: ours)
                let own = try await t.enqueue("noop", as: artist)
                let first = try await socket.next { $0["type"]?.string == "job.queued" }
                let second = try await socket.next { $0["type"]?.string == "job.queued" }
                #expect([first, second].compactMap { $0["data"]?["id"]?.string } == [visible.id.lowercased, own.id.lowercased])
                await socket.close()
            }
        }
    }

    @Test("Bad messages get an error reply and the connection lives on; another client's stream is untouched",
          arguments: TestDatabase.available)
    func badMessages(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            try await t.listening { port in
                let rude = try await EventSocketClient.connect(port: port, key: t.adminKey)
                let polite = try await EventSocketClient.connect(port: port, key: t.adminKey)
                try await polite.subscribe(["jobs"])
                let cases: [(String, String)] = [
                    ("not json at all", "malformed_message"),
                    (#"{"type": "dance"}"#, "unknown_message_type"),
                    (#"{"type": "subscribe"}"#, "malformed_message"),
                    (#"{"type": "subscribe", "topics": ["everything"]}"#, "unknown_topic"),
                    (#"{"type": "subscribe", "topics": ["job:not-a-uuid"]}"#, "unknown_topic"),
                    (#"{"type": "subscribe", "topics": ["shot:\#(UUID().uuidString)"]}"#, "unknown_topic"),
                    (#"[1, 2, 3]"#, "malformed_message"),
                ]
                for (text, code) in cases {
                    try await rude.send(text: text)
                    let reply = try await rude.next { $0["type"]?.string == "error" }
                    #expect(reply["code"]?.string == code, "\(text) → \(reply)")
                }
                try await rude.send(binary: [0, 1, 2])
                #expect(try await rude.next { $0["type"]?.string == "error" }["code"]?.string == "malformed_message")
                try await rude.send(["type": "ping", "id": "p"])
                #expect(try await rude.next { $0["type"]?.string == "pong" }["id"]?.string == "p")

                let job = try await t.enqueue("noop")
                #expect(try await polite.next { $0["type"]?.string == "job.queued" }["data"]?["id"]?.string == job.id.lowercased)
                #expect(!rude.isClosed && !polite.isClosed)
                await rude.close()
                await polite.close()
            }
        }
    }

    @Test("A connection follows its account: added to a project, it receives that project's events; its key revoked, it is closed",
          arguments: TestDatabase.available)
    func followsTheAccount(_ database: TestDatabase) async throws {
        try await withAtlasApp(database, adjust: { $0.liveEventsRecheckInterval = 0.3 }) { t in
            let project = try await t.client.createProject("Later", code: "LAT")
            let artist = try await t.makeAccount("artist", role: .artist)
            try await t.listening { port in
                let socket = try await EventSocketClient.connect(port: port, key: artist.key)
                try await socket.subscribe(["jobs"])
                _ = try await t.enqueue("noop", project: project)
                #expect(!(await socket.receives(within: .milliseconds(300)) { $0["type"]?.string == "job.queued" }))

                let added = try await t.client.send(.POST, "/api/v1/projects/\(project)/members", json: ["user_id": .string(artist.id)])
                #expect(added.status == .created)
                try await Task.sleep(for: .milliseconds(400))  // the membership is reloaded on its event, and every 0.3 s
                let job = try await t.enqueue("noop", project: project)
                #expect(try await socket.next { $0["type"]?.string == "job.queued" }["data"]?["id"]?.string == job.id.lowercased)

                let keys = try await artist.client.get("/api/v1/me/api-keys")
                let keyID = try #require(keys.json["items"]?[0]?["id"]?.string)
                #expect(try await artist.client.send(.DELETE, "/api/v1/me/api-keys/\(keyID)").status == .noContent)
                // Nothing else reaches this account's connection, so the next message is the one that ends it.
                let ended = try await socket.next(timeout: .seconds(5))
                #expect(ended["type"]?.string == "error")
                #expect(ended["code"]?.string == "authentication_required")
                try await Task.sleep(for: .milliseconds(500))
                #expect(socket.isClosed)
            }
        }
    }

    @Test("Without credentials the upgrade is refused; a browser session must come from a page of this server",
          arguments: [TestDatabase.sqlite])
    func upgradeNeedsCredentials(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            try await t.listening { port in
                await #expect(throws: (any Error).self) { _ = try await EventSocketClient.connect(port: port, key: nil) }
                let login = try await t.anonymousClient.send(.POST, "/api/v1/auth/login",
                                                              json: ["username": "admin", "password": .string(TestAccount.password)])
                let cookie = try #require(login.headers.setCookie?["atlas_session"]?.string)
                let session: HTTPHeaders = ["Cookie": "atlas_session=\(cookie)"]
                await #expect(throws: (any Error).self) {
                    _ = try await EventSocketClient.connect(port: port, key: nil, headers: session.adding("Origin", "https://evil.example"))
                }
                let ours = try await EventSocketClient.connect(port: port, key: nil, headers: session.adding("Origin", "http://127.0.0.1:\(port)"))
                #expect(try await ours.next { $0["type"]?.string == "welcome" }["seq"] != nil)
                await ours.close()
            }
        }
    }
}

private extension HTTPHeaders {
    func adding(_ name: String, _ value: String) -> HTTPHeaders {
        var copy = self
        copy.add(name: name, value: value)
        return copy
    }
}
