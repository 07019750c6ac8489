import AtlasCore
import Foundation

struct LoginInput: Decodable, Sendable {
    var username: String
    var password: String
}

struct TokenInput: Decodable, Sendable {
    var username: String
    var password: String
    /// Seconds the token lives (default a day, at most 90 days).
    var expiresIn: Int?

    enum CodingKeys: String, CodingKey {
        case username, password
        case expiresIn = "expires_in"
    }
}

struct SetupInput: Decodable, Sendable {
    var token: String
    var username: String
    var password: String
    var displayName: String?

    enum CodingKeys: String, CodingKey {
        case token, username, password
        case displayName = "display_name"
    }
}

/// What signing in answers: the account, and for a browser the CSRF token its scripts must echo.
struct SessionBody: Encodable, Sendable {
    var user: UserBody
    var csrfToken: String
    var expiresAt: Date

    enum CodingKeys: String, CodingKey {
        case user
        case csrfToken = "csrf_token", expiresAt = "expires_at"
    }
}

struct TokenBody: Encodable, Sendable {
    var token: String
    var tokenType = "Bearer"
    var expiresAt: Date
    var user: UserBody

    enum CodingKeys: String, CodingKey {
        case token, user
        case tokenType = "token_type", expiresAt = "expires_at"
    }
}

struct CreateAPIKeyInput: Decodable, Sendable {
    var name: String
    var expiresAt: Date?

    enum CodingKeys: String, CodingKey {
        case name
        case expiresAt = "expires_at"
    }
}

/// A personal API key as listed: never its secret, which `key` holds only in the answer that creates it.
struct APIKeyBody: Encodable, Sendable {
    var id: String
    var name: String
    var prefix: String
    var createdAt: Date
    @Nullable var expiresAt: Date?
    @Nullable var lastUsedAt: Date?
    var key: String?

    enum CodingKeys: String, CodingKey {
        case id, name, prefix, key
        case createdAt = "created_at", expiresAt = "expires_at", lastUsedAt = "last_used_at"
    }

    init(_ credential: Credential, key: String? = nil) {
        id = credential.id.lowercased
        name = credential.name
        prefix = credential.prefix
        createdAt = credential.createdAt
        expiresAt = credential.expiresAt
        lastUsedAt = credential.lastUsedAt
        self.key = key
    }
}
