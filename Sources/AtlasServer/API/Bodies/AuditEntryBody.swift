import AtlasCore
import Foundation

/// One audit log entry as the API shows it.
struct AuditEntryBody: Encodable, Sendable {
    struct Actor: Encodable, Sendable {
        @Nullable var userID: String?
        var name: String
        @Nullable var apiKeyID: String?

        enum CodingKeys: String, CodingKey {
            case name
            case userID = "user_id", apiKeyID = "api_key_id"
        }
    }

    var id: String
    var at: Date
    var actor: Actor
    var action: String
    @Nullable var objectKind: String?
    @Nullable var objectID: String?
    var summary: JSONValue
    @Nullable var clientAddress: String?
    @Nullable var requestID: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, summary
        case objectKind = "object_kind", objectID = "object_id", clientAddress = "client_address", requestID = "request_id"
    }

    init(_ entry: AuditEntry) {
        id = entry.id.lowercased
        at = entry.at
        actor = Actor(userID: entry.actor.userID?.lowercased, name: entry.actor.name, apiKeyID: entry.actor.apiKeyID?.lowercased)
        action = entry.action
        objectKind = entry.objectKind
        objectID = entry.objectID
        summary = entry.summary
        clientAddress = entry.clientAddress
        requestID = entry.requestID
    }
}
