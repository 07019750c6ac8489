import AsyncHTTPClient
import AtlasComfyUI
import ComfyUIStandIn
import AtlasCore
import Foundation

/// A ComfyUI stand-in for one test, shut down when the test's body ends.
enum StandIn {
    static func with(_ faults: StandInFaults = StandInFaults(), _ body: (RunningStandIn) async throws -> Void) async throws {
        let comfy = try await ComfyUIStandIn.start(StandInOptions(faults: faults))
        do {
            try await body(comfy)
            await comfy.shutdown()
        } catch {
            await comfy.shutdown()
            throw error
        }
    }

    /// Connections idle for a second are closed, so a stand-in that goes down is not kept
    /// waiting for this client's keep-alive connections; a refused connection fails within a second.
    static let http = ComfyUIClient.makeHTTPClient(connectTimeout: .seconds(1), idleTimeout: .seconds(1))

    /// A client of the stand-in.
    static func client(_ comfy: RunningStandIn, requestTimeout: Duration = .seconds(30)) -> ComfyUIClient {
        ComfyUIClient(baseURL: comfy.url, httpClient: http, requestTimeout: requestTimeout)
    }

    /// Waits until the stand-in runs and holds nothing.
    static func waitUntilIdle(_ client: ComfyUIClient) async throws {
        for _ in 0..<100 where try await client.queueRemaining() > 0 {
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Patience for tests: short enough that a lost server is noticed in a second.
    static let options = ComfyUIRunOptions(silenceTimeout: .seconds(2), pollInterval: .milliseconds(200), unreachableGrace: .seconds(1),
                                           outputGrace: .seconds(2), cancelConfirmation: .seconds(15), connectTimeout: .seconds(5))

    /// The invert tool's prompt for a new job: the recorded plate uploaded into the job's folder.
    static func invertPrompt(on client: ComfyUIClient, jobID: String = UUID().uuidString) async throws -> (ComfyUIWorkflow, ComfyUIJobFolder) {
        let folder = ComfyUIJobFolder(jobID: jobID)
        let arguments = try ToolFixture.invert.arguments(from: ["plate": .string(UUID().uuidString)])
        let plate = try await client.uploadImage(Recording.data("01-upload/atlas_plate.png"), name: "plate.png", subfolder: folder.path)
        let prompt = try ToolFixture.invert.prompt(workflow: ToolFixture.invertWorkflow(), arguments: arguments,
                                                   uploadedImages: ["plate": plate], folder: folder)
        return (prompt, folder)
    }

    /// Starts an invert run for a new job, expecting the save node's output.
    static func startInvert(on client: ComfyUIClient, options: ComfyUIRunOptions = options) async throws -> (ComfyUIRun, ComfyUIJobFolder) {
        let (prompt, folder) = try await invertPrompt(on: client)
        let run = try await client.start(prompt, promptID: UUID().uuidString, expectedOutputs: ["3"], options: options)
        return (run, folder)
    }

    /// Waits until the prompt runs on the server.
    static func waitUntilRunning(_ promptID: String, _ client: ComfyUIClient) async throws {
        for _ in 0..<100 {
            if try await client.job(promptID)?.status == .inProgress { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RecordingError("prompt \(promptID) never started")
    }

    /// The card prompt (EmptyImage → scale → blur → sharpen → save, with a preview) for a new job.
    static func cardPrompt(_ inputs: [String: AtlasCore.JSONValue] = [:], tool: AIToolManifest = ToolFixture.card) throws -> ComfyUIWorkflow {
        try tool.prompt(workflow: ToolFixture.cardWorkflow(), arguments: tool.arguments(from: inputs), uploadedImages: [:],
                        folder: ComfyUIJobFolder(jobID: UUID().uuidString))
    }
}
