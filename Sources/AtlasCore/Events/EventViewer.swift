import Foundation

/// Who is watching events, and so which events they may receive: the same rule as the API's
/// reads. Administrators see everything; everyone else sees events of the projects they belong
/// to and of the jobs they made.
public struct EventViewer: Sendable, Equatable {
    /// Sees every project (administrators).
    public var seesAll: Bool
    /// The account's `created_by` stamp (its user id, lowercased).
    public var stamp: String
    public var userID: UUID
    /// The projects the account is a member of.
    public var projects: Set<UUID>

    public init(seesAll: Bool, userID: UUID, projects: Set<UUID>) {
        self.seesAll = seesAll
        self.userID = userID
        self.stamp = userID.uuidString.lowercased()
        self.projects = projects
    }

    /// Whether this viewer may receive `event`.
    public func maySee(_ event: AtlasEvent) -> Bool {
        if seesAll { return true }
        if let owner = event.owner, owner == stamp { return true }
        if let project = event.projectID { return projects.contains(project) }
        return false
    }
}
