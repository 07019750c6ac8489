import AtlasCore
import AtlasStorage
import Foundation
import SQLKit
import Vapor

/// A version's preview image: what every member of a project may see, Clients included,
/// while the source files stay with those who make them. Previews are derived, so setting one
/// does not make a new version.
struct PreviewController: Sendable {
    static let mediaTypes: Set<String> = ["image/png", "image/jpeg", "image/webp", "image/gif"]

    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.putPreview, use: put)
        routes.on(Endpoints.getPreview, use: get)
    }

    @Sendable func put(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let mediaType = req.headers.contentType.map { "\($0.type)/\($0.subType)".lowercased() } ?? ""
        guard Self.mediaTypes.contains(mediaType) else {
            throw AtlasError(code: "unsupported_media_type", status: 415, title: "Unsupported media type",
                             detail: "A preview is one of \(Self.mediaTypes.sorted().joined(separator: ", ")) (got '\(mediaType)').")
        }
        let version = try await VersionRows.fetch(asset: assetID, number: number, on: req.atlasDatabase.sql)
        let store = req.atlas.blobs
        let staged = try await BodyStager.stage(req)
        do {
            _ = try store.commit(staged)
        } catch {
            store.discard(staged)
            throw error
        }
        let preview = PreviewRepository.Preview(sha256: staged.hash, size: staged.size, mediaType: mediaType)
        let change = req.change
        try await req.atlasDatabase.write { sql in
            let before = try await PreviewRepository.find(version: version.stamp.id, on: sql)
            try await PreviewRepository.put(preview, of: version, change: change, on: sql)
            try await AuditLog.record(change, kind: "version", id: version.stamp.id, before: before.map { ["preview": $0.sha256.hex] },
                                      after: ["preview": preview.sha256.hex], on: sql)
        }
        return Response(status: .noContent, headers: ["ETag": "\"\(staged.hash.hex)\""])
    }

    /// The uploaded preview, else the thumbnail the `version.preview` job made. An upload may
    /// replace either, so caches ask again after five minutes (the ETag makes that cheap).
    @Sendable func get(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let sql = req.atlasDatabase.sql
        let version = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
        let missing = AtlasError.notFound("preview", "of asset \(assetID.lowercased) v\(number)")
        if let preview = try await PreviewRepository.find(version: version.stamp.id, on: sql) {
            return try await StoredContentResponse.make(preview.sha256, mediaType: StoredContentResponse.mediaType(preview.mediaType), req,
                                                        cacheControl: "private, max-age=300")
        }
        guard let thumbnail = try await GeneratedPreviewRepository.image(of: version.stamp.id, kind: .thumbnail, on: sql) else {
            throw missing
        }
        return try await StoredContentResponse.make(thumbnail.sha256, mediaType: StoredContentResponse.mediaType(thumbnail.mediaType), req,
                                                    cacheControl: "private, max-age=300")
    }
}
