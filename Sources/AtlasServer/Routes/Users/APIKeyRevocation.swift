import AtlasCore
import Foundation
import SQLKit

/// Revoking a personal API key, by its owner (`/me/api-keys`) or by an administrator
/// (`/users/{id}/api-keys`): audited, and answered as not found when it is not a live key of that account.
enum APIKeyRevocation {
    static func revoke(_ id: UUID, of user: UUID, change: Change, on sql: any SQLDatabase) async throws {
        guard let key = try await CredentialRepository.fetch(id, on: sql), key.userID == user, key.kind == .apiKey, key.revokedAt == nil else {
            throw AtlasError.notFound("api_key", id.lowercased)
        }
        try await CredentialRepository.revoke(id, at: change.at, on: sql)
        let before: [String: String] = ["name": key.name, "prefix": key.prefix, "user_id": user.lowercased]
        try await AuditLog.record(change, kind: "api_key", id: id, before: before, on: sql)
    }
}
