/// The web UI's pages (HTML). Each is a frame anyone may ask for: without a session it
/// redirects to the sign-in page, and the data inside comes from the API, which checks the
/// permission table on every call.
extension Endpoints {
    private static let pageResponses: [Int: String?] = [200: "HTML", 303: nil]

    private static func page(_ path: String, _ operationID: String, _ summary: String,
                             query: [Endpoint.QueryParameter] = [], responses: [Int: String?] = pageResponses) -> Endpoint {
        Endpoint(method: .GET, path: path, operationID: operationID, summary: summary, group: "Pages", action: .signIn,
                 query: query, responses: responses)
    }

    static let loginPage = page("/login", "loginPage", "The sign-in page (HTML); a signed-in visitor goes on to `next`",
                                query: [.init(name: "next", type: "string", description: "Where to go after signing in (a path on this server).")])
    static let submitLoginPage = Endpoint(
        method: .POST, path: "/login", operationID: "submitLoginPage",
        summary: "The sign-in form: starts a browser session and redirects to `next`", group: "Pages",
        action: .signIn, body: .form(schema: "LoginForm"), responses: [303: nil, 400: "HTML", 401: "HTML", 429: "HTML"])
    static let assetsPage = page("/", "assetsPage", "The asset browser (HTML)")
    static let assetPage = page("/assets/{asset_id}", "assetPage", "An asset's detail page (HTML)",
                                responses: pageResponses.merging([404: "HTML"]) { a, _ in a })
    static let uploadPage = page("/upload", "uploadPage", "The upload page (HTML)",
                                 query: [.init(name: "project", type: "string", description: "The project to upload to.")])
    static let projectsPage = page("/projects", "projectsPage", "The project list (HTML)")
    static let projectPage = page("/projects/{project_id}", "projectPage", "A project's page: its assets and members (HTML)",
                                  responses: pageResponses.merging([404: "HTML"]) { a, _ in a })
    static let aiToolsPage = page("/ai-tools", "aiToolsPage", "The AI tool catalogue (HTML)")
    static let aiToolPage = page("/ai-tools/{name}", "aiToolPage", "An AI tool's form and runs (HTML)",
                                 query: [.init(name: "rerun", type: "string", description: "A run whose inputs prefill the form.")])
    static let jobsPage = page("/jobs", "jobsPage", "The live job list (HTML)")
    static let accountPage = page("/account", "accountPage", "Your password and API keys (HTML)")
    static let adminUsersPage = page("/admin/users", "adminUsersPage", "Users and roles, for administrators (HTML)",
                                     responses: pageResponses.merging([403: "HTML"]) { a, _ in a })
    static let adminAuditPage = page("/admin/audit", "adminAuditPage", "The audit log, for administrators (HTML)",
                                     responses: pageResponses.merging([403: "HTML"]) { a, _ in a })

    static let pages: [Endpoint] = [
        loginPage, submitLoginPage, assetsPage, assetPage, uploadPage, projectsPage, projectPage,
        aiToolsPage, aiToolPage, jobsPage, accountPage, adminUsersPage, adminAuditPage,
    ]
}
