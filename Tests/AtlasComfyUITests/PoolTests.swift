import AtlasComfyUI
import ComfyUIStandIn
import Foundation
import Testing

@Suite("The pool of ComfyUI servers", .timeLimit(.minutes(1)))
struct PoolTests {
    @Test("with every server down, a lease waits with a clear reason, and is granted when one comes back")
    func allDown() async throws {
        try await StandIn.with { comfy in
            let pool = ComfyUIPool(servers: [ComfyUIServerConfiguration(url: comfy.url)], httpClient: StandIn.http, checkTimeout: .seconds(1))
            await comfy.goDown()
            await pool.checkHealth()
            guard case .waiting(.noServerAvailable(let reasons)) = await pool.tryLease() else {
                Issue.record("a lease was granted on a down server")
                return
            }
            #expect(reasons.keys.map(\.self) == [comfy.url])
            #expect(await pool.waitReason()?.description.contains("is down") == true)
            let waiting = Task { try await pool.lease(workflow: "invert@1") }
            try await Task.sleep(for: .milliseconds(200))
            try await comfy.comeBack()
            await pool.checkHealth()
            let lease = try await waiting.value
            #expect(lease.server == comfy.url)
            #expect(await pool.statuses().first?.version == "0.12.1")
            #expect(await pool.client(for: comfy.url)?.baseURL == comfy.url)
        }
    }

    @Test("a server takes no more runs than its limit; a released slot goes to the next waiter")
    func concurrencyLimit() async throws {
        try await StandIn.with { comfy in
            let pool = ComfyUIPool(servers: [ComfyUIServerConfiguration(url: comfy.url, concurrencyLimit: 1)], httpClient: StandIn.http)
            await pool.checkHealth()
            let first = try #require(await pool.tryLease().lease)
            #expect(await pool.tryLease() == .waiting(.allBusy(servers: 1)))
            let waiting = Task { try await pool.lease() }
            try await Task.sleep(for: .milliseconds(100))
            await pool.release(first)
            let second = try await waiting.value
            #expect(second != first)
            #expect(await pool.statuses().first?.inFlight == 1)
        }
    }

    @Test("a waiting lease ends when its task is cancelled")
    func cancelledWait() async throws {
        let pool = ComfyUIPool(servers: [], httpClient: StandIn.http)
        #expect(await pool.waitReason() == .noServerAvailable(reasons: [:]))
        let waiting = Task { try await pool.lease() }
        try await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
    }

    @Test("loads count the server's queue and Atlas's own runs")
    func loads() async throws {
        try await StandIn.with(StandInFaults(slowNodes: ["ImageInvert": NodeTiming(duration: .seconds(3))])) { comfy in
            let pool = ComfyUIPool(servers: [ComfyUIServerConfiguration(url: comfy.url, concurrencyLimit: 3)], httpClient: StandIn.http)
            let client = StandIn.client(comfy)
            let (prompt, _) = try await StandIn.invertPrompt(on: client)
            _ = try await client.submit(prompt, promptID: UUID().uuidString, clientID: "other-tool")
            await pool.checkHealth()
            _ = try #require(await pool.tryLease().lease)
            let status = try #require(await pool.statuses().first)
            #expect(status.queueRemaining == 1 && status.inFlight == 1 && status.load == 2)
        }
    }
}
