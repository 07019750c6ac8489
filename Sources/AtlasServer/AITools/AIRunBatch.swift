import AtlasCore
import Foundation
import Vapor

/// A tool run over many image versions: one checked submission per version, queued as one job
/// batch (aggregate progress at `/api/v1/job-batches/{id}`). Versions the result cache answers
/// are recorded as cached runs and take no place in the batch.
struct AIRunBatch: Sendable {
    /// Most versions one request may name; more is several batches.
    static let maxVersions = 500

    let submissions: [AIRunSubmission]

    /// Checks every version as an execute of `input` would, with the shared `inputs`.
    static func prepare(_ req: Request, tool: AIToolVersion, body: AIToolBatchInput) async throws -> AIRunBatch {
        try body.validate(against: tool.manifest)
        var submissions: [AIRunSubmission] = []
        for version in body.versions {
            var inputs = body.inputs ?? [:]
            inputs[body.input] = .string(version.lowercased)
            submissions.append(try await AIRunSubmission.prepare(req, tool: tool, inputs: inputs, projectID: body.projectID))
        }
        guard Set(submissions.map(\.projectID)).count <= 1 else {
            throw AtlasError.invalid("versions", "come from different projects; one batch files its results in one project")
        }
        return AIRunBatch(submissions: submissions)
    }

    /// Queues the runs the cache does not answer as one batch, all or nothing; the batch is nil when the cache answered every run.
    func submit(_ req: Request, fresh: Bool) async throws -> (batch: JobBatch?, runs: [AIRunBody]) {
        let change = req.change
        let submissions = submissions
        return try await req.atlasDatabase.write { sql in
            var planned: [(submission: AIRunSubmission, run: AIRun, job: Job?)] = []
            for submission in submissions {
                let plan = try await submission.plan(fresh: fresh, change: change, on: sql)
                planned.append((submission, plan.run, plan.job))
            }
            let jobs = planned.compactMap(\.job)
            let submitted = jobs.isEmpty ? nil
                : try await BatchRepository.submit(jobs, projectID: submissions.first?.projectID, change: change, on: sql)
            var runs: [AIRunBody] = []
            for item in planned {
                let job = item.job.flatMap { submitted?.jobs[$0.id] }
                try await item.submission.record(item.run, job: job, change: change, on: sql)
                runs.append(AIRunBody(item.run, tool: item.submission.tool, job: job))
            }
            return (submitted?.batch, runs)
        }
    }
}
