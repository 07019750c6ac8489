import Foundation

/// A way to be signed in: a browser session, a bearer token or a personal API key. Only the
/// SHA-256 of its secret is stored.
struct Credential: Sendable, Equatable {
    enum Kind: String, Sendable, Codable {
        case session, token
        case apiKey = "api_key"

        /// The letter in the secret's prefix, so a leaked secret says what it is (and secret scanners can match it).
        var letter: String {
            switch self {
            case .session: "s"
            case .token: "t"
            case .apiKey: "k"
            }
        }
    }

    var id: UUID
    var userID: UUID
    var kind: Kind
    var name: String
    /// The first characters of the secret, shown in lists so a person can tell keys apart.
    var prefix: String
    /// Sessions only: what state-changing requests must echo in `X-CSRF-Token`.
    var csrfToken: String?
    var createdAt: Date
    var expiresAt: Date?
    var lastUsedAt: Date?
    var revokedAt: Date?

    func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}
