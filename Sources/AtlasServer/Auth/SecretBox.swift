import Crypto
import Foundation

/// Seals secrets of outside services with AES-GCM before they are stored, and opens them again.
/// The name a secret is stored under is authenticated with it, so a sealed value cannot be
/// moved to another name.
struct SecretBox: Sendable {
    private let key: SymmetricKey

    init(key: SymmetricKey) {
        self.key = key
    }

    /// Base64 of nonce, ciphertext and tag.
    func seal(_ plaintext: String, name: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key, authenticating: Data(name.utf8))
        guard let combined = box.combined else { throw SecretBoxError.unsealable }
        return combined.base64EncodedString()
    }

    func open(_ sealed: String, name: String) throws -> String {
        guard let data = Data(base64Encoded: sealed) else { throw SecretBoxError.damaged }
        do {
            let box = try AES.GCM.SealedBox(combined: data)
            return String(decoding: try AES.GCM.open(box, using: key, authenticating: Data(name.utf8)), as: UTF8.self)
        } catch {
            throw SecretBoxError.wrongKeyOrDamaged
        }
    }
}

enum SecretBoxError: Error, CustomStringConvertible {
    case unsealable, damaged, wrongKeyOrDamaged

    var description: String {
        switch self {
        case .unsealable: "the secret could not be sealed"
        case .damaged: "the stored secret is not valid base64"
        case .wrongKeyOrDamaged: "the stored secret does not open with this key (ATLAS_SECRET_KEY changed, or the data is damaged)"
        }
    }
}
