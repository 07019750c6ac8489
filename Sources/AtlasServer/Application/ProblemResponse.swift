import AtlasCore
import Foundation
import Vapor

/// Builds the problem+json response for an error.
enum ProblemResponse {
    struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var code: String
        var instance: String
        var requestID: String
        var errors: [FieldError]?

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail, code, instance, errors
            case requestID = "request_id"
        }
    }

    static func make(_ problem: AtlasError, request: Request) -> Response {
        let body = Body(type: "https://atlas.blacksmith.dev/problems/\(problem.code)", title: problem.title,
                        status: problem.status, detail: problem.detail, code: problem.code,
                        instance: request.url.path, requestID: request.id,
                        errors: problem.fieldErrors.isEmpty ? nil : problem.fieldErrors)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        if problem.status == 401 {
            headers.replaceOrAdd(name: .wwwAuthenticate, value: #"Bearer realm="atlas""#)
        }
        if let retryAfter = problem.retryAfter {
            headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
        }
        let data = (try? JSONCoding.sharedEncoder.encode(body)) ?? Data()
        return Response(status: HTTPResponseStatus(statusCode: problem.status), headers: headers, body: .init(data: data))
    }
}
