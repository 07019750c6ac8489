import AtlasCore
import Vapor

/// Stored content as a response, for downloads, exports and previews alike: the content hash
/// is the ETag, `If-None-Match` gets 304, the file streams from the blob store.
enum StoredContentResponse {
    /// What a URL naming content by version serves never changes, so browsers keep it a year.
    static let immutable = "private, max-age=31536000, immutable"

    static func make(_ hash: ContentHash, mediaType: HTTPMediaType, _ req: Request, attachment filename: String? = nil,
                     cacheControl: String = immutable) async throws -> Response {
        let etag = "\"\(hash.hex)\""
        if let match = req.headers.first(name: .ifNoneMatch), matches(match, etag: etag) {
            return Response(status: .notModified, headers: ["ETag": etag, "Cache-Control": cacheControl])
        }
        let response = try await req.fileio.asyncStreamFile(at: try location(of: hash, req), mediaType: mediaType)
        response.headers.replaceOrAdd(name: .eTag, value: etag)
        response.headers.replaceOrAdd(name: .cacheControl, value: cacheControl)
        if let filename { response.headers.replaceOrAdd(name: .contentDisposition, value: attachment(filename)) }
        return response
    }

    /// Where the content is. Content a row names but the store lacks is lost, not absent: a
    /// logged 500 `blob_missing` that sends an administrator to `atlas fsck`, never "not found".
    static func location(of hash: ContentHash, _ req: Request) throws -> String {
        guard let location = req.atlas.blobs.filePath(for: hash) else {
            req.logger.critical("blob \(hash.hex) is named in the database but missing from the store")
            throw AtlasError(code: "blob_missing", status: 500, title: "Stored file missing",
                             detail: "The content of this file is missing from the blob store. An administrator should run `atlas fsck`.")
        }
        return location
    }

    /// The media type stored beside a preview (`image/jpeg`).
    static func mediaType(_ text: String) -> HTTPMediaType {
        let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
        return parts.count == 2 ? HTTPMediaType(type: parts[0], subType: parts[1]) : .binary
    }

    static func matches(_ header: String, etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    static func attachment(_ filename: String) -> String {
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
