import Foundation
import Vapor

/// ComfyUI's `origin_only_middleware`: when the `Host` is a loopback name and an `Origin` is
/// sent, their host:port must match, or the answer is 403 with no body (a web page must not
/// queue prompts on a local ComfyUI). `OPTIONS` is answered 200 without reaching a route.
struct OriginCheckMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let host = request.headers.first(name: .host), let origin = request.headers.first(name: "Origin"),
           Self.mismatch(host: host, origin: origin) {
            return AiohttpResponse.empty(.forbidden)
        }
        if request.method == .OPTIONS { return AiohttpResponse.empty() }
        return try await next.respond(to: request)
    }

    static func mismatch(host: String, origin: String) -> Bool {
        let hostAuthority = host.lowercased()
        let lowerOrigin = origin.lowercased()
        guard let schemeEnd = lowerOrigin.range(of: "://") else { return false }
        let originAuthority = String(lowerOrigin[schemeEnd.upperBound...].split(separator: "/", omittingEmptySubsequences: false).first ?? "")
        let hostParts = components(ofAuthority: hostAuthority), originParts = components(ofAuthority: originAuthority)
        guard isLoopback(hostParts.name) else { return false }
        // A side without a port is compared by name only.
        let hostKey = originParts.port == nil ? hostParts.name : hostAuthority
        let originKey = hostParts.port == nil ? originParts.name : originAuthority
        guard !hostKey.isEmpty, !originKey.isEmpty else { return false }
        return hostKey != originKey
    }

    private static func components(ofAuthority authority: String) -> (name: String, port: Int?) {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            let name = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            return (name, rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil)
        }
        let parts = authority.split(separator: ":", maxSplits: 1)
        return (String(parts.first ?? ""), parts.count > 1 ? Int(parts[1]) : nil)
    }

    private static func isLoopback(_ name: String) -> Bool {
        name == "localhost" || name.hasPrefix("127.") || name == "::1"
    }
}
