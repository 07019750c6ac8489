import AtlasCore
import Foundation
import SQLKit
import Vapor

/// A tool run over many image versions, or over every frame of a sequence: one checked submission
/// per version or frame, queued as one job batch (aggregate progress at `/api/v1/job-batches/{id}`).
/// Runs the result cache answers are recorded as cached runs and take no place in the batch.
struct AIRunBatch: Sendable {
    /// Most versions one request may name; more is several batches.
    static let maxVersions = 500

    let submissions: [AIRunSubmission]
    /// Over a sequence: the run whose `ai.file_sequence` job, last in the batch, files the frames'
    /// outputs as one sequence; `submissions` are its frames.
    var sequence: AIRunSubmission? = nil

    /// Checks every version as an execute of `input` would, with the shared `inputs`.
    static func prepare(_ req: Request, tool: AIToolVersion, body: AIToolBatchInput) async throws -> AIRunBatch {
        try body.validate(against: tool.manifest)
        if let sequence = body.sequence { return try await prepare(req, tool: tool, body: body, sequence: sequence) }
        var submissions: [AIRunSubmission] = []
        for version in body.versions ?? [] {
            var inputs = body.inputs ?? [:]
            inputs[body.input] = .string(version.lowercased)
            submissions.append(try await AIRunSubmission.prepare(req, tool: tool, inputs: inputs, projectID: body.projectID))
        }
        guard Set(submissions.map(\.projectID)).count <= 1 else {
            throw AtlasError.invalid("versions", "come from different projects; one batch files its results in one project")
        }
        return AIRunBatch(submissions: submissions)
    }

    /// Queues the runs the cache does not answer as one batch, all or nothing; the batch is nil when
    /// the cache answered every run (or, over a sequence, the whole sequence).
    func submit(_ req: Request, fresh: Bool) async throws -> (batch: JobBatch?, sequence: AIRunBody?, runs: [AIRunBody]) {
        let change = req.change
        return try await req.atlasDatabase.write { sql in try await submit(fresh: fresh, change: change, on: sql) }
    }

    /// Queues the batch in the caller's transaction. `auditing: false` leaves the runs' audit to
    /// the caller (a re-run of a sequence audits what it answers).
    func submit(fresh: Bool, change: Change, auditing: Bool = true,
                on sql: any SQLDatabase) async throws -> (batch: JobBatch?, sequence: AIRunBody?, runs: [AIRunBody]) {
        var frames = submissions
        var sequencePlan: AIRunPlan?
        if let sequence {
            let plan = try await sequence.plan(fresh: fresh, change: change, on: sql)
            guard plan.job != nil else {
                try await sequence.record(plan, job: nil, change: change, auditing: auditing, on: sql)
                return (nil, AIRunBody(plan.run, tool: sequence.tool, job: nil), [])
            }
            sequencePlan = plan
            frames = frames.map { var frame = $0; frame.parentRunID = plan.run.id; return frame }
        }
        var planned: [(submission: AIRunSubmission, plan: AIRunPlan)] = []
        for submission in frames {
            planned.append((submission, try await submission.plan(fresh: fresh, change: change, on: sql)))
        }
        let jobs = planned.compactMap(\.plan.job) + (sequencePlan?.job.map { [$0] } ?? [])
        let submitted = jobs.isEmpty ? nil
            : try await BatchRepository.submit(jobs, projectID: frames.first?.projectID ?? sequence?.projectID, change: change, on: sql)
        var sequenceBody: AIRunBody?
        if let sequence, let plan = sequencePlan {
            let job = plan.job.flatMap { submitted?.jobs[$0.id] }
            try await sequence.record(plan, job: job, change: change, auditing: auditing, on: sql)
            sequenceBody = AIRunBody(plan.run, tool: sequence.tool, job: job)
        }
        var runs: [AIRunBody] = []
        for item in planned {
            let job = item.plan.job.flatMap { submitted?.jobs[$0.id] }
            try await item.submission.record(item.plan, job: job, change: change, auditing: auditing, on: sql)
            runs.append(AIRunBody(item.plan.run, tool: item.submission.tool, job: job))
        }
        return (submitted?.batch, sequenceBody, runs)
    }
}
