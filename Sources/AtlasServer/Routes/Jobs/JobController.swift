import AtlasCore
import Foundation
import SQLKit
import Vapor

/// `/api/v1/jobs`: follow, cancel and retry background work. A job is visible to the account
/// that made it, to members of its project and to administrators; to anyone else it does not exist.
struct JobController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.listJobs, use: list)
        routes.on(Endpoints.getJob, use: get)
        routes.on(Endpoints.cancelJob) { try await control($0) { id, change, sql in try await JobRepository.cancel(id, change: change, on: sql) } }
        routes.on(Endpoints.retryJob) { try await control($0) { id, change, sql in try await JobRepository.retry(id, change: change, on: sql) } }
        routes.on(Endpoints.followJob) { try await JobEventStream.response($0) }
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let query = try JobQuery.parse(req.queryParameters)
        let principal = try req.requirePrincipal()
        let visible = try await req.visibleProjects().map { (projects: $0, owner: principal.userID.lowercased) }
        let page = try await JobRepository.list(query, visible: visible, on: req.atlasDatabase.sql)
        return try JSONResponse.make(ListBody(items: page.items.map(JobBody.init), nextCursor: page.nextCursor))
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let job = try await JobRepository.fetch(try req.objectID("job_id", kind: "job"), on: req.atlasDatabase.sql)
        try await Self.requireVisible(job, req)
        return try JSONResponse.make(JobBody(job))
    }

    /// Cancel or retry: for the account that made the job, producers of its project and administrators.
    private func control(_ req: Request, _ change: @escaping @Sendable (UUID, Change, any SQLDatabase) async throws -> Job) async throws -> Response {
        let id = try req.objectID("job_id", kind: "job")
        let job = try await JobRepository.fetch(id, on: req.atlasDatabase.sql)
        try await Self.requireVisible(job, req)
        try req.requireControl(owner: job.createdBy, project: job.projectID)
        let audit = req.change
        let updated = try await req.atlasDatabase.write { sql in
            let updated = try await change(id, audit, sql)
            try await AuditLog.record(audit, kind: "job", id: id, before: JobBody(job), after: JobBody(updated), on: sql)
            return updated
        }
        return try JSONResponse.make(JobBody(updated))
    }

    /// A job the caller may not see answers as if it did not exist.
    static func requireVisible(_ job: Job, _ req: Request) async throws {
        try await req.requireVisible(owner: job.createdBy, project: job.projectID, otherwise: .notFound("job", job.id.lowercased))
    }
}
