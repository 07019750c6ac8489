import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("File downloads")
struct FileDownloadTests {
    @Test("a file downloads whole, by Range, and not at all when the client's ETag still matches", arguments: TestDatabase.available)
    func download(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject()
            let content = Fixtures.bytes(100_000, seed: 4)
            let asset = try await t.client.createAsset(project: project, name: "Sky", type: "texture", files: [("sky/dome 01.hdr", content)])
            let url = try #require(asset["latest"]?["files"]?[0]?["url"]?.string)
            #expect(url.hasSuffix("/files/sky/dome%2001.hdr"))

            let whole = try await t.client.get(url)
            #expect(whole.status == .ok)
            #expect(whole.body == content)
            let etag = "\"\(Fixtures.sha256(content))\""
            #expect(whole.headers.first(name: .eTag) == etag)
            #expect(whole.headers.first(name: .acceptRanges) == "bytes")

            let part = try await t.client.get(url, headers: ["Range": "bytes=1000-1999"])
            #expect(part.status == .partialContent)
            #expect(part.body == content.subdata(in: 1000..<2000))
            #expect(part.headers.first(name: .contentRange) == "bytes 1000-1999/100000")

            let cached = try await t.client.get(url, headers: ["If-None-Match": .init(etag)])
            #expect(cached.status == .notModified)
            #expect(cached.body.isEmpty)

            let missing = try await t.client.get(url.replacingOccurrences(of: "dome%2001", with: "other"))
            #expect(missing.problemCode == "file_not_found")
        }
    }
}
