import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Blobs API")
struct BlobAPITests {
    @Test("HEAD tells a client whether the server already holds some content", arguments: TestDatabase.available)
    func head(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let content = Fixtures.bytes(2048, seed: 5)
            let hash = Fixtures.sha256(content)
            #expect(try await t.client.send(.HEAD, "/api/v1/blobs/\(hash)").status == .notFound)
            let first = try await t.client.send(.POST, "/api/v1/blobs", body: ByteBuffer(data: content))
            #expect(first.status == .created)
            #expect(first.json["created"]?.bool == true)
            let again = try await t.client.send(.POST, "/api/v1/blobs", body: ByteBuffer(data: content))
            #expect(again.status == .ok)
            #expect(again.json["created"]?.bool == false)
            let known = try await t.client.send(.HEAD, "/api/v1/blobs/\(hash)")
            #expect(known.status == .ok)
            #expect(known.headers.first(name: "Atlas-Blob-Size") == "2048")
            #expect(try await t.client.send(.HEAD, "/api/v1/blobs/not-a-hash").status == .notFound)
        }
    }

    @Test("an upload whose bytes do not match the announced hash is refused and not kept", arguments: TestDatabase.available)
    func hashMismatch(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let content = Fixtures.bytes(100)
            let wrong = String(repeating: "0", count: 64)
            let refused = try await t.client.send(.POST, "/api/v1/blobs?sha256=\(wrong)", body: ByteBuffer(data: content))
            #expect(refused.problemCode == "hash_mismatch")
            #expect(try await t.client.send(.HEAD, "/api/v1/blobs/\(Fixtures.sha256(content))").status == .notFound)
            let right = try await t.client.send(.POST, "/api/v1/blobs?sha256=\(Fixtures.sha256(content))", body: ByteBuffer(data: content))
            #expect(right.status == .created)
        }
    }

    @Test("empty and oversized uploads are refused with their own codes, leaving nothing behind", arguments: TestDatabase.available)
    func limits(database: TestDatabase) async throws {
        try await withAtlasApp(database, adjust: { $0.maxUploadBytes = 1000 }) { t in
            let empty = try await t.client.send(.POST, "/api/v1/blobs")
            #expect(empty.status == .badRequest)
            #expect(empty.problemCode == "empty_upload")
            let big = try await t.client.send(.POST, "/api/v1/blobs", body: ByteBuffer(data: Fixtures.bytes(1001)))
            #expect(big.status == .payloadTooLarge)
            #expect(big.problemCode == "upload_too_large")
            let project = try await t.client.createProject()
            let bigAsset = try await t.client.upload("/api/v1/assets", MultipartForm()
                .field("project_id", project).field("name", "x").field("type", "plate").file("x.exr", Fixtures.bytes(1500)).finished)
            #expect(bigAsset.problemCode == "upload_too_large")
            let staging = try FileManager.default.contentsOfDirectory(atPath: t.blobDirectory + "/staging")
            #expect(staging.isEmpty)
            #expect(try await t.client.get("/api/v1/assets").json["items"]?.array.isEmpty == true)
        }
    }
}
