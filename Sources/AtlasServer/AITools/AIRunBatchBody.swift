import AtlasCore
import Foundation

/// The answer to a batch: its job batch (nil when the cache answered every run), each run in the
/// order of the versions or frames, and over a sequence the run that files it as one sequence.
struct AIRunBatchBody: Encodable, Sendable {
    var batchID: String?
    var total: Int
    var cached: Int
    var sequenceRun: AIRunBody?
    var runs: [AIRunBody]

    init(batch: JobBatch?, sequenceRun: AIRunBody? = nil, runs: [AIRunBody]) {
        batchID = batch?.id.lowercased
        total = runs.count
        cached = runs.filter(\.cached).count
        self.sequenceRun = sequenceRun
        self.runs = runs
    }

    enum CodingKeys: String, CodingKey {
        case total, cached, runs
        case batchID = "batch_id", sequenceRun = "sequence_run"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(batchID, forKey: .batchID)
        try container.encode(total, forKey: .total)
        try container.encode(cached, forKey: .cached)
        try container.encode(sequenceRun, forKey: .sequenceRun)
        try container.encode(runs, forKey: .runs)
    }
}
