import AtlasCore
import AtlasStorage
import Foundation
import MultipartKit
import NIOCore
import Vapor

/// Reads the body of an upload route: JSON that names stored blobs, or `multipart/form-data`
/// whose file parts are streamed into staging as they arrive.
enum UploadReader {
    static let maxJSONBytes = 4 * 1024 * 1024

    static func read(_ request: Request) async throws -> ReceivedUpload {
        let contentType = request.headers.contentType
        if contentType?.type == "multipart" && contentType?.subType == "form-data" {
            guard let boundary = contentType?.parameters["boundary"], !boundary.isEmpty else {
                throw AtlasError.badRequest("invalid_multipart", "The multipart body names no boundary in its Content-Type.")
            }
            return try await readMultipart(request, boundary: boundary)
        }
        if contentType == nil || contentType?.subType == "json" {
            return ReceivedUpload(json: try await collectJSON(request), files: [])
        }
        throw AtlasError(code: "unsupported_media_type", status: 415, title: "Unsupported media type",
                         detail: "Send application/json naming stored blobs, or multipart/form-data with the files.")
    }

    private static func collectJSON(_ request: Request) async throws -> Data {
        var data = Data()
        let tooLarge = AtlasError(code: "payload_too_large", status: 413, title: "Payload too large",
                                  detail: "A JSON body may be at most \(maxJSONBytes) bytes; upload files as multipart or with POST /api/v1/blobs.")
        try await UploadBody.read(request, limit: Int64(maxJSONBytes), tooLarge: tooLarge) { chunk in
            data.append(contentsOf: chunk.readableBytesView)
        }
        guard !data.isEmpty else { throw AtlasError.badRequest("missing_body", "This request needs a JSON body.") }
        return data
    }

    private static func readMultipart(_ request: Request, boundary: String) async throws -> ReceivedUpload {
        let limit = request.atlas.configuration.maxUploadBytes
        try UploadLimit.checkDeclaredLength(of: request, limit: limit)
        let collector = MultipartCollector(store: request.atlas.blobs)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.partComplete() }
        do {
            try await UploadBody.read(request, limit: limit, tooLarge: .uploadTooLarge(limit: limit)) { chunk in
                do { try parser.execute(chunk) } catch {
                    throw AtlasError.badRequest("invalid_multipart", "The multipart body is malformed.")
                }
                if let failure = collector.failure { throw failure }
            }
            return try collector.finish()
        } catch {
            collector.discardAll()
            throw UploadLimit.describe(error)
        }
    }
}
