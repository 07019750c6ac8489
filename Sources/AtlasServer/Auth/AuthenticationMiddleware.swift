import AtlasCore
import Foundation
import Vapor

/// Finds who is making a request: a bearer token or API key in `Authorization` (or
/// `X-API-Key`), else a session cookie. Presented credentials that do not work are refused with
/// 401 at once; a stale cookie is ignored, so a signed-out browser still reaches public pages.
/// Requests signed in by cookie that change state must carry the session's CSRF token.
struct AuthenticationMiddleware: AsyncMiddleware {
    /// How stale `last_used_at` may get before a request refreshes it: a write on every request would cost more than it tells.
    static let lastUsedResolution: TimeInterval = 300

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let secret = Self.presentedSecret(request) {
            guard let principal = try await Self.principal(for: secret, request) else { throw AtlasError.invalidToken }
            request.principal = principal
        } else if let secret = request.cookies[SessionCookie.session]?.string, !secret.isEmpty,
                  let principal = try await Self.principal(for: secret, request), principal.credential.kind == .session {
            try Self.checkCSRF(request, principal.credential)
            request.principal = principal
        }
        return try await next.respond(to: request)
    }

    /// The secret a request signed in with, whether header or cookie: what a long-lived
    /// connection re-checks, since its credential may be revoked or its account disabled meanwhile.
    static func secret(of request: Request) -> String? {
        presentedSecret(request) ?? request.cookies[SessionCookie.session]?.string
    }

    private static func presentedSecret(_ request: Request) -> String? {
        if let bearer = request.headers.bearerAuthorization?.token, !bearer.isEmpty { return bearer }
        if let key = request.headers.first(name: "X-API-Key"), !key.isEmpty { return key }
        return nil
    }

    /// The working credential with this secret and its enabled account, or nil.
    static func principal(for secret: String, _ request: Request) async throws -> Principal? {
        let sql = request.atlasDatabase.sql
        guard let (credential, user) = try await CredentialRepository.find(secretHash: CredentialSecret.hash(secret), on: sql) else {
            return nil
        }
        let now = request.atlas.clock.now()
        guard credential.isUsable(at: now), !user.disabled else { return nil }
        if request.atlas.usage.shouldRecord(credential, at: now, resolution: lastUsedResolution) {
            try await request.atlasDatabase.write { sql in try await CredentialRepository.touch(credential.id, at: now, on: sql) }
        }
        return Principal(user: user, credential: credential)
    }

    private static func checkCSRF(_ request: Request, _ credential: Credential) throws {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return }
        guard let expected = credential.csrfToken, let sent = request.headers.first(name: SessionCookie.csrfHeader),
              ConstantTime.equal(sent, expected) else {
            throw AtlasError.csrfTokenInvalid
        }
    }
}
