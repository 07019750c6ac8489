import AtlasCore
import Foundation
import Vapor

/// Renders every error as RFC 9457 `application/problem+json` with a stable `code`.
/// Server faults are logged with the request id and never leak their details.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = Self.problem(for: error, request: request)
            return ProblemResponse.make(problem, request: request)
        }
    }

    static func problem(for error: any Error, request: Request) -> AtlasError {
        switch error {
        case let error as AtlasError:
            return error
        case let error as DecodingError:
            return RequestJSON.problem(for: error)
        case let error as any AbortError:
            return problem(forStatus: error.status, reason: error.reason)
        default:
            request.logger.error("unhandled error: \(String(reflecting: error))", metadata: ["request_id": .string(request.id)])
            return AtlasError.internalError(requestID: request.id)
        }
    }

    private static func problem(forStatus status: HTTPResponseStatus, reason: String) -> AtlasError {
        let code: String
        switch status.code {
        case 404: code = "route_not_found"
        case 405: code = "method_not_allowed"
        case 413: code = "payload_too_large"
        case 415: code = "unsupported_media_type"
        case 400: code = "bad_request"
        default: code = "http_\(status.code)"
        }
        let detail = status.code == 404 ? "There is no such route. The API is described at /api/v1/openapi.json." : reason
        return AtlasError(code: code, status: Int(status.code), title: status.reasonPhrase, detail: detail)
    }
}
