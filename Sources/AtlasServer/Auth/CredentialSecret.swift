import AtlasCore
import Crypto
import Foundation

/// A credential's secret: 32 random bytes, base64url, behind a prefix naming its kind
/// (`atlas_k_…` for an API key). The database keeps only its SHA-256: the secret has full
/// entropy, so a fast hash is enough, unlike a password.
struct CredentialSecret: Sendable {
    let text: String

    init(kind: Credential.Kind) {
        text = "atlas_\(kind.letter)_" + Self.randomText(bytes: 32)
    }

    var hash: String { Self.hash(text) }
    var displayPrefix: String { String(text.prefix(12)) }

    static func hash(_ text: String) -> String {
        ContentHash(digest: SHA256.hash(data: Data(text.utf8))).hex
    }

    /// Random bytes from the system's secure generator, as base64url without padding.
    static func randomText(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
