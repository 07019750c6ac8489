/// The review state of a version. An asset's status is that of its latest version.
public enum VersionStatus: String, Sendable, Codable, CaseIterable {
    case wip
    case review
    case approved
    case deprecated
}
