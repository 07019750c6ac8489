/// What an account may do across the studio. Roles are data on an account, not types.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Everything, in every project: accounts, audit, secrets.
    case administrator
    /// Projects, their members and estimates, and every asset of their projects.
    case producer
    /// Assets and AI tools of the projects they belong to.
    case artist
    /// Previews and status of assets in their projects; never source files.
    case client

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
