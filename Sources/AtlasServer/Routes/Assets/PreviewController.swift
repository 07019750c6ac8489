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

    @Sendable func get(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let sql = req.atlasDatabase.sql
        let version = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
        guard let preview = try await PreviewRepository.find(version: version.stamp.id, on: sql) else {
            throw AtlasError.notFound("preview", "of asset \(assetID.lowercased) v\(number)")
        }
        let etag = "\"\(preview.sha256.hex)\""
        if let match = req.headers.first(name: .ifNoneMatch), FileController.matches(match, etag: etag) {
            return Response(status: .notModified, headers: ["ETag": etag])
        }
        guard let location = req.atlas.blobs.filePath(for: preview.sha256) else {
            throw AtlasError.notFound("preview", "of asset \(assetID.lowercased) v\(number)")
        }
        let parts = preview.mediaType.split(separator: "/").map(String.init)
        let response = try await req.fileio.asyncStreamFile(at: location, mediaType: HTTPMediaType(type: parts[0], subType: parts[1]))
        response.headers.replaceOrAdd(name: .eTag, value: etag)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        return response
    }
}
