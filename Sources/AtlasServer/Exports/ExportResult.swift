import AtlasCore
import AtlasFormats
import Foundation

/// What a finished `version.export` job hands back as its result.
struct ExportResult: Codable, Sendable, Equatable {
    /// One file the export made (the converted file first, then what it needs beside it).
    struct File: Codable, Sendable, Equatable {
        var name: String
        var sha256: ContentHash
        var size: Int64
    }

    var deliver: ExportOrder.Delivery
    var format: ExportFormat
    var files: [File]
    /// `GET /api/v1/exports/{job_id}/file`: the converted file (`?name=` for the others).
    var downloadURL: String
    /// The version made, when delivered as one.
    var version: Int?

    enum CodingKeys: String, CodingKey {
        case deliver, format, files, version
        case downloadURL = "download_url"
    }

    static func downloadPath(job: UUID) -> String { "\(APIPaths.base)/exports/\(job.lowercased)/file" }
}
