import AtlasCore
import Foundation

/// The body of an execute request.
struct ExecuteAIToolInput: Decodable, Sendable {
    var inputs: [String: JSONValue]?
    var projectID: UUID?
    var fresh: Bool?

    enum CodingKeys: String, CodingKey {
        case inputs, fresh
        case projectID = "project_id"
    }
}
