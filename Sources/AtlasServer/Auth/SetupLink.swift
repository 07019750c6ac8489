import AtlasCore
import Foundation
import Vapor

/// The first start: while no account exists, `atlas serve` prints a one-time link whose token
/// lets whoever holds it create the first administrator.
enum SetupLink {
    static let lifetime: TimeInterval = 24 * 3600

    /// A fresh link (replacing any earlier one) when no account exists yet; nil otherwise.
    static func issueIfNeeded(_ app: Application) async throws -> String? {
        let database = app.atlasDatabase
        guard try await UserRepository.count(on: database.sql) == 0 else { return nil }
        let token = CredentialSecret.randomText(bytes: 32)
        let expiresAt = app.atlas.clock.now().addingTimeInterval(lifetime)
        try await database.write { sql in
            try await SetupTokenRepository.replace(secretHash: CredentialSecret.hash(token), expiresAt: expiresAt, on: sql)
        }
        return "\(app.atlas.configuration.baseURL)/setup?token=\(token)"
    }
}
