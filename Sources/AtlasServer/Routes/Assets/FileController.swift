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
        let etag = "\"\(file.sha256.hex)\""
        if let match = req.headers.first(name: .ifNoneMatch), Self.matches(match, etag: etag) {
            return Response(status: .notModified, headers: ["ETag": etag])
        }
        guard let location = req.atlas.blobs.filePath(for: file.sha256) else {
            req.logger.critical("blob \(file.sha256.hex) of \(assetID) v\(number) '\(path)' is missing from the store")
            throw AtlasError(code: "blob_missing", status: 500, title: "Stored file missing",
                             detail: "The content of this file is missing from the blob store. An administrator should run `atlas fsck`.")
        }
        let filename = path.split(separator: "/").last.map(String.init) ?? path
        let mediaType = FieldRules.format(ofPath: path).flatMap(HTTPMediaType.fileExtension) ?? .binary
        let response = try await req.fileio.asyncStreamFile(at: location, mediaType: mediaType)
        response.headers.replaceOrAdd(name: .eTag, value: etag)
        // A version never changes, so what this URL serves never changes either.
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=31536000, immutable")
        response.headers.replaceOrAdd(name: .contentDisposition, value: Self.attachment(filename))
        return response
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
