import AtlasCore
import AtlasTestSupport
import Foundation
import Testing

@Suite("Stopping a server with live-event clients connected")
struct EventShutdownTests {
    @Test("SIGTERM ends the WebSocket connections and the process promptly", .timeLimit(.minutes(1)))
    func sigtermClosesSockets() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let server = try await AtlasProcess.serve(dataDirectory: folder.path)
        defer { server.kill() }
        let socket = try await EventSocketClient.connect(port: server.port, key: server.apiKey)
        try await socket.subscribe(["jobs"])
        let stopping = ContinuousClock.now
        await server.terminate(timeout: .seconds(30))
        let took = ContinuousClock.now - stopping
        #expect(!server.isRunning)
        #expect(took < .seconds(5), "stopping took \(took)")
        try await Task.sleep(for: .milliseconds(200))
        #expect(socket.isClosed)
    }
}
