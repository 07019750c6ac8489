import AtlasCore
import AtlasFormats
import Foundation
import Vapor

/// The previews the `version.preview` job made, by kind: what every member of a project may
/// see, Clients included. An image is never replaced under its URL's ETag (content hash), so
/// browsers keep it for a year; regenerating (Artist and up) queues the job again.
struct GeneratedPreviewController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.getGeneratedPreview, use: get)
        routes.on(Endpoints.regeneratePreviews, use: regenerate)
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let name = req.parameters.get("kind") ?? ""
        let missing = AtlasError.notFound("preview", "\(name) of asset \(assetID.lowercased) v\(number)")
        guard let kind = PreviewKind(rawValue: name) else { throw missing }
        let sql = req.atlasDatabase.sql
        let version = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
        guard let image = try await GeneratedPreviewRepository.image(of: version.stamp.id, kind: kind, on: sql) else { throw missing }
        return try await StoredContentResponse.make(image.sha256, mediaType: StoredContentResponse.mediaType(image.mediaType), req)
    }

    /// Queues the version's previews to be made again; until they are, its state is pending
    /// and the images made before stay served.
    @Sendable func regenerate(_ req: Request) async throws -> Response {
        let assetID = try req.objectID("asset_id", kind: "asset")
        let number = try req.versionNumber(asset: assetID)
        let creation = try IdempotentCreate(req, content: Data())
        if let replayed = try await creation.replay() { return replayed }
        let change = creation.change
        return try await creation.run(auditing: "job") { sql in
            let asset = try await AssetRows.fetch(assetID, on: sql)
            let version = try await VersionRows.fetch(asset: assetID, number: number, on: sql)
            try await GeneratedPreviewRepository.markPending(version.stamp.id, at: change.at, on: sql)
            let job = try await JobRepository.enqueue(VersionPreviewJob.job(for: version, of: asset, at: change.at, again: true),
                                                      change: change, on: sql)
            return try CreatedResponse(JobBody(job), status: .accepted, location: "\(APIPaths.base)/jobs/\(job.id.lowercased)", etag: nil)
        }
    }
}
