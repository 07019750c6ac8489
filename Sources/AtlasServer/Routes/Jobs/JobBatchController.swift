import AtlasCore
import Foundation
import Vapor

/// `/api/v1/job-batches`: a batch's totals and its cancellation. A batch is visible to whoever
/// may see its jobs: the account that submitted it, members of its project, administrators.
struct JobBatchController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.getJobBatch, use: get)
        routes.on(Endpoints.cancelJobBatch, use: cancel)
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let batch = try await visibleBatch(req)
        return try JSONResponse.make(JobBatchBody(batch))
    }

    @Sendable func cancel(_ req: Request) async throws -> Response {
        let batch = try await visibleBatch(req)
        try req.requireControl(owner: batch.createdBy, project: batch.projectID)
        let change = req.change
        let updated = try await req.atlasDatabase.write { sql in
            let updated = try await BatchRepository.cancel(batch.id, change: change, on: sql)
            try await AuditLog.record(change, kind: "job_batch", id: batch.id, before: JobBatchBody(batch), after: JobBatchBody(updated), on: sql)
            return updated
        }
        return try JSONResponse.make(JobBatchBody(updated))
    }

    private func visibleBatch(_ req: Request) async throws -> JobBatch {
        let id = try req.objectID("batch_id", kind: "batch")
        let batch = try await BatchRepository.fetch(id, on: req.atlasDatabase.sql)
        try await Self.requireVisible(batch, req)
        return batch
    }

    static func requireVisible(_ batch: JobBatch, _ req: Request) async throws {
        try await req.requireVisible(owner: batch.createdBy, project: batch.projectID, otherwise: .notFound("batch", batch.id.lowercased))
    }
}
