import AtlasCore
import Foundation
import Vapor

/// The web UI's pages. Each answers with its frame; a visitor without a session is sent to
/// the sign-in page and comes back afterwards.
struct WebController: Sendable {
    func register(on routes: any RoutesBuilder) {
        routes.on(Endpoints.loginPage, use: loginPage)
        routes.on(Endpoints.submitLoginPage, use: submitLogin)
        routes.on(Endpoints.assetsPage) { try frame($0, .assets) }
        routes.on(Endpoints.assetPage) { req in
            guard let id = uuid(req, "asset_id") else { return try frame(req, .notFound("This asset"), status: .notFound) }
            return try frame(req, .asset(id))
        }
        routes.on(Endpoints.uploadPage) { req in try frame(req, .upload(projectID: req.query[String.self, at: "project"].flatMap { UUID(uuidString: $0) })) }
        routes.on(Endpoints.projectsPage) { try frame($0, .projects) }
        routes.on(Endpoints.projectPage) { req in
            guard let id = uuid(req, "project_id") else { return try frame(req, .notFound("This project"), status: .notFound) }
            return try frame(req, .project(id))
        }
        routes.on(Endpoints.aiToolsPage) { try frame($0, .aiTools) }
        routes.on(Endpoints.aiToolPage) { req in try frame(req, .aiTool(req.parameters.get("name") ?? "")) }
        routes.on(Endpoints.jobsPage) { try frame($0, .jobs) }
        routes.on(Endpoints.accountPage) { try frame($0, .account) }
        routes.on(Endpoints.adminUsersPage) { try frame($0, .adminUsers, requires: .manageUsers) }
        routes.on(Endpoints.adminAuditPage) { try frame($0, .adminAudit, requires: .readAudit) }
    }

    /// The page for the signed-in viewer; without a session, the way to sign in.
    private func frame(_ req: Request, _ page: WebPage, requires action: Action? = nil, status: HTTPResponseStatus = .ok) throws -> Response {
        guard let principal = req.principal else {
            return req.redirect(to: "/login?next=\(Self.escapedNext(req.url.string))", redirectType: .normal)
        }
        let viewer = PageViewer(principal.user)
        if let action, !viewer.may(action) {
            return HTMLResponse.make(.forbidden(page.title), viewer: viewer, status: .forbidden)
        }
        return HTMLResponse.make(page, viewer: viewer, status: status)
    }

    @Sendable func loginPage(_ req: Request) async throws -> Response {
        let next = Self.safeNext(req.query[String.self, at: "next"])
        if req.principal != nil { return req.redirect(to: next, redirectType: .normal) }
        return HTMLResponse.make(.login(next: next), viewer: nil)
    }

    /// The sign-in form: a session cookie and on to `next`, or the form again with why not.
    @Sendable func submitLogin(_ req: Request) async throws -> Response {
        let form = QueryParameters(queryString: req.body.data.map { String(buffer: $0) })
        let username = form.value("username") ?? "", password = form.value("password") ?? "", next = Self.safeNext(form.value("next"))
        guard !username.trimmingCharacters(in: .whitespaces).isEmpty, !password.isEmpty else {
            return HTMLResponse.make(.login(next: next, username: username, message: "Enter your username and password."), viewer: nil,
                                     status: .badRequest)
        }
        do {
            let user = try await SignIn.verify(username: username, password: password, on: req)
            let (session, secret) = try await AuthController.startSession(for: user, on: req)
            let response = req.redirect(to: next, redirectType: .normal)
            SessionCookie.set(on: response, session: session, secret: secret, for: req)
            return response
        } catch let error as AtlasError {
            let response = HTMLResponse.make(.login(next: next, username: username, message: error.detail), viewer: nil,
                                             status: HTTPResponseStatus(statusCode: error.status))
            if let retryAfter = error.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter)) }
            return response
        }
    }

    /// The id in the path; nil when it cannot be one, which the page answers as not found.
    private func uuid(_ req: Request, _ name: String) -> UUID? {
        req.parameters.get(name).flatMap { UUID(uuidString: $0) }
    }

    /// Only a path on this server: an absolute or scheme-relative address would make the
    /// sign-in page an open redirect.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.contains("\r"), !next.contains("\n") else {
            return "/"
        }
        return next
    }

    private static func escapedNext(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-._~"))) ?? "/"
    }
}
