/// Whether a project takes new work. Archived projects keep their assets readable but accept no new ones.
public enum ProjectStatus: String, Sendable, Codable, CaseIterable {
    case active
    case archived
}
