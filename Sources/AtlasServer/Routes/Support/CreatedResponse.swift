import Foundation
import Vapor

/// A response made by a creating request, as stored for replay.
struct CreatedResponse: Sendable {
    var status: HTTPResponseStatus
    var body: Data
    var location: String?
    var etag: String?

    init<T: Encodable>(_ value: T, status: HTTPResponseStatus = .created, location: String?, etag: String?) throws {
        self.status = status
        self.body = try JSONCoding.sharedEncoder.encode(value)
        self.location = location
        self.etag = etag
    }

    init(record: IdempotencyStore.Record) {
        status = HTTPResponseStatus(statusCode: record.status)
        body = Data(record.body.utf8)
        location = record.location
        etag = record.etag
    }

    func response(replayed: Bool = false) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        if let location { headers.replaceOrAdd(name: .location, value: location) }
        if let etag { headers.replaceOrAdd(name: .eTag, value: etag) }
        if replayed { headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true") }
        return Response(status: status, headers: headers, body: .init(data: body))
    }
}
