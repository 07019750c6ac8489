import Foundation

/// Something that happened to an object, as live-event clients and the replay see it.
///
/// Events are written in the same transaction as the change they describe and numbered by
/// `seq` in the order they became visible, so a client that remembers the last `seq` it saw can
/// ask for everything after it.
public struct AtlasEvent: Sendable, Equatable {
    public var seq: Int64
    /// `job.running`, `asset.version_added`, … (the `type` of the message a client receives).
    public var type: String
    public var at: Date
    /// The job, asset or project the event is about.
    public var objectID: UUID
    /// The project whose members may see the event, if any.
    public var projectID: UUID?
    /// The batch a job event belongs to.
    public var batchID: UUID?
    /// Who else may see it: the account that made a job (its `created_by` stamp).
    public var owner: String?
    /// The `Atlas-Client-Id` of the request that caused it, so a panel can ignore its own echo.
    public var clientID: String?
    /// The object as the API shows it, or what changed.
    public var data: JSONValue

    public init(seq: Int64 = 0, type: String, at: Date, objectID: UUID, projectID: UUID? = nil, batchID: UUID? = nil,
                owner: String? = nil, clientID: String? = nil, data: JSONValue) {
        self.seq = seq
        self.type = type
        self.at = at
        self.objectID = objectID
        self.projectID = projectID
        self.batchID = batchID
        self.owner = owner
        self.clientID = clientID
        self.data = data
    }

    /// The kind of object, from the type's prefix: `job`, `asset`, `project`.
    public var objectKind: Substring { type.prefix { $0 != "." } }

    /// The topics the event is published on, most specific first.
    public var topics: [EventTopic] {
        var topics: [EventTopic] = []
        switch objectKind {
        case "job": topics.append(.job(objectID))
        case "asset": topics.append(.asset(objectID))
        default: break
        }
        if let batchID { topics.append(.batch(batchID)) }
        if let projectID { topics.append(.project(projectID)) }
        if objectKind == "job" { topics.append(.jobs) }
        return topics
    }
}
