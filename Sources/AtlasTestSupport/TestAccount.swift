import AtlasCore
import AtlasServer
import Foundation
import Vapor

/// An account made for a test, with a client that acts as it.
public struct TestAccount: Sendable {
    /// The password every test account has: long enough for the policy.
    public static let password = "correct horse battery staple"

    public let id: String
    public let username: String
    public let role: Role
    public let key: String
    public let client: TestClient
}

extension AtlasTestApp {
    /// Creates an account with `role` and an API key, and makes it a member of `projects`.
    public func makeAccount(_ username: String, role: Role, memberOf projects: [String] = []) async throws -> TestAccount {
        let made = try await AccountCommands.createUser(on: app, username: username, password: TestAccount.password,
                                                        role: role.rawValue, displayName: nil, apiKeyName: "tests")
        for project in projects {
            let response = try await client.send(.POST, "/api/v1/projects/\(project)/members", json: ["user_id": .string(made.userID)])
            guard response.status == .created || response.status == .ok else {
                throw TestSupportError("adding \(username) to \(project) failed: \(response.status) \(response.text)")
            }
        }
        let key = made.apiKey!
        return TestAccount(id: made.userID, username: made.username, role: role, key: key, client: TestClient.bearer(key, app: app))
    }
}
