import Foundation
import Vapor

/// Writes JSON responses in the API's one JSON dialect.
enum JSONResponse {
    static func make<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok, headers: HTTPHeaders = [:]) throws -> Response {
        var headers = headers
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: try JSONCoding.sharedEncoder.encode(value)))
    }
}
