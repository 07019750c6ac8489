import AsyncHTTPClient
import AtlasCore
import AtlasTestSupport
import Foundation
import NIOCore
import Testing
import Vapor
@testable import AtlasServer

@Suite("Live events across servers sharing one PostgreSQL database (LISTEN/NOTIFY)")
struct EventReplicaTests {
    @Test("Two applications in one process: a client of the first sees changes committed through the second",
          .timeLimit(.minutes(1)), .enabled(if: TestDatabase.postgresURL != nil))
    func twoApplications() async throws {
        try await withAtlasApp(.postgres) { t in
            let second = try await Application.make(.testing)
            second.logger.logLevel = .warning
            try await configure(second, t.configuration)
            do {
                let project = try await t.client.createProject("Replicas", code: "REP")
                try await t.listening { port in
                    let socket = try await EventSocketClient.connect(port: port, key: t.adminKey)
                    try await socket.subscribe(["project:\(project)", "jobs"])
                    let viaSecond = TestClient.bearer(t.adminKey, app: second)
                    let artist = try await t.makeAccount("artist", role: .artist)
                    let added = try await viaSecond.send(.POST, "/api/v1/projects/\(project)/members",
                                                         json: ["user_id": .string(artist.id)], headers: ["Atlas-Client-Id": "second"])
                    #expect(added.status == .created, "\(added.text)")
                    let member = try await socket.next { $0["type"]?.string == "project.member_added" }
                    #expect(member["client_id"]?.string == "second")
                    #expect(member["data"]?["user_id"]?.string == artist.id)

                    let job = try await second.atlasDatabase.write { sql in
                        try await JobRepository.enqueue(Job(id: AtlasID.make(at: Date()), kind: "noop", payload: [:], runAfter: Date(),
                                                            createdAt: Date()), change: .cli("test", at: Date()), on: sql)
                    }
                    let queued = try await socket.next { $0["type"]?.string == "job.queued" }
                    #expect(queued["data"]?["id"]?.string == job.id.lowercased)
                    await socket.close()
                }
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }

    @Test("Two `atlas serve` processes: a WebSocket client of the first sees a change made through the second",
          .timeLimit(.minutes(2)), .enabled(if: TestDatabase.postgresURL != nil))
    func twoProcesses() async throws {
        try await withAtlasApp(.postgres) { t in
            guard case .postgres(let url) = t.configuration.database else { return }
            let folders = try (0..<2).map { _ in try TemporaryDirectory() }
            defer { for folder in folders { folder.remove() } }
            let first = try await AtlasProcess.serve(dataDirectory: folders[0].path, databaseURL: url)
            defer { first.kill() }
            let second = try await AtlasProcess.serve(dataDirectory: folders[1].path, databaseURL: url)
            defer { second.kill() }
            let project = try await t.client.createProject("Across", code: "ACR")
            let job = try await t.enqueue("render.frame", project: project)  // a kind no server runs: it stays queued

            let socket = try await EventSocketClient.connect(port: first.port, key: first.apiKey)
            try await socket.subscribe(["project:\(project)", "job:\(job.id.lowercased)"])
            var cancel = second.request("/api/v1/jobs/\(job.id.lowercased)/cancel")
            cancel.method = .POST
            cancel.headers.add(name: "Atlas-Client-Id", value: "second-process")
            let response = try await HTTPClient.shared.execute(cancel, timeout: .seconds(30))
            #expect(response.status == .ok)
            let cancelled = try await socket.next(timeout: .seconds(20)) { $0["type"]?.string == "job.cancelled" }
            #expect(cancelled["topic"]?.string == "job:\(job.id.lowercased)")
            #expect(cancelled["client_id"]?.string == "second-process")
            await socket.close()
            await first.terminate()
            await second.terminate()
        }
    }
}
