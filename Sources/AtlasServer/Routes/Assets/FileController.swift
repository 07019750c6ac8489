import AtlasCore
import Foundation
import Vapor

/// Downloads of a version's files: streamed from the blob store with `Range` support,
/// `ETag` = the content's SHA-256, `If-None-Match` → 304.
struct FileController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.downloadFile, use: download)
    }

    @Sendable func download(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let path = req.parameters.getCatchall().joined(separator: "/")
        let file = try await VersionRows.file(asset: assetID, number: number, path: path, on: req.atlasDatabase.sql)
        let filename = path.split(separator: "/").last.map(String.init) ?? path
        let mediaType = FieldRules.format(ofPath: path).flatMap(HTTPMediaType.fileExtension) ?? .binary
        return try await StoredContentResponse.make(file.sha256, mediaType: mediaType, req, attachment: filename)
    }
}
