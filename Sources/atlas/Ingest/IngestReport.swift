import Foundation

/// What one `atlas ingest` run did, written as JSON (`--report`): the assets it added, what it
/// skipped and why, the files it rejected with their validation code, and the groups the server
/// refused. Keys are `snake_case`, like the API, for pipeline scripts.
struct IngestReport: Encodable, Sendable {
    /// A file of an added version.
    struct File: Codable, Sendable, Hashable {
        var path: String
        var sha256: String
        var size: Int64
    }

    /// An asset created, or a new version of one ingested before from the same source.
    struct Added: Encodable, Sendable {
        var source: String
        var assetID: String
        var name: String
        var type: String
        var version: Int
        var newAsset: Bool
        var files: [File]
        /// Files whose bytes were sent, and how many bytes; the others were already stored.
        var uploaded: Int
        var uploadedBytes: Int64

        enum CodingKeys: String, CodingKey {
            case source, name, type, version, files, uploaded
            case assetID = "asset_id", newAsset = "new_asset", uploadedBytes = "uploaded_bytes"
        }
    }

    /// A group or folder entry left alone, with a stable `code` and a reason for people.
    struct Skipped: Encodable, Sendable {
        var source: String
        var code: String
        var reason: String
        var assetID: String?
        var version: Int?

        enum CodingKeys: String, CodingKey {
            case source, code, reason, version
            case assetID = "asset_id"
        }
    }

    /// A file not uploaded because its inspection found an error.
    struct Rejected: Encodable, Sendable {
        var file: String
        var code: String
        var reason: String
    }

    /// A group the server would not take (its answer quoted).
    struct Failed: Encodable, Sendable {
        var source: String
        var reason: String
    }

    var folder: String
    var project: String
    var server: String
    var startedAt: Date
    var finishedAt: Date
    var added: [Added] = []
    var skipped: [Skipped] = []
    var rejected: [Rejected] = []
    var failed: [Failed] = []
    var bytesUploaded: Int64 = 0
    var filesAlreadyStored: Int = 0

    enum CodingKeys: String, CodingKey {
        case folder, project, server, added, skipped, rejected, failed
        case startedAt = "started_at", finishedAt = "finished_at", bytesUploaded = "bytes_uploaded",
             filesAlreadyStored = "files_already_stored"
    }

    /// Clean when nothing was rejected and nothing failed: the command's exit status is 0.
    var isClean: Bool { rejected.isEmpty && failed.isEmpty }

    /// Writes the report as pretty JSON to `path`.
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try (encoder.encode(self) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
