import AtlasCore
import Foundation
import Vapor

/// `/api/v1/blobs`: content by hash, so clients send only bytes the server lacks.
struct BlobController: Sendable {
    struct BlobBody: Encodable, Sendable {
        var sha256: ContentHash
        var size: Int64
        /// False when identical content was already stored.
        var created: Bool
    }

    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.uploadBlob, use: upload)
        routes.on(Endpoints.checkBlob, use: check)
    }

    @Sendable func upload(_ req: Request) async throws -> Response {
        let query = req.queryParameters
        try query.requireOnly(["sha256"])
        let expected = try query.value("sha256").map { text in
            guard let hash = ContentHash(hex: text) else { throw AtlasError.invalid("sha256", "must be 64 hexadecimal digits") }
            return hash
        }
        let store = req.atlas.blobs
        let staged = try await BodyStager.stage(req)
        if let expected, expected != staged.hash {
            store.discard(staged)
            throw AtlasError.badRequest("hash_mismatch", "The bytes received hash to \(staged.hash.hex), not \(expected.hex); nothing was stored.")
        }
        let created = try store.commit(staged)
        let change = req.change
        try await req.atlasDatabase.write { sql in
            try await AuditLog.record(change, kind: "blob", id: staged.hash.hex,
                                      after: BlobBody(sha256: staged.hash, size: staged.size, created: created), on: sql)
        }
        return try JSONResponse.make(BlobBody(sha256: staged.hash, size: staged.size, created: created),
                                     status: created ? .created : .ok, headers: ["ETag": "\"\(staged.hash.hex)\""])
    }

    @Sendable func check(_ req: Request) async throws -> Response {
        guard let hash = ContentHash(hex: req.parameters.get("sha256") ?? ""), let size = req.atlas.blobs.size(of: hash) else {
            return Response(status: .notFound)
        }
        return Response(status: .ok, headers: ["Atlas-Blob-Size": String(size), "ETag": "\"\(hash.hex)\""])
    }
}
