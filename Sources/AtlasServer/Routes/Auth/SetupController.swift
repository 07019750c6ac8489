import AtlasCore
import Foundation
import Vapor

/// First start: the setup page and `POST /api/v1/setup` create the first administrator with
/// the one-time token that `atlas serve` printed.
struct SetupController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.setup, use: setup)
        routes.on(Endpoints.setupPage, use: page)
        routes.on(Endpoints.submitSetupPage, use: submitPage)
    }

    @Sendable func setup(_ req: Request) async throws -> Response {
        let input = try RequestJSON.decode(SetupInput.self, from: req)
        let user = try await createAdministrator(req, token: input.token, username: input.username, password: input.password,
                                                 displayName: input.displayName)
        return try JSONResponse.make(UserBody(user), status: .created,
                                     headers: ["Location": APIPaths.user(user.stamp.id), "ETag": ETag.revision(user.revision)])
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        let token = req.queryParameters.value("token") ?? ""
        let done = try await UserRepository.count(on: req.atlasDatabase.sql) > 0
        return HTMLResponse.make(.setup(token: token, done: done, message: nil), viewer: nil)
    }

    /// The page's form: on success the new administrator is signed in and sent to the start page.
    @Sendable func submitPage(_ req: Request) async throws -> Response {
        let form = QueryParameters(queryString: req.body.data.map { String(buffer: $0) })
        let token = form.value("token") ?? ""
        do {
            let user = try await createAdministrator(req, token: token, username: form.value("username") ?? "",
                                                     password: form.value("password") ?? "", displayName: form.value("display_name"))
            let (session, secret) = try await AuthController.startSession(for: user, on: req)
            let response = req.redirect(to: "/", redirectType: .normal)
            SessionCookie.set(on: response, session: session, secret: secret, for: req)
            return response
        } catch let error as AtlasError {
            let message = error.fieldErrors.isEmpty ? error.detail : error.fieldErrors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
            return HTMLResponse.make(.setup(token: token, done: false, message: message), viewer: nil,
                                     status: HTTPResponseStatus(statusCode: error.status))
        }
    }

    /// Creates the first account, once: the token is used up and no account may exist yet.
    private func createAdministrator(_ req: Request, token: String, username: String, password: String,
                                     displayName: String?) async throws -> User {
        var change = req.change
        change.actor = AuditActor(userID: nil, name: "setup")
        let account = try await NewAccount.make(username: username, password: password, role: Role.administrator.rawValue,
                                                displayName: displayName, change: change, passwords: req.atlas.passwords)
        let audit = change.acting(as: account.user)
        try await req.atlasDatabase.write { sql in
            guard try await UserRepository.count(on: sql) == 0 else {
                throw AtlasError.conflict("already_set_up", "This server has accounts already; sign in, or ask an administrator for one.")
            }
            guard try await SetupTokenRepository.consume(secretHash: CredentialSecret.hash(token), at: audit.at, on: sql) else {
                throw AtlasError(code: "setup_token_invalid", status: 403, title: "Setup link invalid",
                                 detail: "The setup link is wrong, used or expired. Restart `atlas serve` for a new one, or run `atlas user create --role administrator`.")
            }
            try await account.insert(change: audit, on: sql)
        }
        return account.user
    }
}
