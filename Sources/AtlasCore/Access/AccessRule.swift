/// Who may perform an action.
public enum AccessRule: Sendable, Equatable {
    /// No account needed.
    case anyone
    /// Any signed-in account, whatever its role.
    case signedIn
    /// Accounts with one of these roles; the action belongs to no project.
    case roles(Set<Role>)
    /// Accounts with one of these roles that are members of the object's project
    /// (administrators belong to every project). To anyone else the object does not exist.
    case projectRoles(Set<Role>)

    public var needsAccount: Bool { self != .anyone }
    public var isProjectScoped: Bool {
        if case .projectRoles = self { return true }
        return false
    }
}
