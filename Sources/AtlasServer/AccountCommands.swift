import AtlasCore
import Foundation
import Vapor

/// What `atlas user …` does from the shell: the same account rules as the API, recorded in the
/// audit log as the operating-system user who ran it.
public enum AccountCommands {
    /// An account made or found from the shell, and a new API key when one was asked for.
    public struct Result: Sendable {
        public let userID: String
        public let username: String
        public let role: String
        public let apiKey: String?
    }

    /// Creates an account; with `apiKeyName`, also a personal API key for it.
    public static func createUser(_ configuration: AtlasConfiguration, username: String, password: String, role: String,
                                  displayName: String?, apiKeyName: String?) async throws -> Result {
        try await AtlasRuntime.withApplication(configuration) { app in
            try await createUser(on: app, username: username, password: password, role: role, displayName: displayName,
                                 apiKeyName: apiKeyName)
        }
    }

    /// Creates an account in a configured application (the CLI's, or a test's).
    public static func createUser(on app: Application, username: String, password: String, role: String,
                                  displayName: String?, apiKeyName: String?) async throws -> Result {
        let change = Change.cli("user.create", at: app.atlas.clock.now())
        let account = try await NewAccount.make(username: username, password: password, role: role, displayName: displayName,
                                                change: change, passwords: app.atlas.passwords)
        let key = try await app.atlasDatabase.write { sql -> String? in
            try await account.insert(change: change, on: sql)
            // The first account is made: the setup link has nothing left to do.
            try await sql.raw("DELETE FROM setup_tokens").run()
            guard let apiKeyName else { return nil }
            return try await CredentialIssuer.issue(.apiKey, for: account.user, name: apiKeyName, expiresAt: nil, change: change, on: sql).1
        }
        return Result(userID: account.user.stamp.id.lowercased, username: account.user.username,
                      role: account.user.role.rawValue, apiKey: key)
    }

    /// A new personal API key for an existing account.
    public static func createAPIKey(_ configuration: AtlasConfiguration, username: String, name: String,
                                    expiresInDays: Int?) async throws -> Result {
        try await AtlasRuntime.withApplication(configuration) { app in
            let change = Change.cli("user.api_key", at: app.atlas.clock.now())
            guard let user = try await UserRepository.find(username: username, on: app.atlasDatabase.sql)?.user else {
                throw AtlasError.notFound("user", username)
            }
            let expiresAt = expiresInDays.map { change.at.addingTimeInterval(TimeInterval($0) * 86400) }
            let key = try await app.atlasDatabase.write { sql in
                try await CredentialIssuer.issue(.apiKey, for: user, name: name, expiresAt: expiresAt, change: change, on: sql).1
            }
            return Result(userID: user.stamp.id.lowercased, username: user.username, role: user.role.rawValue, apiKey: key)
        }
    }
}
