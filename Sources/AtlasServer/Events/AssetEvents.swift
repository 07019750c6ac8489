import AtlasCore
import Foundation

/// The events of assets: `asset.created`, `asset.updated`, `asset.deleted`, `asset.restored`,
/// `asset.version_added`, `asset.version_status_changed`, `asset.preview_ready`, `asset.preview_failed`,
/// `asset.version_inspected`. The data is
/// the asset as its listing shows it, and for version events a summary of the version — never
/// its files, since a Client account may receive it.
enum AssetEvents {
    static let created = "asset.created"
    static let updated = "asset.updated"
    static let deleted = "asset.deleted"
    static let restored = "asset.restored"
    static let versionAdded = "asset.version_added"
    static let versionStatusChanged = "asset.version_status_changed"
    static let previewReady = "asset.preview_ready"
    /// The preview job ended without previews: `state` failed or unavailable, and its `reason`.
    static let previewFailed = "asset.preview_failed"
    static let versionInspected = "asset.version_inspected"

    static func event(_ type: String, _ asset: Asset, version: AssetVersion? = nil, change: Change) throws -> AtlasEvent {
        var data: [String: JSONValue] = ["asset": try JSONCoding.json(AssetBody(asset))]
        if let version {
            data["version"] = [
                "id": .string(version.stamp.id.lowercased), "number": .number(Double(version.number)),
                "status": .string(version.status.rawValue), "comment": .string(version.comment),
                "reverted_from": version.revertedFrom.map { .number(Double($0)) } ?? .null,
            ]
        }
        return AtlasEvent(type: type, at: change.at, objectID: asset.stamp.id, projectID: asset.projectID,
                          clientID: change.clientID, data: .object(data))
    }
}
