import AtlasCore
import Foundation
@testable import AtlasServer

/// Sample requests of the web UI's pages. Pages are frames anyone may ask for (the data comes
/// from the API); an administration page answers other roles 403, which WebPageTests checks.
extension AccessWalkSamples {
    static let pages: [String: Make] = [
        "loginPage": { _, _ in WalkRequest(method: .GET, path: "/login?next=/jobs") },
        "submitLoginPage": { _, _ in
            WalkRequest(method: .POST, path: "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                        body: Data("username=nobody&password=wrong+password".utf8), allowedStatus: [401])
        },
        "assetsPage": { _, _ in WalkRequest(method: .GET, path: "/") },
        "assetPage": { fx, _ in WalkRequest(method: .GET, path: "/assets/\(try await fx.freshAsset())") },
        "uploadPage": { fx, _ in WalkRequest(method: .GET, path: "/upload?project=\(fx.project)") },
        "projectsPage": { _, _ in WalkRequest(method: .GET, path: "/projects") },
        "projectPage": { fx, _ in WalkRequest(method: .GET, path: "/projects/\(fx.project)") },
        "aiToolsPage": { _, _ in WalkRequest(method: .GET, path: "/ai-tools") },
        "aiToolPage": { _, _ in WalkRequest(method: .GET, path: "/ai-tools/invert") },
        "jobsPage": { _, _ in WalkRequest(method: .GET, path: "/jobs") },
        "accountPage": { _, _ in WalkRequest(method: .GET, path: "/account") },
        "adminUsersPage": { _, _ in WalkRequest(method: .GET, path: "/admin/users", allowedStatus: [403]) },
        "adminAuditPage": { _, _ in WalkRequest(method: .GET, path: "/admin/audit", allowedStatus: [403]) },
    ]
}
