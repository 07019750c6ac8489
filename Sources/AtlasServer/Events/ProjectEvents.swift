import AtlasCore
import Foundation

/// The events of project membership. The member is the event's owner, so the account added or
/// removed hears of it even though it was not (or is no longer) a member.
enum ProjectEvents {
    static let memberAdded = "project.member_added"
    static let memberRemoved = "project.member_removed"

    static func member(_ type: String, user: UUID, project: UUID, change: Change) -> AtlasEvent {
        AtlasEvent(type: type, at: change.at, objectID: project, projectID: project, owner: user.lowercased,
                   clientID: change.clientID,
                   data: ["project_id": .string(project.lowercased), "user_id": .string(user.lowercased)])
    }
}
