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

/// The upload size limit and how upload failures are reported.
enum UploadLimit {
    /// Refuses at once an upload whose declared length is over the limit, before reading a byte.
    static func checkDeclaredLength(of request: Request, limit: Int64) throws {
        if let text = request.headers.first(name: .contentLength), let length = Int64(text), length > limit {
            throw AtlasError.uploadTooLarge(limit: limit)
        }
    }

    /// Keeps problems as they are and names a broken stream for what it is.
    static func describe(_ error: any Error) -> any Error {
        if error is AtlasError { return error }
        return AtlasError.badRequest("upload_interrupted", "The upload ended before all its bytes arrived; nothing was stored. Send it again.")
    }
}
