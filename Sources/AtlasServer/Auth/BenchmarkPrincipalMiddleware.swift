import AtlasCore
import Foundation
import SQLKit
import Vapor

/// Only for `atlas bench auth`'s baseline (see `AtlasConfiguration.benchmarkWithoutAccessControl`):
/// makes every request the first administrator's, read once, so no request pays for credentials.
struct BenchmarkPrincipalMiddleware: AsyncMiddleware {
    private let cached = CachedPrincipal()

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.principal = try await cached.principal(request)
        return try await next.respond(to: request)
    }
}

private actor CachedPrincipal {
    private var value: Principal?

    func principal(_ request: Request) async throws -> Principal {
        if let value { return value }
        guard let row = try await request.atlasDatabase.sql.raw("""
            \(unsafeRaw: UserRepository.select) WHERE u.role = 'administrator' ORDER BY u.id LIMIT 1
            """).first() else { throw AtlasError.authenticationRequired }
        let user = try UserRepository.decode(row)
        let principal = Principal(user: user, credential: Credential(
            id: user.stamp.id, userID: user.stamp.id, kind: .token, name: "benchmark", prefix: "", csrfToken: nil,
            createdAt: user.stamp.createdAt, expiresAt: nil, lastUsedAt: Date(), revokedAt: nil))
        value = principal
        return principal
    }
}
