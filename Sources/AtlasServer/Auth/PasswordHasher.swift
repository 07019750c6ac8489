import Crypto
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// bcrypt (Vapor's implementation) with the password first reduced by SHA-256: bcrypt reads only
/// the first 72 bytes, and long passphrases must count in full. The work runs on NIO's thread
/// pool, never on an event loop.
struct PasswordHasher: Sendable {
    let cost: Int
    /// Verified against when a username is unknown, so that answer takes as long as a wrong
    /// password. Made on first need: most processes (`fsck`, `migrate`) never sign anyone in.
    private let decoy = NIOLockedValueBox<String?>(nil)

    init(cost: Int) {
        self.cost = cost
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { try Bcrypt.hash(Self.prehash(password), cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash (unknown account) it does the same work and answers false.
    func verify(_ password: String, against hash: String?) async throws -> Bool {
        let stored: String
        if let hash { stored = hash } else { stored = try await decoyHash() }
        let matches = try await NIOThreadPool.singleton.runIfActive { try Bcrypt.verify(Self.prehash(password), created: stored) }
        return matches && hash != nil
    }

    private func decoyHash() async throws -> String {
        if let made = decoy.withLockedValue({ $0 }) { return made }
        let made = try await hash("decoy password that matches nothing")
        decoy.withLockedValue { $0 = $0 ?? made }
        return made
    }

    private static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }
}
