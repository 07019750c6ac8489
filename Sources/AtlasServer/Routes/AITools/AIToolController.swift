import AtlasComfyUI
import AtlasCore
import Foundation
import Vapor

/// `/api/v1/ai-tools`: the tool registry, and running a tool.
struct AIToolController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.listAITools, use: list)
        routes.on(Endpoints.registerAITool, use: registerTool)
        routes.on(Endpoints.getAITool, use: get)
        routes.on(Endpoints.listAIToolVersions, use: versions)
        routes.on(Endpoints.executeAITool, use: execute)
        routes.on(Endpoints.batchAITool, use: batch)
        routes.on(Endpoints.listAIToolRuns, use: runs)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let query = req.queryParameters
        try query.requireOnly(Paging.parameterNames.union(["category"]))
        var errors: [FieldError] = []
        let paging = Paging.parse(query, errors: &errors)
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        let page = try await AIToolRepository.list(category: query.value("category"), paging: paging, on: req.atlasDatabase.sql)
        return try JSONResponse.make(ListBody(items: page.items.map { AIToolBody($0) }, nextCursor: page.nextCursor))
    }

    /// Administrators and producers register. `?check=false` (administrators only) skips the
    /// server check, for registering while no ComfyUI is reachable.
    @Sendable func registerTool(_ req: Request) async throws -> Response {
        let content = try AIToolContent.decode(try RequestJSON.decode(JSONValue.self, from: req))
        let check = try req.queryParameters.boolean("check", default: true).get()
        if !check, try req.requirePrincipal().role != .administrator {
            throw AtlasError.permissionDenied(.manageComfyUIServers)
        }
        try await AIToolRegistrationCheck(pool: req.application.comfyUIPool).check(content, againstServer: check)
        let change = req.change
        let registration = try await req.atlasDatabase.write { sql in
            let registration = try await AIToolRepository.register(content, source: "api", change: change, on: sql)
            if registration.created {
                try await AuditLog.record(change, kind: "ai_tool", id: registration.tool.id,
                                          after: AIToolVersionBody(registration.tool.current), on: sql)
            }
            return registration
        }
        return try JSONResponse.make(AIToolBody(registration.tool, withWorkflow: true), status: registration.created ? .created : .ok,
                                     headers: ["Location": "/api/v1/ai-tools/\(registration.tool.name)"])
    }

    /// `?input_pixels=N` (the total pixels of the image inputs about to be given) makes the
    /// estimate's median that of past runs of the same size class.
    @Sendable func get(_ req: Request) async throws -> Response {
        let query = req.queryParameters
        try query.requireOnly(["input_pixels"])
        var errors: [FieldError] = []
        let inputPixels = query.value("input_pixels") == nil ? nil
            : query.integer("input_pixels", default: 0, range: 1...Self.maxInputPixels).collect(into: &errors)
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        let tool = try await AIToolRepository.fetch(try name(req), on: req.atlasDatabase.sql)
        let durations = try await AIRunRepository.recentDurations(tool: tool.id, on: req.atlasDatabase.sql)
        let estimate = AIToolEstimate(runTime: AIToolRunTime(durations, inputPixels: inputPixels),
                                      statuses: await req.application.comfyUIPool.statuses())
        return try JSONResponse.make(AIToolBody(tool, withWorkflow: true, estimate: estimate))
    }

    @Sendable func versions(_ req: Request) async throws -> Response {
        let tool = try await AIToolRepository.fetch(try name(req), on: req.atlasDatabase.sql)
        let versions = try await AIToolRepository.versions(of: tool, on: req.atlasDatabase.sql)
        return try JSONResponse.make(["items": versions.map(AIToolVersionBody.init)])
    }

    @Sendable func execute(_ req: Request) async throws -> Response {
        let creation = try IdempotentCreate(req, content: Data(buffer: req.body.data ?? ByteBuffer()))
        let body = try RequestJSON.decode(ExecuteAIToolInput.self, from: req)
        let tool = try await AIToolRepository.fetch(try name(req), on: req.atlasDatabase.sql)
        // Prepared before a replay: preparing checks the caller may still run on the inputs' project.
        let submission = try await AIRunSubmission.prepare(req, tool: tool.current, inputs: body.inputs ?? [:], projectID: body.projectID)
        if let replayed = try await creation.replay() { return replayed }
        return try await submission.submit(fresh: body.fresh ?? false, creation: creation)
    }

    /// One run per version, or per frame of a sequence, as one job batch: 202 with the batch and its runs, or 200 when the
    /// cache answered every run (or the whole sequence).
    @Sendable func batch(_ req: Request) async throws -> Response {
        let body = try RequestJSON.decode(AIToolBatchInput.self, from: req)
        let tool = try await AIToolRepository.fetch(try name(req), on: req.atlasDatabase.sql)
        let (batch, sequence, runs) = try await AIRunBatch.prepare(req, tool: tool.current, body: body).submit(req, fresh: body.fresh ?? false)
        var headers: HTTPHeaders = [:]
        if let batch { headers.add(name: "Location", value: "/api/v1/job-batches/\(batch.id.lowercased)") }
        return try JSONResponse.make(AIRunBatchBody(batch: batch, sequenceRun: sequence, runs: runs), status: batch == nil ? .ok : .accepted, headers: headers)
    }

    /// The tool's runs the caller may see, newest first; `sequence_run_id` lists that run's frames.
    @Sendable func runs(_ req: Request) async throws -> Response {
        let query = req.queryParameters
        try query.requireOnly(Paging.parameterNames.union(["sequence_run_id"]))
        var errors: [FieldError] = []
        let paging = Paging.parse(query, errors: &errors)
        let sequenceRun = query.value("sequence_run_id").map { UUID(uuidString: $0) }
        if case .some(nil) = sequenceRun { errors.append(FieldError(field: "sequence_run_id", message: "must be a run id")) }
        guard errors.isEmpty else { throw AtlasError.validation(errors) }
        let sql = req.atlasDatabase.sql
        let tool = try await AIToolRepository.fetch(try name(req), on: sql)
        let visible = try await req.visibleProjects().map { (projects: $0, owner: try req.requirePrincipal().userID.lowercased) }
        let page = try await AIRunRepository.list(tool: tool.id, sequenceRun: sequenceRun ?? nil, visible: visible, paging: paging, on: sql)
        let jobs = try await JobRepository.fetch(page.items.compactMap(\.jobID), on: sql)
        var versions: [UUID: AIToolVersion] = [:]
        var items: [AIRunBody] = []
        for run in page.items {
            if versions[run.toolVersionID] == nil { versions[run.toolVersionID] = try await AIToolRepository.version(run.toolVersionID, on: sql) }
            items.append(try await AIRunBody.current(run, tool: versions[run.toolVersionID]!, job: run.jobID.flatMap { jobs[$0] }, on: sql))
        }
        return try JSONResponse.make(ListBody(items: items, nextCursor: page.nextCursor))
    }

    /// A trillion pixels: far beyond any image, well inside every integer the databases keep.
    static let maxInputPixels = 1_000_000_000_000

    private func name(_ req: Request) throws -> String {
        req.parameters.get("name") ?? ""
    }
}
