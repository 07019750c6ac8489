import AtlasCore
import AtlasServer
import AtlasTestSupport
import Foundation
import SQLKit
import Testing
import Vapor

@Suite("Secrets of outside services are stored encrypted")
struct SecretStorageTests {
    @Test("A stored secret is sealed with AES-GCM under a key file made with mode 0600; no route gives it back",
          arguments: TestDatabase.available)
    func sealedAtRest(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let value = "comfy-key-\(UUID().uuidString)"
            #expect(try await t.client.send(.PUT, "/api/v1/secrets/comfyui.api_key", json: ["value": .string(value)]).status == .created)
            #expect(try await t.client.send(.PUT, "/api/v1/secrets/comfyui.api_key", json: ["value": .string(value)]).status == .ok)
            let listed = try await t.client.get("/api/v1/secrets")
            #expect(listed.json["items"]?[0]?["name"]?.string == "comfyui.api_key" && !listed.text.contains(value))

            let row = try await (t.app.db as! any SQLDatabase).raw("SELECT sealed FROM secrets").first()
            let sealed = try #require(try row?.decode(column: "sealed", as: String.self))
            #expect(!sealed.contains(value) && !(Data(base64Encoded: sealed).map { String(decoding: $0, as: UTF8.self).contains(value) } ?? false))
            let audit = try await t.client.get("/api/v1/audit?object_kind=secret")
            #expect(!audit.text.contains(value), "the audit log never holds the value")

            let keyFile = t.configuration.dataDirectory + "/secret.key"
            let mode = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try await t.client.send(.DELETE, "/api/v1/secrets/comfyui.api_key").status == .noContent)
            #expect(try await t.client.send(.DELETE, "/api/v1/secrets/comfyui.api_key").status == .notFound)
        }
    }

    @Test("With ATLAS_SECRET_KEY set, no key file is written")
    func keyFromEnvironment() async throws {
        let key = Data((0..<32).map { UInt8($0) }).base64EncodedString()
        try await withAtlasApp(.sqlite, adjust: { $0.secretKey = key }) { (t: AtlasTestApp) async throws -> Void in
            #expect(!FileManager.default.fileExists(atPath: t.configuration.dataDirectory + "/secret.key"))
            let stored = try await t.client.send(.PUT, "/api/v1/secrets/farm.token", json: ["value": "x"])
            #expect(stored.status == .created)
        }
        let problems = (try? AtlasConfiguration.load(environment: ["ATLAS_SECRET_KEY": "short"])) == nil
        #expect(problems, "a key that is not 32 bytes of base64 is refused at start")
    }
}
