import AtlasCore
import AtlasTestSupport
import Foundation
import Vapor

/// Who makes a request in the route walk: anonymous, or an account of some role that is or is
/// not a member of the projects the requests touch.
struct WalkCaller: Sendable, CustomStringConvertible {
    let account: TestAccount?
    let isMember: Bool

    var role: Role? { account?.role }
    var description: String {
        guard let account else { return "anonymous" }
        return account.role == .administrator ? "administrator" : "\(account.role.rawValue) (\(isMember ? "member" : "non-member"))"
    }
}

/// A request of the walk, before the caller's credentials are added.
struct WalkRequest: Sendable {
    var method: HTTPMethod
    var path: String
    var headers: HTTPHeaders = [:]
    var body: Data? = nil
    /// What an allowed caller gets when it is not success (first-start setup on a server that has accounts).
    var allowedStatus: Set<UInt> = []

    static func json(_ method: HTTPMethod, _ path: String, _ value: JSONValue, headers: HTTPHeaders = [:]) throws -> WalkRequest {
        var headers = headers
        headers.contentType = .json
        return WalkRequest(method: method, path: path, headers: headers, body: try JSONEncoder().encode(value))
    }
}

/// The world the walk runs in: one project P whose members are the member callers, and
/// helpers that make fresh objects in it (as the administrator) for each request, so every
/// request meets the state it needs whatever ran before it.
struct AccessWalkFixture: Sendable {
    let t: AtlasTestApp
    let project: String
    let members: [TestAccount]
    let callers: [WalkCaller]
    let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])

    static func make(_ t: AtlasTestApp) async throws -> AccessWalkFixture {
        let project = try await t.client.createProject("Walk", code: "WALK")
        var members: [TestAccount] = []
        var callers = [WalkCaller(account: nil, isMember: false)]
        callers.append(WalkCaller(account: t.admin, isMember: false))
        for role in [Role.producer, .artist, .client] {
            let member = try await t.makeAccount("\(role.rawValue)-member", role: role, memberOf: [project])
            let outsider = try await t.makeAccount("\(role.rawValue)-outsider", role: role)
            members.append(member)
            callers += [WalkCaller(account: member, isMember: true), WalkCaller(account: outsider, isMember: false)]
        }
        return AccessWalkFixture(t: t, project: project, members: members, callers: callers)
    }

    var admin: TestClient { t.client }

    /// A new project with the member callers in it.
    func freshProject() async throws -> String {
        let id = try await admin.createProject("Walk \(UUID().uuidString.prefix(8))", code: "W" + String(UUID().uuidString.prefix(8)).replacingOccurrences(of: "-", with: ""))
        for member in members {
            _ = try await admin.send(.POST, "/api/v1/projects/\(id)/members", json: ["user_id": .string(member.id)])
        }
        return id
    }

    /// A new asset in P with one file `a.txt` and the tag `walk`.
    func freshAsset() async throws -> String {
        let asset = try await admin.createAsset(project: project, name: "walk \(UUID().uuidString.prefix(8))",
                                                files: [("a.txt", Data(UUID().uuidString.utf8))], tags: ["walk"])
        return asset["id"]?.string ?? ""
    }

    func uniqueName(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())" }

    func upload(_ method: HTTPMethod, _ path: String, fields: [(String, String)], file: (String, Data)) -> WalkRequest {
        var form = MultipartForm()
        for (name, value) in fields { form = form.field(name, value) }
        form = form.file(file.0, file.1).finished
        return WalkRequest(method: method, path: path, headers: ["Content-Type": form.contentType], body: form.body)
    }
}
