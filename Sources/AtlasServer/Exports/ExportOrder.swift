import AtlasCore
import AtlasFormats
import Foundation

/// What a `version.export` job is asked to do: its payload. The asset and version are named
/// by id and number both, so the download route can check who may read the source.
struct ExportOrder: Codable, Sendable, Equatable {
    /// Where the converted file goes.
    enum Delivery: String, Codable, Sendable, CaseIterable {
        /// Kept as a download: `GET /api/v1/exports/{job_id}/file`.
        case download
        /// A new version of the same asset, with the converted file in place of the source.
        case version
    }

    var assetID: UUID
    var versionID: UUID
    var version: Int
    /// The path of the source file in the version.
    var file: String
    var format: ExportFormat
    var deliver: Delivery
    /// Who asked, so a new version is stamped and audited as theirs.
    var requestedBy: Requester

    struct Requester: Codable, Sendable, Equatable {
        var userID: UUID?
        var name: String

        init(_ actor: AuditActor) {
            userID = actor.userID
            name = actor.name
        }

        var actor: AuditActor { AuditActor(userID: userID, name: name) }

        enum CodingKeys: String, CodingKey {
            case name
            case userID = "user_id"
        }
    }

    /// The order a job's payload holds; nil when it holds none.
    static func from(_ payload: JSONValue) -> ExportOrder? {
        try? JSONCoding.sharedDecoder.decode(ExportOrder.self, from: JSONCoding.sharedEncoder.encode(payload))
    }

    enum CodingKeys: String, CodingKey {
        case version, file, format, deliver
        case assetID = "asset_id", versionID = "version_id", requestedBy = "requested_by"
    }
}
