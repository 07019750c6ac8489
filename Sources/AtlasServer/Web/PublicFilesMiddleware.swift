import Vapor

/// Serves the web UI's static files with validators, so a browser asks again on each load and
/// gets 304 until an upgrade changes a file (no fingerprinted names without a build step).
struct PublicFilesMiddleware: AsyncMiddleware {
    private let files: FileMiddleware

    init(folder: String) {
        files = FileMiddleware(publicDirectory: folder.hasSuffix("/") ? folder : folder + "/")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .GET || request.method == .HEAD, !request.url.path.hasPrefix("/api/") else {
            return try await next.respond(to: request)
        }
        let response = try await files.respond(to: request, chainingTo: next)
        guard response.headers.first(name: .eTag) != nil else { return response }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        if request.url.path.hasSuffix(".webmanifest") {
            response.headers.replaceOrAdd(name: .contentType, value: "application/manifest+json")
        }
        return response
    }
}
