import AtlasCore
import Foundation

/// Who is looking at a page, as its frame tells the page's scripts: the account and the
/// actions its role may take in a project it belongs to (from `PermissionTable`, the one
/// source of truth, so the UI never keeps a second copy of the rules).
struct PageViewer: Sendable, Equatable {
    var userID: UUID
    var username: String
    var displayName: String
    var role: Role

    init(userID: UUID, username: String, displayName: String, role: Role) {
        self.userID = userID
        self.username = username
        self.displayName = displayName
        self.role = role
    }

    init(_ user: User) {
        self.init(userID: user.stamp.id, username: user.username, displayName: user.stamp.name, role: user.role)
    }

    /// The actions allowed to this role as a project member, in declaration order.
    var allowedActions: [Action] {
        Action.allCases.filter { PermissionTable.decide($0, role: role, isMember: true) == .allow }
    }

    func may(_ action: Action) -> Bool {
        PermissionTable.decide(action, role: role, isMember: true) == .allow
    }
}
