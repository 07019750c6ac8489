import AtlasCore
import Foundation
import SnapshotTesting
import Testing
@testable import AtlasServer

/// Each page's frame as HTML, held by snapshots: a change to what a page ships shows up in review.
@Suite("Every page's frame renders the same HTML for the same page and viewer")
struct WebPageSnapshotTests {
    static let artist = PageViewer(userID: UUID(uuidString: "01a211c7-0000-7000-8000-000000000001")!, username: "mira",
                                   displayName: "Mira Okafor", role: .artist)
    static let administrator = PageViewer(userID: UUID(uuidString: "01a211c7-0000-7000-8000-000000000002")!, username: "admin",
                                          displayName: "Studio Admin", role: .administrator)
    static let client = PageViewer(userID: UUID(uuidString: "01a211c7-0000-7000-8000-000000000003")!, username: "agency",
                                   displayName: "Agency <Review>", role: .client)
    static let asset = UUID(uuidString: "01a211c7-1111-7000-8000-00000000000a")!
    static let project = UUID(uuidString: "01a211c7-2222-7000-8000-00000000000b")!

    static func pages() -> [(name: String, page: WebPage, viewer: PageViewer?)] { [
        ("login", .login(next: "/assets/x?tab=versions&q=\"'<b>"), nil),
        ("login-failed", .login(next: "/", username: "mira\"><script>", message: "Username or password is wrong."), nil),
        ("setup", .setup(token: "tok", done: false, message: nil), nil),
        ("setup-done", .setup(token: "", done: true, message: nil), nil),
        ("assets-artist", .assets, artist),
        ("assets-client", .assets, client),
        ("asset", .asset(asset), artist),
        ("upload", .upload(projectID: project), artist),
        ("projects", .projects, artist),
        ("project", .project(project), artist),
        ("ai-tools", .aiTools, artist),
        ("ai-tool", .aiTool("invert"), artist),
        ("ai-tool-hostile-name", .aiTool("x\"><script>alert(1)</script>"), artist),
        ("jobs", .jobs, artist),
        ("account", .account, client),
        ("admin-users", .adminUsers, administrator),
        ("admin-audit", .adminAudit, administrator),
        ("forbidden", .forbidden("Users"), artist),
        ("not-found", .notFound("This asset"), client),
    ] }

    @Test("each page", arguments: pages().map(\.name))
    func page(_ name: String) {
        let entry = Self.pages().first { $0.name == name }!
        assertSnapshot(of: PageLayout.render(entry.page, viewer: entry.viewer), as: .lines, named: name)
    }
}
