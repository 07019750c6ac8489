import AtlasCore
import Vapor

/// A stored preview image as a response: its content hash is the ETag, `If-None-Match` gets 304.
enum PreviewResponse {
    /// A generated preview is never replaced under its URL (a new one has a new hash), so by default
    /// browsers keep it a year.
    static func make(_ hash: ContentHash, mediaType: String, _ req: Request, missing: AtlasError,
                     cacheControl: String = "private, max-age=31536000, immutable") async throws -> Response {
        let etag = "\"\(hash.hex)\""
        if let match = req.headers.first(name: .ifNoneMatch), FileController.matches(match, etag: etag) {
            return Response(status: .notModified, headers: ["ETag": etag, "Cache-Control": cacheControl])
        }
        guard let location = req.atlas.blobs.filePath(for: hash) else { throw missing }
        let parts = mediaType.split(separator: "/").map(String.init)
        let response = try await req.fileio.asyncStreamFile(at: location, mediaType: HTTPMediaType(type: parts[0], subType: parts[1]))
        response.headers.replaceOrAdd(name: .eTag, value: etag)
        response.headers.replaceOrAdd(name: .cacheControl, value: cacheControl)
        return response
    }
}
