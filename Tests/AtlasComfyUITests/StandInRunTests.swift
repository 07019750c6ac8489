import AtlasComfyUI
import AtlasCore
import ComfyUIStandIn
import Foundation
import Testing

@Suite("Running tools on the ComfyUI stand-in", .timeLimit(.minutes(2)))
struct StandInRunTests {
    @Test("an invert run: the plate is uploaded, the prompt runs, progress reaches 1, and the output is fetched")
    func invert() async throws {
        try await StandIn.with { comfy in
            let client = StandIn.client(comfy)
            let (run, folder) = try await StandIn.startInvert(on: client)
            var last: ComfyUIProgress?
            for await progress in run.progress { last = progress }
            let result = try await run.result()
            #expect(last?.fraction == 1)
            #expect(!result.reconciled)
            let output = try #require(result.outputs.first)
            #expect(output.node == "3" && output.file.subfolder == folder.path && output.file.filename == "3_00001_.png")
            let bytes = try await client.view(output.file)
            #expect(Array(bytes.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            #expect(try await client.job(run.promptID)?.status == .completed)
        }
    }

    @Test("ComfyUI's own validation errors come back as the tool's input names")
    func validationMappedToInputs() async throws {
        try await StandIn.with { comfy in
            let client = StandIn.client(comfy)
            var tool = ToolFixture.card
            tool.inputs[0].maximum = 64  // wider than ImageBlur allows, so only ComfyUI objects
            let prompt = try StandIn.cardPrompt(["radius": 40], tool: tool)
            do {
                _ = try await client.start(prompt, promptID: UUID().uuidString, expectedOutputs: ["5"], options: StandIn.options)
                Issue.record("the prompt was accepted")
            } catch ComfyUIError.rejected(let rejection) {
                let errors = tool.fieldErrors(for: rejection)
                #expect(errors.map(\.field) == ["inputs.radius"])
                #expect(errors.map(\.code) == ["value_bigger_than_max"])
            }
            // The scaled preview validated, so ComfyUI queued that part; Atlas took it back.
            try await StandIn.waitUntilIdle(client)
            #expect(try await client.queueRemaining() == 0)
        }
    }

    @Test("a prompt that only partly validates is refused and taken back off the queue")
    func partialPromptWithdrawn() async throws {
        try await StandIn.with { comfy in
            let client = StandIn.client(comfy)
            let prompt = try ComfyUIWorkflow(json: Recording.json("05-errors/one_good_one_bad_output.json", "request", "body", "prompt"))
            let promptID = UUID().uuidString
            await #expect(throws: ComfyUIError.self) { _ = try await client.submit(prompt, promptID: promptID, clientID: "test") }
            try await StandIn.waitUntilIdle(client)
            #expect(try await client.queueRemaining() == 0)
            let job = try await client.job(promptID)
            #expect(job == nil || job?.status.isFinished == true)
        }
    }

    @Test("slow progress inside a node is reported step by step")
    func slowProgress() async throws {
        let faults = StandInFaults(slowNodes: ["ImageInvert": NodeTiming(duration: .milliseconds(1500), progressSteps: 5)])
        try await StandIn.with(faults) { comfy in
            let client = StandIn.client(comfy)
            let (run, _) = try await StandIn.startInvert(on: client)
            var seen: [ComfyUIProgress] = []
            for await progress in run.progress { seen.append(progress) }
            _ = try await run.result()
            let inNode = seen.filter { $0.node == "2" && $0.nodeMax == 5 }
            #expect(inNode.count >= 3)
            #expect(seen.map(\.fraction) == seen.map(\.fraction).sorted())
        }
    }

    @Test("outputs that never appear fail the run clearly; files that were never written are not found")
    func missingOutputs() async throws {
        try await StandIn.with(StandInFaults(missingOutputs: .outputsEmpty)) { comfy in
            let client = StandIn.client(comfy)
            let (run, _) = try await StandIn.startInvert(on: client)
            await #expect(throws: ComfyUIError.outputsMissing(promptID: run.promptID, nodes: ["3"])) { try await run.result() }
        }
        try await StandIn.with(StandInFaults(missingOutputs: .filesNotWritten)) { comfy in
            let client = StandIn.client(comfy)
            let (run, _) = try await StandIn.startInvert(on: client)
            let file = try #require(try await run.result().outputs.first?.file)
            await #expect(throws: ComfyUIError.fileNotFound(file)) { try await client.view(file) }
        }
    }

    @Test("a node that hangs is noticed through silence and ends at the run's time limit")
    func hang() async throws {
        try await StandIn.with(StandInFaults(hangingNodes: ["ImageInvert"])) { comfy in
            let client = StandIn.client(comfy)
            var options = StandIn.options
            options.silenceTimeout = .milliseconds(500)
            options.runTimeout = .seconds(2)
            let (run, _) = try await StandIn.startInvert(on: client, options: options)
            await #expect(throws: ComfyUIError.timedOut(promptID: run.promptID, seconds: 2)) { try await run.result() }
        }
    }
}
