import AtlasCore
import Foundation

/// The answer to a batch: its job batch (nil when the cache answered every run) and each run in
/// the order of the versions.
struct AIRunBatchBody: Encodable, Sendable {
    var batchID: String?
    var total: Int
    var cached: Int
    var runs: [AIRunBody]

    init(batch: JobBatch?, runs: [AIRunBody]) {
        batchID = batch?.id.lowercased
        total = runs.count
        cached = runs.filter(\.cached).count
        self.runs = runs
    }

    enum CodingKeys: String, CodingKey {
        case total, cached, runs
        case batchID = "batch_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(batchID, forKey: .batchID)
        try container.encode(total, forKey: .total)
        try container.encode(cached, forKey: .cached)
        try container.encode(runs, forKey: .runs)
    }
}
