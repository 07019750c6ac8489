/// A show or job that assets belong to.
public struct Project: Sendable, Equatable {
    public var stamp: ObjectStamp
    /// Short unique code as used in shot names and paths, e.g. `GLD`.
    public var code: String
    public var description: String
    public var status: ProjectStatus
    /// Increases with every change; the ETag.
    public var revision: Int

    public init(stamp: ObjectStamp, code: String, description: String, status: ProjectStatus, revision: Int) {
        self.stamp = stamp
        self.code = code
        self.description = description
        self.status = status
        self.revision = revision
    }
}
