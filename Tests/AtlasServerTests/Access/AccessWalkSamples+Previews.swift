import AtlasCore
import AtlasFormats
import AtlasTestSupport
import Foundation
import SQLKit
@testable import AtlasServer

/// Sample requests of generated previews and exports, made ready as the administrator.
extension AccessWalkSamples {
    static let previews: [String: Make] = [
        "getGeneratedPreview": { fx, _ in
            let asset = try await fx.freshAsset()
            let version = try await walkVersion(fx, asset)
            let writer = try fx.t.app.atlas.blobs.makeWriter()
            try writer.write(fx.png)
            let staged = try writer.finish()
            try fx.t.app.atlas.blobs.commit(staged)
            let image = GeneratedPreviewRepository.Image(kind: .thumbnail, sha256: staged.hash, size: staged.size, mediaType: "image/png")
            try await fx.t.app.atlasDatabase.write { sql in
                try await GeneratedPreviewRepository.record(VersionPreviews(state: .ready, kinds: [.thumbnail], reason: nil), images: [image],
                                                            version: version.id, at: Date(), on: sql)
            }
            return WalkRequest(method: .GET, path: "/api/v1/assets/\(asset)/versions/1/previews/thumbnail")
        },
        "regeneratePreviews": { fx, _ in WalkRequest(method: .POST, path: "/api/v1/assets/\(try await fx.freshAsset())/versions/1/previews") },
        "createExport": { fx, _ in
            let asset = try await fx.admin.createAsset(project: fx.project, name: fx.uniqueName("model"), type: "geometry",
                                                       files: [("tri.obj", Data("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8))])
            return try .json(.POST, "/api/v1/assets/\(asset["id"]?.string ?? "")/versions/1/exports", ["file": "tri.obj", "format": "gltf"])
        },
        "downloadExport": { fx, _ in
            // A finished export of a fresh asset's a.txt, set up directly: the walk runs no workers.
            let asset = try await fx.freshAsset()
            let version = try await walkVersion(fx, asset)
            let now = Date()
            let order = ExportOrder(assetID: UUID(uuidString: asset)!, versionID: version.id, version: 1, file: "a.txt", format: .png,
                                    deliver: .download, requestedBy: .init(AuditActor(userID: nil, name: "walk")))
            let job = try VersionExportJob.job(order, project: UUID(uuidString: fx.project)!, at: now)
            try await fx.t.app.atlasDatabase.write { sql in
                _ = try await JobRepository.enqueue(job, change: .cli("walk", at: now), on: sql)
                try await sql.raw("UPDATE jobs SET status = 'succeeded', finished_at = \(bind: now) WHERE id = \(bind: job.id)").run()
                try await ExportFileRepository.put([ExportResult.File(name: "a.png", sha256: version.file, size: 36)], job: job.id, version: nil, at: now, on: sql)
            }
            return WalkRequest(method: .GET, path: ExportResult.downloadPath(job: job.id))
        },
    ]

    /// The id of v1 of `asset` and the hash of its first file.
    private static func walkVersion(_ fx: AccessWalkFixture, _ asset: String) async throws -> (id: UUID, file: ContentHash) {
        let version = try await fx.admin.get("/api/v1/assets/\(asset)/versions/1").json
        guard let id = version["id"]?.string.flatMap(UUID.init(uuidString:)),
              let hash = version["files"]?[0]?["sha256"]?.string.flatMap(ContentHash.init(hex:)) else {
            throw TestSupportError("no v1 of \(asset)")
        }
        return (id, hash)
    }
}
