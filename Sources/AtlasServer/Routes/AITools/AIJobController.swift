import AtlasComfyUI
import AtlasCore
import Foundation
import Vapor

/// `/api/v1/ai-jobs/{run_id}`: a run's status, cancelling it and running it again. A run is
/// visible to whoever may see its job (the account that made it, its project's members,
/// administrators); a cached run, which has no job, by the same rule through its own row.
struct AIJobController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.getAIJobStatus, use: status)
        routes.on(Endpoints.cancelAIJob, use: cancel)
        routes.on(Endpoints.rerunAIJob, use: rerun)
    }

    /// A run over a sequence reads its progress from its whole batch, frames included.
    @Sendable func status(_ req: Request) async throws -> Response {
        let (run, tool, job) = try await visibleRun(req)
        return try JSONResponse.make(try await AIRunBody.current(run, tool: tool, job: job, on: req.atlasDatabase.sql))
    }

    @Sendable func cancel(_ req: Request) async throws -> Response {
        let (run, tool, found) = try await visibleRun(req)
        guard let job = found else {
            throw AtlasError.conflict("job_finished", "Run \(run.id.lowercased) was answered from the cache; there is nothing to cancel.")
        }
        try req.requireControl(owner: job.createdBy, project: job.projectID)
        let change = req.change
        let updated = try await req.atlasDatabase.write { sql in
            let updated: Job
            if run.sequenceInput != nil, let batchID = job.batchID, job.status == .queued {
                // A run over a sequence waits queued for its frames: cancelling it cancels them, the same batch.
                _ = try await BatchRepository.cancel(batchID, change: change, on: sql)
                updated = try await JobRepository.fetch(job.id, on: sql)
            } else {
                updated = try await JobRepository.cancel(job.id, change: change, on: sql)
            }
            try await AuditLog.record(change, kind: "job", id: job.id, before: JobBody(job), after: JobBody(updated), on: sql)
            return updated
        }
        return try JSONResponse.make(AIRunBody(run, tool: tool, job: updated))
    }

    /// The earlier run's inputs (seeds included), with the body's overrides.
    @Sendable func rerun(_ req: Request) async throws -> Response {
        let creation = try IdempotentCreate(req, content: Data(buffer: req.body.data ?? ByteBuffer()))
        let body = try RequestJSON.decode(RerunAIJobInput.self, from: req)
        let (run, tool, _) = try await visibleRun(req)
        let version = body.latestVersion == true
            ? try await AIToolRepository.fetch(tool.manifest.name, on: req.atlasDatabase.sql).current : tool
        var inputs = run.arguments.inputs
        for (name, value) in body.inputs ?? [:] { inputs[name] = value }
        let known = Set(version.manifest.inputs.map(\.name))
        inputs = inputs.filter { known.contains($0.key) || body.inputs?[$0.key] != nil }
        if let input = run.sequenceInput {
            return try await rerunSequence(run, over: input, inputs: inputs, tool: version, fresh: body.fresh ?? false, creation: creation, req)
        }
        let submission = try await AIRunSubmission.prepare(req, tool: version, inputs: inputs, projectID: run.projectID,
                                                           files: run.arguments.files)
        // Replayed only once preparing has checked the caller may still run on the project.
        if let replayed = try await creation.replay() { return replayed }
        return try await submission.submit(fresh: body.fresh ?? false, creation: creation)
    }

    /// A run over every frame runs over every frame again (of the sequence in `inputs`, the same
    /// one unless overridden); the answer is the new sequence run, 202, or 200 from the cache.
    private func rerunSequence(_ run: AIRun, over input: String, inputs: [String: JSONValue], tool: AIToolVersion, fresh: Bool,
                               creation: IdempotentCreate, _ req: Request) async throws -> Response {
        guard case .string(let text)? = inputs[input], let sequence = UUID(uuidString: text) else {
            throw AtlasError.invalid("inputs.\(input)", "must be the version id of a sequence")
        }
        let batchInput = AIToolBatchInput(input: input, sequence: sequence, inputs: inputs.filter { $0.key != input }, projectID: run.projectID)
        let batch = try await AIRunBatch.prepare(req, tool: tool, body: batchInput)
        if let replayed = try await creation.replay() { return replayed }
        return try await creation.run(auditing: "ai_run") { sql in
            let answer = try await batch.submit(fresh: fresh, change: creation.change, auditing: false, on: sql)
            guard let again = answer.sequence else { throw AtlasError.invalid("inputs.\(input)", "holds no sequence to run over") }
            return try CreatedResponse(again, status: answer.batch == nil ? .ok : .accepted,
                                       location: "/api/v1/ai-jobs/\(again.id)/status", etag: nil)
        }
    }

    private func visibleRun(_ req: Request) async throws -> (AIRun, AIToolVersion, Job?) {
        let sql = req.atlasDatabase.sql
        let run = try await AIRunRepository.fetch(try req.objectID("run_id", kind: "ai_job"), on: sql)
        try await req.requireVisible(owner: run.createdBy, project: run.projectID, otherwise: .notFound("ai_job", run.id.lowercased))
        let tool = try await AIToolRepository.version(run.toolVersionID, on: sql)
        var job: Job?
        if let id = run.jobID { job = try await JobRepository.fetch(id, on: sql) }
        return (run, tool, job)
    }
}
