import Foundation

/// A library item with an ordered history of immutable versions.
public struct Asset: Sendable, Equatable {
    public var stamp: ObjectStamp
    public var projectID: UUID
    public var type: AssetType
    /// Format of the latest version's primary file, e.g. `exr`, `usd`.
    public var format: String?
    public var description: String
    public var tags: [String]
    /// Status of the latest version.
    public var status: VersionStatus
    public var latestVersion: Int
    public var revision: Int
    public var deletedAt: Date?

    public init(stamp: ObjectStamp, projectID: UUID, type: AssetType, format: String?, description: String,
                tags: [String], status: VersionStatus, latestVersion: Int, revision: Int, deletedAt: Date?) {
        self.stamp = stamp
        self.projectID = projectID
        self.type = type
        self.format = format
        self.description = description
        self.tags = tags
        self.status = status
        self.latestVersion = latestVersion
        self.revision = revision
        self.deletedAt = deletedAt
    }
}
