import AtlasCore
import Foundation

/// The payload of an `ai.run` job: which run, and who asked (results are stamped as theirs).
struct AIRunOrder: Codable, Sendable {
    var runID: UUID
    var requestedBy: ExportOrder.Requester

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", requestedBy = "requested_by"
    }

    static func from(_ payload: JSONValue) throws -> AIRunOrder {
        do {
            return try JSONCoding.sharedDecoder.decode(AIRunOrder.self, from: JSONCoding.sharedEncoder.encode(payload))
        } catch {
            throw PermanentJobFailure("payload is not an ai.run order")
        }
    }
}
