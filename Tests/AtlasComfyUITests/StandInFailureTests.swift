import AtlasComfyUI
import AtlasCore
import ComfyUIStandIn
import Foundation
import Testing

@Suite("Cancelling, and servers or sockets that fail mid-run", .timeLimit(.minutes(2)))
struct StandInFailureTests {
    private let slowInvert = StandInFaults(slowNodes: ["ImageInvert": NodeTiming(duration: .seconds(4), progressSteps: 40)])

    @Test("a pending prompt is removed from the queue, a running one is interrupted, both confirmed")
    func cancel() async throws {
        try await StandIn.with(slowInvert) { comfy in
            let client = StandIn.client(comfy)
            let (running, _) = try await StandIn.startInvert(on: client)
            let (pending, _) = try await StandIn.startInvert(on: client)
            #expect(try await pending.cancel() == .removedFromQueue)
            await #expect(throws: ComfyUIError.interrupted(ComfyUIInterruption(promptID: pending.promptID))) { try await pending.result() }
            try await StandIn.waitUntilRunning(running.promptID, client)
            guard case .interrupted(let interruption) = try await running.cancel() else {
                Issue.record("the running prompt was not interrupted")
                return
            }
            #expect(interruption.nodeID == "2")
            await #expect(throws: ComfyUIError.self) { try await running.result() }
            #expect(try await client.job(running.promptID)?.status == .cancelled)
        }
    }

    @Test("cancelling the task that waits for a run cancels the prompt on the server")
    func taskCancellation() async throws {
        try await StandIn.with(slowInvert) { comfy in
            let client = StandIn.client(comfy)
            let (run, _) = try await StandIn.startInvert(on: client)
            try await StandIn.waitUntilRunning(run.promptID, client)
            let waiting = Task { try await run.result() }
            waiting.cancel()
            await #expect(throws: CancellationError.self) { try await waiting.value }
            #expect(try await client.job(run.promptID)?.status == .cancelled)
        }
    }

    @Test("a WebSocket that drops mid-run is replaced, and the end is read from /api/jobs")
    func socketDrop() async throws {
        var faults = slowInvert
        faults.slowNodes["ImageInvert"] = NodeTiming(duration: .seconds(1), progressSteps: 10)
        faults.dropSocketsAfterFrames = 6
        try await StandIn.with(faults) { comfy in
            let client = StandIn.client(comfy)
            let (run, folder) = try await StandIn.startInvert(on: client)
            let result = try await run.result()
            #expect(result.reconciled)
            #expect(result.outputs.map(\.file.subfolder) == [folder.path])
        }
    }

    @Test("a server that goes away mid-run loses the prompt with a typed error that says to retry elsewhere")
    func serverDownDuringRun() async throws {
        let error = try await failureOfRun { comfy in await comfy.goDown() }
        #expect(error?.code == "comfyui_prompt_lost" && error?.isServerFailure == true)
    }

    @Test("a server that comes back restarted has forgotten the prompt, which is lost")
    func serverRestartedDuringRun() async throws {
        let error = try await failureOfRun { comfy in
            await comfy.goDown()
            try await comfy.comeBack(restarted: true)
        }
        guard case .lost(_, let reason)? = error else {
            Issue.record("not lost: \(String(describing: error))")
            return
        }
        #expect(reason.contains("no longer knows"))
    }

    @Test("a server that is down before the run is unreachable, and the pool sends the retry to another")
    func serverDownBefore() async throws {
        try await StandIn.with { first in
            try await StandIn.with { second in
                let pool = ComfyUIPool(servers: [ComfyUIServerConfiguration(url: first.url), ComfyUIServerConfiguration(url: second.url)], httpClient: StandIn.http)
                await pool.checkHealth()
                let lease = try #require(await pool.tryLease(workflow: "invert@1").lease)
                #expect(lease.server == first.url)
                await first.goDown()
                var failure: ComfyUIError?
                do {
                    _ = try await StandIn.startInvert(on: lease.client)
                } catch let error as ComfyUIError {
                    failure = error
                }
                #expect(failure?.code == "comfyui_unreachable")
                await pool.release(lease, failure: failure)
                let retry = try #require(await pool.tryLease(workflow: "invert@1").lease)
                #expect(retry.server == second.url)
                let (run, _) = try await StandIn.startInvert(on: retry.client)
                #expect(try await run.result().outputs.count == 1)
                await pool.release(retry)
                try await first.comeBack()
            }
        }
    }

    /// How a slow invert run ends when `outage` strikes the server while the prompt runs.
    private func failureOfRun(_ outage: @escaping (RunningStandIn) async throws -> Void) async throws -> ComfyUIError? {
        var failure: ComfyUIError?
        try await StandIn.with(slowInvert) { comfy in
            let client = StandIn.client(comfy)
            let (run, _) = try await StandIn.startInvert(on: client)
            try await StandIn.waitUntilRunning(run.promptID, client)
            try await outage(comfy)
            failure = await #expect(throws: ComfyUIError.self) { try await run.result() }
        }
        return failure
    }
}
