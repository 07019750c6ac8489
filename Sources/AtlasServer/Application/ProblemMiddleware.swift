import AsyncKit
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
            // A path the API serves, asked with a method it does not: 405 naming the methods that work (RFC 9110 §15.5.6).
            if error is RouteNotFound, case let allowed = Self.allowedMethods(for: request), !allowed.isEmpty {
                let list = allowed.joined(separator: ", ")
                let problem = AtlasError(code: "method_not_allowed", status: 405, title: "Method not allowed",
                                         detail: "\(request.method.rawValue) is not allowed on \(request.url.path); use \(list).")
                let response = ProblemResponse.make(problem, request: request)
                response.headers.replaceOrAdd(name: .allow, value: list)
                return response
            }
            let problem = Self.problem(for: error, request: request)
            return ProblemResponse.make(problem, request: request)
        }
    }

    static func problem(for error: any Error, request: Request) -> AtlasError {
        switch error {
        case let error as AtlasError:
            return error
        case let error as FieldError:
            // Validators report one invalid field as a `FieldError`; it is the client's mistake, never a server fault.
            return AtlasError.validation([error])
        case is ConnectionPoolTimeoutError:
            // Every database connection stayed busy: the request may succeed in a moment, so say so rather than fail.
            request.logger.warning("no database connection became free in time", metadata: ["request_id": .string(request.id)])
            return AtlasError(code: "database_busy", status: 503, title: "Database busy",
                              detail: "The database is busy; retry in a moment.", retryAfter: 1)
        case let error as DecodingError:
            return RequestJSON.problem(for: error)
        case let error as any AbortError:
            return problem(forStatus: error.status, reason: error.reason)
        default:
            request.logger.error("unhandled error: \(String(reflecting: error))", metadata: ["request_id": .string(request.id)])
            return AtlasError.internalError(requestID: request.id)
        }
    }

    /// The methods registered for the request's path, for an `Allow` header; empty when no route has this path.
    static func allowedMethods(for request: Request) -> [String] {
        let parts = request.url.path.split(separator: "/").map(String.init)
        var methods = Set<String>()
        for route in request.application.routes.all where matches(route.path, parts) {
            methods.insert(route.method.rawValue)
        }
        if methods.contains("GET") { methods.insert("HEAD") }  // Vapor answers HEAD with the GET route
        return methods.sorted()
    }

    private static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        var index = 0
        for component in pattern {
            switch component {
            case .catchall:
                return index < parts.count
            case .constant(let text):
                guard index < parts.count, parts[index] == text else { return false }
            case .parameter, .anything:
                guard index < parts.count else { return false }
            }
            index += 1
        }
        return index == parts.count
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
