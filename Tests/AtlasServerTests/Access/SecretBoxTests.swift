import Crypto
import Foundation
import Testing
@testable import AtlasServer

@Suite("Sealing secrets with AES-GCM")
struct SecretBoxTests {
    @Test("A sealed secret opens with its key and name, and with nothing else")
    func sealAndOpen() throws {
        let box = SecretBox(key: SymmetricKey(size: .bits256))
        let sealed = try box.seal("api-key-123", name: "comfyui.api_key")
        #expect(!sealed.contains("api-key-123"))
        #expect(try box.open(sealed, name: "comfyui.api_key") == "api-key-123")
        #expect(throws: SecretBoxError.self) { try box.open(sealed, name: "other.name") }
        #expect(throws: SecretBoxError.self) { try SecretBox(key: SymmetricKey(size: .bits256)).open(sealed, name: "comfyui.api_key") }
        #expect(try box.seal("same", name: "n") != box.seal("same", name: "n"), "every seal has its own nonce")
    }
}
