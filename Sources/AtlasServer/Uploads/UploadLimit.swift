import AtlasCore
import Vapor

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
