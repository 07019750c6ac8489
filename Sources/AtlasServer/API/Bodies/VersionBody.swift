import AtlasCore
import Foundation

/// A version as the API shows it, with its files and where to download them.
struct VersionBody: Encodable, Sendable {
    struct FileBody: Codable, Sendable {
        var path: String
        var sha256: ContentHash
        var size: Int64
        var url: String
    }

    var id: String
    var assetID: String
    var number: Int
    @Nullable var parentID: String?
    var status: VersionStatus
    var comment: String
    @Nullable var revertedFrom: Int?
    var metadata: Metadata
    var files: [FileBody]
    var createdAt: Date
    var updatedAt: Date
    @Nullable var createdBy: String?
    @Nullable var updatedBy: String?
    var etag: String
    /// Where the making of its previews stands; left out where it is not looked up (audit summaries).
    var previews: VersionPreviews?

    enum CodingKeys: String, CodingKey {
        case id, number, status, comment, metadata, files, etag, previews
        case assetID = "asset_id", parentID = "parent_id", revertedFrom = "reverted_from", createdAt = "created_at",
             updatedAt = "updated_at", createdBy = "created_by", updatedBy = "updated_by"
    }

    init(_ version: AssetVersion, previews: VersionPreviews?) {
        self.init(version)
        self.previews = previews
    }

    init(_ version: AssetVersion) {
        id = version.stamp.id.lowercased
        assetID = version.assetID.lowercased
        number = version.number
        parentID = version.parentID?.lowercased
        status = version.status
        comment = version.comment
        revertedFrom = version.revertedFrom
        metadata = version.stamp.metadata
        files = version.files.map { file in
            FileBody(path: file.path, sha256: file.sha256, size: file.size,
                     url: APIPaths.file(asset: version.assetID, version: version.number, path: file.path))
        }
        createdAt = version.stamp.createdAt
        updatedAt = version.stamp.updatedAt
        createdBy = version.stamp.createdBy
        updatedBy = version.stamp.updatedBy
        etag = ETag.revision(version.revision)
    }
}

struct CreateVersionInput: Decodable, Sendable {
    var files: [FileInput]?
    var comment: String?
    var status: String?
    var metadata: Metadata?
}

struct SetVersionStatusInput: Decodable, Sendable {
    var status: String
}

struct RevertInput: Decodable, Sendable {
    var comment: String?
}

/// What two versions differ in.
struct VersionDiffBody: Encodable, Sendable {
    var assetID: String
    var from: Int
    var to: Int
    var metadata: MetadataDiff
    var files: FileDiff
    @Nullable var status: MetadataDiff.Change?

    enum CodingKeys: String, CodingKey {
        case from, to, metadata, files, status
        case assetID = "asset_id"
    }
}
