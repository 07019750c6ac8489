import Vapor

/// `GET /api/jobs` and `/api/jobs/{id}`: queue and history as jobs, the only place pending and
/// running prompts can be told apart by id. Errors are `{"error": "..."}`.
struct JobsController: Sendable {
    let context: StandInContext

    @Sendable func list(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.url.query)
        let query: JobListQuery
        do {
            query = try JobListQuery { parameters[$0] }
        } catch {
            return AiohttpResponse.json(["error": .string(error.message)], status: .badRequest)
        }
        let (running, pending) = await context.queue.snapshot()
        let (jobs, total) = query.page(running: running, pending: pending, history: await context.queue.allHistory())
        let pagination: JSON = ["offset": .int(query.offset), "limit": query.limit.map(JSON.int) ?? .null, "total": .int(total),
                                "has_more": .bool(query.offset + jobs.count < total)]
        return AiohttpResponse.json(["jobs": .array(jobs.map(JSON.object)), "pagination": pagination])
    }

    @Sendable func job(_ request: Request) async throws -> Response {
        let jobID = request.parameters.get("job_id") ?? ""
        if let entry = await context.queue.historyEntry(jobID) {
            return AiohttpResponse.json(.object(JobSummary.finished(jobID, entry, detailed: true)))
        }
        let (running, pending) = await context.queue.snapshot()
        if let item = running.first(where: { $0.promptID == jobID }) {
            return AiohttpResponse.json(.object(JobSummary.queued(item, status: "in_progress")))
        }
        if let item = pending.first(where: { $0.promptID == jobID }) {
            return AiohttpResponse.json(.object(JobSummary.queued(item, status: "pending")))
        }
        return AiohttpResponse.json(["error": "Job not found"], status: .notFound)
    }
}
