import AtlasCore
import Foundation
import Vapor

/// `/api/v1/auth`: sign in a browser (session cookie), get a bearer token, sign out.
struct AuthController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.login, use: login)
        routes.on(Endpoints.logout, use: logout)
        routes.on(Endpoints.createToken, use: token)
    }

    @Sendable func login(_ req: Request) async throws -> Response {
        let input = try RequestJSON.decode(LoginInput.self, from: req)
        let user = try await SignIn.verify(username: input.username, password: input.password, on: req)
        let (session, secret) = try await Self.startSession(for: user, on: req)
        let response = try JSONResponse.make(SessionBody(user: UserBody(user), csrfToken: session.csrfToken ?? "",
                                                         expiresAt: session.expiresAt ?? session.createdAt))
        SessionCookie.set(on: response, session: session, secret: secret, for: req)
        return response
    }

    /// A new browser session for `user`, recorded as made by that user.
    static func startSession(for user: User, on req: Request) async throws -> (Credential, String) {
        let audit = req.change.acting(as: user)
        let expiresAt = audit.at.addingTimeInterval(CredentialIssuer.sessionLifetime)
        return try await req.atlasDatabase.write { sql in
            try await CredentialIssuer.issue(.session, for: user, name: req.headers.first(name: .userAgent).map { String($0.prefix(100)) } ?? "browser",
                                             expiresAt: expiresAt, change: audit, on: sql)
        }
    }

    @Sendable func token(_ req: Request) async throws -> Response {
        let input = try RequestJSON.decode(TokenInput.self, from: req)
        let lifetime = input.expiresIn ?? CredentialIssuer.defaultTokenLifetime
        guard (60...CredentialIssuer.maximumTokenLifetime).contains(lifetime) else {
            throw AtlasError.invalid("expires_in", "must be 60 to \(CredentialIssuer.maximumTokenLifetime) seconds")
        }
        let user = try await SignIn.verify(username: input.username, password: input.password, on: req)
        let audit = req.change.acting(as: user)
        let expiresAt = audit.at.addingTimeInterval(TimeInterval(lifetime))
        let (_, secret) = try await req.atlasDatabase.write { sql in
            try await CredentialIssuer.issue(.token, for: user, name: "token", expiresAt: expiresAt, change: audit, on: sql)
        }
        return try JSONResponse.make(TokenBody(token: secret, expiresAt: expiresAt, user: UserBody(user)), status: .created,
                                     headers: ["Cache-Control": "no-store"])
    }

    /// Revokes the session or token the request came with. API keys are revoked by id instead.
    @Sendable func logout(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard principal.credential.kind != .apiKey else {
            throw AtlasError.conflict("api_key_not_a_session", "An API key is not signed out; revoke it with DELETE /api/v1/me/api-keys/{key_id}.")
        }
        let change = req.change
        try await req.atlasDatabase.write { sql in
            try await CredentialRepository.revoke(principal.credential.id, at: change.at, on: sql)
            try await AuditLog.record(change, kind: principal.credential.kind.rawValue, id: principal.credential.id,
                                      before: ["user_id": principal.userID.lowercased], on: sql)
        }
        let response = Response(status: .noContent)
        SessionCookie.clear(on: response, secure: SessionCookie.isSecure(req))
        return response
    }
}
