import AtlasComfyUI
import AtlasCore
import AtlasFormats
import AtlasStorage
import Foundation
import SQLKit

/// `ai.run`: runs one tool version on a ComfyUI server of the pool and files each output image
/// as a new asset in the inputs' project, with lineage edges to the input versions; one frame of a
/// run over a sequence keeps its outputs for the sequence's `ai.file_sequence` job instead.
///
/// With every server down or busy the job goes back to the queue, without using a try, and says
/// why. A server that fails mid-run is marked down and the run starts again on another one.
struct AIRunJob: JobHandler {
    static let name = "ai.run"
    var kind: String { Self.name }
    let pool: ComfyUIPool
    let blobs: any BlobStore
    /// Makes OpenEXR and HDR inputs into images ComfyUI's LoadImage opens.
    var converter = FormatConverter()
    var runOptions = ComfyUIRunOptions()
    /// How long a job waits in the queue before asking the pool again.
    var retryDelay: Double = 2
    /// Servers tried in one go before the job goes back to the queue.
    var serversPerTry = 3

    func run(_ job: JobRun, context: any JobContext) async throws -> JSONValue? {
        guard let context = context as? any DatabaseJobContext else { throw PermanentJobFailure("needs a database context") }
        let order = try AIRunOrder.from(job.payload)
        let run = try await AIRunRepository.fetch(order.runID, on: context.database.sql)
        let tool = try await AIToolRepository.version(run.toolVersionID, on: context.database.sql)
        let inputs = try await AIRunInputs.load(run.arguments, blobs: blobs, converter: converter, on: context.database.sql)
        for _ in 0..<serversPerTry {
            let lease = try await takeLease(for: tool)
            await report(context, 0, "running on \(lease.server.absoluteString)")
            do {
                let made = try await execute(job, tool: tool, inputs: inputs, on: lease, context: context)
                await pool.release(lease)
                try await file(made, run: run, tool: tool, order: order, server: lease.server, context: context)
                return ["results": .array(made.files.map { .string($0.name) }), "server": .string(lease.server.absoluteString)]
            } catch let error as ComfyUIError where error.isServerFailure {
                await pool.release(lease, failure: error)
                await report(context, 0, "\(error.description); trying another server")
            } catch let error as ComfyUIError {
                await pool.release(lease)
                throw PermanentJobFailure(describe(error, tool: tool.manifest))
            } catch {
                await pool.release(lease)
                throw error
            }
        }
        throw JobDeferral("ComfyUI servers failed during the run; waiting to try again", delay: retryDelay)
    }

    /// A slot on a server, or a deferral that says why there is none. Servers not checked yet are checked first.
    private func takeLease(for tool: AIToolVersion) async throws -> ComfyUILease {
        if let lease = await pool.tryLease(workflow: tool.poolWorkflowKey).lease { return lease }
        await pool.checkHealth()
        switch await pool.tryLease(workflow: tool.poolWorkflowKey) {
        case .leased(let lease): return lease
        case .waiting(let wait): throw JobDeferral(wait.description, delay: retryDelay)
        }
    }

    /// Uploads the inputs, runs the prompt while reporting its progress, and downloads the outputs.
    private func execute(_ job: JobRun, tool: AIToolVersion, inputs: AIRunInputs, on lease: ComfyUILease,
                         context: any JobContext) async throws -> AIRunOutputs {
        let folder = ComfyUIJobFolder(jobID: job.id.lowercased)
        var uploaded: [String: ComfyUIFileReference] = [:]
        for (name, image) in inputs.images {
            uploaded[name] = try await lease.client.uploadImage(image.data, name: image.fileName, subfolder: folder.path)
        }
        let prompt: ComfyUIWorkflow
        do {
            prompt = try tool.manifest.prompt(workflow: tool.workflow, arguments: inputs.arguments, uploadedImages: uploaded, folder: folder)
        } catch {
            throw PermanentJobFailure(error.errors.map(\.description).joined(separator: "; "))
        }
        let started = ContinuousClock.now
        let comfy = try await lease.client.start(prompt, promptID: "\(job.id.lowercased)-\(job.attempt)",
                                                 expectedOutputs: tool.manifest.outputs.map(\.node), options: runOptions)
        let follower = Task {
            for await progress in comfy.progress {
                await report(context, progress.fraction * 0.9, progress.node.map { "running node \($0)" })
            }
        }
        defer { follower.cancel() }
        let result = try await comfy.result()
        // The stream ends with the run; its last steps must land before "filing results" or progress would go back.
        await follower.value
        let ran = ContinuousClock.now - started
        var files: [AIRunOutputs.File] = []
        for output in tool.manifest.outputs {
            for produced in result.files(node: output.node) where produced.file.isOutput {
                var bytes = try await lease.client.view(produced.file)
                let data = bytes.readData(length: bytes.readableBytes) ?? Data()
                let stored = try blobs.store(data)
                files.append(.init(output: output.name, name: produced.file.filename, sha256: stored.sha256, size: stored.size))
            }
        }
        await report(context, 0.95, "filing results")
        return AIRunOutputs(files: files, promptID: comfy.promptID, duration: ran)
    }

    /// Files the outputs as assets, or for one frame of a sequence keeps them for `ai.file_sequence`
    /// and wakes it when this was the last frame it waited for.
    private func file(_ made: AIRunOutputs, run: AIRun, tool: AIToolVersion, order: AIRunOrder, server: URL,
                      context: any DatabaseJobContext) async throws {
        let now = Date()
        let filing = AIResultFiling(run: run, tool: tool, outputs: made, server: server.absoluteString,
                                    change: Change(actor: order.requestedBy.actor, at: now, action: "job.\(Self.name)"))
        _ = try await context.once("ai.file_results") { sql in
            try await AIRunRepository.recordOutputs(made.files, of: run.id, on: sql)
            let results = run.parentRunID == nil ? try await filing.file(on: sql) : []
            try await AIRunRepository.finish(run.id, results: results, server: server.absoluteString, duration: made.duration,
                                             at: now, on: sql)
            if let parent = run.parentRunID { try await JobRepository.hasten(parent, at: now, on: sql) }
        }
    }

    private func report(_ context: any JobContext, _ progress: Double, _ message: String?) async {
        try? await context.report(progress: progress, message: message)
    }

    /// A prompt ComfyUI refused reads in the tool's own input names.
    private func describe(_ error: ComfyUIError, tool: AIToolManifest) -> String {
        guard case .rejected(let rejection) = error else { return error.description }
        let fields = tool.fieldErrors(for: rejection)
        return fields.isEmpty ? error.description : fields.map(\.description).joined(separator: "; ")
    }
}
