import AtlasComfyUI
import AtlasCore
import Foundation
import SQLKit
import Vapor

/// An execute request checked and ready: the tool version, the validated arguments, the project
/// the results go to and the result-cache key. Submitting answers from the cache or queues `ai.run`.
struct AIRunSubmission: Sendable {
    let tool: AIToolVersion
    var arguments: AIToolArguments
    let projectID: UUID
    var cacheKey: String
    /// Total pixels of the image inputs, for the estimate by input size; nil when any is unknown.
    var inputPixels: Int? = nil
    /// The files of each image input's version, which frames of a sequence are keyed from.
    var inputFiles: [String: [VersionFile]] = [:]
    /// Set on the runs of a run over every frame of a sequence (see `AIRun`).
    var parentRunID: UUID? = nil
    var frame: Int? = nil
    var sequenceInput: String? = nil

    /// Validates `inputs` against the tool and checks that the caller may run it on every image
    /// input's project (one project for all of them, else `project_id`). `files` names the file of
    /// its version an image input takes when not the first (a frame of a sequence).
    static func prepare(_ req: Request, tool: AIToolVersion, inputs: [String: JSONValue], projectID: UUID?,
                        files chosen: [String: String] = [:]) async throws -> AIRunSubmission {
        var arguments: AIToolArguments
        do {
            arguments = try tool.manifest.arguments(from: inputs)
        } catch {
            throw error.atlasError
        }
        arguments.files = chosen.filter { arguments.images[$0.key] != nil }
        let sql = req.atlasDatabase.sql
        var files: [String: [VersionFile]] = [:]
        var projects: Set<UUID> = []
        var missing: [FieldError] = []
        var pixels: [Int?] = []
        for (name, versionID) in arguments.images.sorted(by: { $0.key < $1.key }) {
            guard let version = try await VersionRows.fetch(id: versionID, on: sql) else {
                missing.append(FieldError(field: "inputs.\(name)", message: "no asset version \(versionID.lowercased)"))
                continue
            }
            try await req.authorize(.runAITools, asset: version.assetID)
            projects.insert(try await AssetRows.fetch(version.assetID, on: sql).projectID)
            files[name] = version.files
            // The run uploads the chosen file or else the version's first (AIRunInputs), so that is the size it runs on.
            if let used = arguments.files[name] ?? version.files.first?.path {
                guard version.files.contains(where: { $0.path == used }) else {
                    missing.append(FieldError(field: "inputs.\(name)", message: "version \(versionID.lowercased) has no file \(used)"))
                    continue
                }
                pixels.append(try await InspectionRepository.imagePixels(version: versionID, file: used, on: sql))
            } else {
                pixels.append(nil)
            }
        }
        guard missing.isEmpty else { throw AtlasError.validation(missing) }
        guard projects.count <= 1 else { throw AtlasError.invalid("inputs", "image inputs come from different projects") }
        guard let project = projects.first ?? projectID else {
            throw AtlasError.invalid("project_id", "is required when no image input names the project")
        }
        if let projectID, projectID != project {
            throw AtlasError.invalid("project_id", "differs from the project of the image inputs")
        }
        if projects.isEmpty { try await req.authorize(.runAITools, project: project) }
        return AIRunSubmission(tool: tool, arguments: arguments, projectID: project,
                               cacheKey: AIRunCacheKey.make(tool: tool, arguments: arguments, inputFiles: files),
                               inputPixels: pixels.isEmpty || pixels.contains(nil) ? nil : pixels.reduce(0) { $0 + $1! },
                               inputFiles: files)
    }

    /// A cache hit unless `fresh`: a run row marked cached with the earlier results, no ComfyUI
    /// call (200). Otherwise an `ai.run` job whose id is the run's (202). A retry with the same
    /// `Idempotency-Key` gets the first answer back and queues nothing.
    func submit(fresh: Bool, creation: IdempotentCreate) async throws -> Response {
        let tool = tool
        return try await creation.run(auditing: "ai_run") { sql in
            let planned = try await plan(fresh: fresh, change: creation.change, on: sql)
            var queued: Job?
            if let job = planned.job { queued = try await JobRepository.enqueue(job, change: creation.change, on: sql) }
            try await AIRunRepository.insert(planned.run, on: sql)
            return try CreatedResponse(AIRunBody(planned.run, tool: tool, job: queued), status: queued == nil ? .ok : .accepted,
                                       location: "/api/v1/ai-jobs/\(planned.run.id.lowercased)/status", etag: nil)
        }
    }

    /// The run's row and, unless the cache answers it (or `fresh`), the job to queue for it: `ai.run`,
    /// or `ai.file_sequence` for a run over every frame. A frame is answered by the files an earlier
    /// run with its key downloaded, which the plan carries for the new row.
    func plan(fresh: Bool, change: Change, on sql: any SQLDatabase) async throws -> AIRunPlan {
        var run = AIRun(id: AtlasID.make(at: change.at), toolVersionID: tool.id, jobID: nil, projectID: projectID, cacheKey: cacheKey,
                        cached: false, arguments: arguments, results: nil, server: nil, durationMilliseconds: nil,
                        createdAt: change.at, createdBy: change.by, finishedAt: nil, inputPixels: inputPixels,
                        parentRunID: parentRunID, frame: frame, sequenceInput: sequenceInput)
        if !fresh, parentRunID != nil, let hit = try await AIRunRepository.cachedOutputs(for: cacheKey, on: sql) {
            run.cached = true
            run.results = []
            run.server = hit.run.server
            run.finishedAt = change.at
            return AIRunPlan(run: run, job: nil, outputs: hit.files)
        }
        if !fresh, parentRunID == nil, let hit = try await AIRunRepository.cachedResult(for: cacheKey, on: sql) {
            run.cached = true
            run.results = hit.results
            run.server = hit.server
            run.finishedAt = change.at
            return AIRunPlan(run: run, job: nil, outputs: [])
        }
        let order = AIRunOrder(runID: run.id, requestedBy: ExportOrder.Requester(change.actor))
        run.jobID = run.id
        let kind = sequenceInput == nil ? AIRunJob.name : AISequenceFilingJob.name
        return AIRunPlan(run: run, job: Job(id: run.id, kind: kind, payload: try JSONCoding.json(order), runAfter: change.at,
                                            projectID: projectID, createdAt: change.at), outputs: [])
    }

    /// Stores the run (after its job, which it names) with the outputs a cached frame took over,
    /// and audits it unless it is one frame of an audited sequence run.
    func record(_ plan: AIRunPlan, job: Job?, change: Change, auditing: Bool = true, on sql: any SQLDatabase) async throws {
        try await AIRunRepository.insert(plan.run, on: sql)
        try await AIRunRepository.recordOutputs(plan.outputs, of: plan.run.id, on: sql)
        guard auditing, parentRunID == nil else { return }
        try await AuditLog.record(change, kind: "ai_run", id: plan.run.id, after: AIRunBody(plan.run, tool: tool, job: job), on: sql)
    }
}

/// What submitting a run will store: its row, its job unless the cache answers it, and the files
/// a frame answered from the cache takes over.
struct AIRunPlan: Sendable {
    var run: AIRun
    var job: Job?
    var outputs: [AIRunOutputs.File]
}
