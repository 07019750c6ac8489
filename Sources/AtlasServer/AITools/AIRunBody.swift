import AtlasComfyUI
import AtlasCore
import Foundation
import SQLKit

/// A run as the API shows it (`/api/v1/ai-jobs/{id}/status`): state, progress, message, server
/// and, at the end, the result assets.
struct AIRunBody: Encodable, Sendable {
    var id: String
    var jobID: String?
    var tool: String
    var toolVersion: Int
    var status: String
    var progress: Double
    var message: String?
    var server: String?
    var cached: Bool
    var inputs: [String: JSONValue]
    var generatedSeeds: [String]
    var results: [AIRunResult]
    var createdAt: Date
    var finishedAt: Date?
    /// For a run over every frame of a sequence, the image input that takes the frames.
    var sequenceInput: String?
    /// For one frame of such a run: the sequence run, the frame and the file it took.
    var sequenceRunID: String?
    var frame: Int?
    var inputFiles: [String: String]

    init(_ run: AIRun, tool: AIToolVersion, job: Job?) {
        id = run.id.lowercased
        jobID = run.jobID?.lowercased
        self.tool = tool.manifest.name
        toolVersion = tool.number
        status = job?.status.rawValue ?? (run.cached ? JobStatus.succeeded.rawValue : JobStatus.queued.rawValue)
        progress = run.cached ? 1 : job?.progress ?? 0
        message = run.cached ? "answered from the result cache" : Self.message(of: job)
        server = run.server
        cached = run.cached
        inputs = run.arguments.inputs
        generatedSeeds = run.arguments.generatedSeeds
        results = run.results ?? []
        createdAt = run.createdAt
        finishedAt = run.finishedAt ?? job?.finishedAt
        sequenceInput = run.sequenceInput
        sequenceRunID = run.parentRunID?.lowercased
        frame = run.frame
        inputFiles = run.arguments.files
    }

    /// The run as it stands: a run over a sequence follows its whole batch, frames included.
    static func current(_ run: AIRun, tool: AIToolVersion, job: Job?, on sql: any SQLDatabase) async throws -> AIRunBody {
        var body = AIRunBody(run, tool: tool, job: job)
        if run.sequenceInput != nil, let batch = job?.batchID { body.follow(try await BatchRepository.fetch(batch, on: sql)) }
        return body
    }

    /// A run over a sequence is as far as its batch of frames, and running while any frame runs.
    private mutating func follow(_ batch: JobBatch) {
        guard status == JobStatus.queued.rawValue || status == JobStatus.running.rawValue else { return }
        progress = batch.progress
        if (batch.counts[.running] ?? 0) > 0 { status = JobStatus.running.rawValue }
    }

    /// While running, what ComfyUI is doing; otherwise why the job waits (queued with the reason as
    /// its last error) or why it failed, before the last progress message.
    private static func message(of job: Job?) -> String? {
        guard let job else { return nil }
        return job.status == .running ? job.progressMessage : job.error ?? job.progressMessage
    }

    enum CodingKeys: String, CodingKey {
        case id, tool, status, progress, message, server, cached, inputs, results
        case jobID = "job_id", toolVersion = "tool_version", generatedSeeds = "generated_seeds", createdAt = "created_at",
             finishedAt = "finished_at", sequenceInput = "sequence_input", sequenceRunID = "sequence_run_id", frame,
             inputFiles = "input_files"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(jobID, forKey: .jobID)
        try container.encode(tool, forKey: .tool)
        try container.encode(toolVersion, forKey: .toolVersion)
        try container.encode(status, forKey: .status)
        try container.encode(progress, forKey: .progress)
        try container.encode(message, forKey: .message)
        try container.encode(server, forKey: .server)
        try container.encode(cached, forKey: .cached)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(generatedSeeds, forKey: .generatedSeeds)
        try container.encode(results, forKey: .results)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(finishedAt, forKey: .finishedAt)
        try container.encode(sequenceInput, forKey: .sequenceInput)
        try container.encode(sequenceRunID, forKey: .sequenceRunID)
        try container.encode(frame, forKey: .frame)
        try container.encode(inputFiles, forKey: .inputFiles)
    }
}
