import AtlasCore
import Foundation

/// A dependency edge as the API shows it, with the asset and version number at each end.
struct DependencyBody: Encodable, Sendable {
    struct End: Encodable, Sendable {
        var versionID: String
        var assetID: String
        var assetName: String
        var version: Int

        enum CodingKeys: String, CodingKey {
            case version
            case versionID = "version_id", assetID = "asset_id", assetName = "asset_name"
        }
    }

    var id: String
    var kind: String
    var reference: String
    var missing: Bool
    @Nullable var depth: Int?
    @Nullable var source: End?
    @Nullable var target: End?
    var createdAt: Date
    @Nullable var createdBy: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, reference, missing, depth, source, target
        case createdAt = "created_at", createdBy = "created_by"
    }
}

struct DependencyListBody: Encodable, Sendable {
    var items: [DependencyBody]
    var missing: Int
}

struct AddDependencyInput: Decodable, Sendable {
    var versionID: UUID?
    var assetID: UUID?
    var version: Int?
    var reference: String?
    var kind: String?

    enum CodingKeys: String, CodingKey {
        case version, reference, kind
        case versionID = "version_id", assetID = "asset_id"
    }
}
