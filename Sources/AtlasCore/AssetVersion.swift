import Foundation

/// One immutable state of an asset's content. Only its status changes after creation.
public struct AssetVersion: Sendable, Equatable {
    public var stamp: ObjectStamp
    public var assetID: UUID
    /// 1, 2, 3… in order of creation within the asset.
    public var number: Int
    public var parentID: UUID?
    public var status: VersionStatus
    public var comment: String
    /// The version whose content this one restores, for reverts.
    public var revertedFrom: Int?
    public var files: [VersionFile]
    public var revision: Int

    public init(stamp: ObjectStamp, assetID: UUID, number: Int, parentID: UUID?, status: VersionStatus, comment: String,
                revertedFrom: Int?, files: [VersionFile], revision: Int) {
        self.stamp = stamp
        self.assetID = assetID
        self.number = number
        self.parentID = parentID
        self.status = status
        self.comment = comment
        self.revertedFrom = revertedFrom
        self.files = files
        self.revision = revision
    }
}

/// A file of a version: where it sits in the version and which stored content it is.
public struct VersionFile: Sendable, Equatable, Codable {
    public var path: String
    public var sha256: ContentHash
    public var size: Int64

    public init(path: String, sha256: ContentHash, size: Int64) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}
