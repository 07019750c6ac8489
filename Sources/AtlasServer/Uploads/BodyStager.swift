import AtlasCore
import AtlasStorage
import NIOCore
import Vapor

/// Streams a raw request body into the blob store's staging area, hashing as it writes.
/// The body is never held in memory; a client that goes away mid-upload leaves nothing behind.
enum BodyStager {
    static func stage(_ request: Request) async throws -> StagedBlob {
        let limit = request.atlas.configuration.maxUploadBytes
        try UploadLimit.checkDeclaredLength(of: request, limit: limit)
        let writer = try request.atlas.blobs.makeWriter()
        do {
            try await UploadBody.read(request, limit: limit, tooLarge: .uploadTooLarge(limit: limit)) { chunk in
                try chunk.withUnsafeReadableBytes { try writer.write($0) }
            }
            guard writer.bytesWritten > 0 else { throw AtlasError.emptyUpload }
            return try writer.finish()
        } catch {
            writer.abort()
            throw UploadLimit.describe(error)
        }
    }
}
