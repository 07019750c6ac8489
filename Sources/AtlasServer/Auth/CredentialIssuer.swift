import AtlasCore
import Foundation
import SQLKit

/// Makes sessions, tokens and API keys: a new secret, stored as its hash, recorded in the audit log.
enum CredentialIssuer {
    static let sessionLifetime: TimeInterval = 7 * 24 * 3600
    static let defaultTokenLifetime = 24 * 3600
    static let maximumTokenLifetime = 90 * 24 * 3600

    /// The new credential and its secret, which is shown once and never stored.
    static func issue(_ kind: Credential.Kind, for user: User, name: String, expiresAt: Date?, change: Change,
                      on sql: any SQLDatabase) async throws -> (Credential, String) {
        let secret = CredentialSecret(kind: kind)
        let credential = Credential(
            id: AtlasID.make(at: change.at), userID: user.stamp.id, kind: kind, name: name, prefix: secret.displayPrefix,
            csrfToken: kind == .session ? CredentialSecret.randomText(bytes: 24) : nil,
            createdAt: change.at, expiresAt: expiresAt, lastUsedAt: nil, revokedAt: nil)
        try await CredentialRepository.insert(credential, secretHash: secret.hash, on: sql)
        try await AuditLog.record(change, kind: kind.rawValue, id: credential.id,
                                  after: ["user_id": user.stamp.id.lowercased, "name": name, "prefix": credential.prefix], on: sql)
        return (credential, secret.text)
    }
}
