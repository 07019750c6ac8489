import AtlasCore
import Foundation

/// A validated request to create an asset.
struct NewAsset: Sendable {
    var projectID: UUID
    var name: String
    var type: AssetType
    var format: String?
    var description: String
    var tags: [String]
    var metadata: Metadata
}

/// A validated request to add a version: its files (already in the blob store) and what is said of it.
struct NewVersion: Sendable {
    var files: [VersionFile]
    var comment: String
    var status: VersionStatus
    var metadata: Metadata
    var revertedFrom: Int? = nil
}
