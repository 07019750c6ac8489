import Vapor

/// Turns what escapes a handler into aiohttp's answers: 413 for a body over the limit, 405 for a
/// known path with another method (and for any non-GET path, which the static frontend route
/// claims), an empty 404 for other paths, and the plain-text 500 for everything else, invalid
/// JSON bodies and Python errors included.
struct AiohttpErrorMiddleware: AsyncMiddleware {
    let maxUploadSize: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError where abort.status == .payloadTooLarge {
            return AiohttpResponse.tooLarge(limit: maxUploadSize)
        } catch let abort as any AbortError where abort.status == .notFound && request.route == nil {
            let knownPath = request.application.routes.all.contains { Self.matches($0.path, request.url.path) }
            let readsFile = request.method == .GET || request.method == .HEAD
            return knownPath || !readsFile ? AiohttpResponse.methodNotAllowed : AiohttpResponse.notFound
        } catch {
            request.logger.debug("ComfyUI stand-in answers 500: \(String(describing: error))")
            return AiohttpResponse.serverError
        }
    }

    private static func matches(_ pattern: [PathComponent], _ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == pattern.count else { return false }
        return zip(pattern, parts).allSatisfy { component, part in
            switch component {
            case .constant(let text): text == part
            default: true
            }
        }
    }
}
