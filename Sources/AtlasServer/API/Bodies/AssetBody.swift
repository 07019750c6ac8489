import AtlasCore
import Foundation

/// An asset as the API shows it. Listings carry this without files (lazy loading) but with the
/// latest version's previews state; the detail adds the latest version.
struct AssetBody: Encodable, Sendable {
    var id: String
    var projectID: String
    var name: String
    var type: AssetType
    @Nullable var format: String?
    var description: String
    var tags: [String]
    var status: VersionStatus
    var latestVersion: Int
    var metadata: Metadata
    var createdAt: Date
    var updatedAt: Date
    @Nullable var createdBy: String?
    @Nullable var updatedBy: String?
    @Nullable var deletedAt: Date?
    var etag: String
    @Nullable var latest: VersionBody?
    /// The latest version's previews, in listings; left out elsewhere (events, audit entries).
    var previews: VersionPreviews?

    enum CodingKeys: String, CodingKey {
        case id, name, type, format, description, tags, status, metadata, etag, latest, previews
        case projectID = "project_id", latestVersion = "latest_version", createdAt = "created_at",
             updatedAt = "updated_at", createdBy = "created_by", updatedBy = "updated_by", deletedAt = "deleted_at"
    }

    init(_ asset: Asset, latest: AssetVersion? = nil, previews: VersionPreviews? = nil) {
        id = asset.stamp.id.lowercased
        projectID = asset.projectID.lowercased
        name = asset.stamp.name
        type = asset.type
        format = asset.format
        description = asset.description
        tags = asset.tags
        status = asset.status
        latestVersion = asset.latestVersion
        metadata = asset.stamp.metadata
        createdAt = asset.stamp.createdAt
        updatedAt = asset.stamp.updatedAt
        createdBy = asset.stamp.createdBy
        updatedBy = asset.stamp.updatedBy
        deletedAt = asset.deletedAt
        etag = ETag.revision(asset.revision)
        self.latest = latest.map(VersionBody.init)
        self.previews = previews
    }
}

/// A page of assets, with facet counts when asked for.
struct AssetListBody: Encodable, Sendable {
    struct FacetCount: Encodable, Sendable {
        var value: String
        var count: Int
    }

    var items: [AssetBody]
    @Nullable var nextCursor: String?
    var facets: [String: [FacetCount]]?

    enum CodingKeys: String, CodingKey {
        case items, facets
        case nextCursor = "next_cursor"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
        try container.encodeIfPresent(facets, forKey: .facets)
    }
}

/// A file named by content already in the blob store.
struct FileInput: Decodable, Sendable {
    var path: String
    var sha256: String
}

struct CreateAssetInput: Decodable, Sendable {
    var projectID: UUID
    var name: String
    var type: String
    var format: String?
    var description: String?
    var tags: [String]?
    var metadata: Metadata?
    var files: [FileInput]?
    var comment: String?
    var status: String?
    var versionMetadata: Metadata?

    enum CodingKeys: String, CodingKey {
        case name, type, format, description, tags, metadata, files, comment, status
        case projectID = "project_id", versionMetadata = "version_metadata"
    }
}

struct UpdateAssetInput: Decodable, Sendable {
    var name: String?
    var type: String?
    var description: String?
    var tags: [String]?
    var metadata: Metadata?
}

struct TagsInput: Decodable, Sendable {
    var tags: [String]
}
