import AtlasCore
import Foundation

/// A batch as the API shows it.
struct JobBatchBody: Encodable, Sendable {
    var id: String
    @Nullable var projectID: String?
    var total: Int
    var status: JobStatus
    var counts: [String: Int]
    var progress: Double
    var createdAt: Date
    @Nullable var createdBy: String?

    enum CodingKeys: String, CodingKey {
        case id, total, status, counts, progress
        case projectID = "project_id", createdAt = "created_at", createdBy = "created_by"
    }

    init(_ batch: JobBatch) {
        id = batch.id.lowercased
        projectID = batch.projectID?.lowercased
        total = batch.total
        status = batch.status
        counts = Dictionary(uniqueKeysWithValues: JobStatus.allCases.map { ($0.rawValue, batch.counts[$0] ?? 0) })
        progress = batch.progress
        createdAt = batch.createdAt
        createdBy = batch.createdBy
    }
}
