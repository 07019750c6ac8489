import AtlasCore
import AtlasFormats
import AtlasTestSupport
import Crypto
import Foundation
import Testing
@testable import AtlasServer

@Suite("Every new version gets previews made by a job, served with caching headers")
struct PreviewTests {
    /// A maker that never finds Blender, so the "no renderer" state is what runs wherever the tests do.
    static let maker: PreviewMaker = {
        var tools = PreviewTools()
        tools.blender = "atlas-test-no-blender"
        return PreviewMaker(tools: tools)
    }()

    /// Runs `version.preview` jobs until the version's previews leave `pending`; returns its JSON.
    static func previewed(_ t: AtlasTestApp, asset: String, version: Int = 1) async throws -> JSONValue {
        let runner = t.runner([VersionPreviewJob(blobs: t.app.atlas.blobs, maker: maker)])
        runner.start()
        let path = "/api/v1/assets/\(asset)/versions/\(version)"
        var body = try await t.client.get(path).json
        let deadline = ContinuousClock.now + .seconds(60)
        while body["previews"]?["state"]?.string == "pending", ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            body = try await t.client.get(path).json
        }
        await runner.stop()
        return body
    }

    static func data(_ folder: TemporaryDirectory, _ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: folder.file(name)))
    }

    @Test("An EXR: pending, then a 512 thumbnail and a 2048 proxy whose highlights of 2.0 and 8.0 stay apart; asset.preview_ready names the kinds",
          .timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func exrPreviews(_ database: TestDatabase) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try ExternalTool.oiiotool(["--pattern", "constant:color=2,2,2", "1500x1500", "3", "--pattern", "constant:color=8,8,8", "1500x1500", "3",
                                   "--mosaic", "2x1", "-d", "half", "-o", folder.file("hot.exr")])
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Sky", code: "SKY")
            let asset = try await t.client.createAsset(project: project, name: "sky", type: "plate",
                                                       files: [("hot.exr", try Self.data(folder, "hot.exr"))])
            let id = try #require(asset["id"]?.string)
            let base = "/api/v1/assets/\(id)/versions/1"
            #expect(try await t.client.get(base).json["previews"] == ["state": "pending", "kinds": [], "reason": .null, "revision": .null])
            #expect(try await t.client.get("/api/v1/assets").json["items"]?[0]?["previews"]?["state"]?.string == "pending",
                    "the asset listing carries its latest version's previews, so a grid asks only for thumbnails that exist")
            let early = try await t.client.get("\(base)/previews/thumbnail")
            #expect(early.status == .notFound && early.problemCode == "preview_not_found")

            let version = try await Self.previewed(t, asset: id)
            #expect(version["previews"]?["state"] == "ready" && version["previews"]?["kinds"] == ["thumbnail", "proxy"]
                    && version["previews"]?["reason"] == .null && version["previews"]?["revision"]?.string != nil, "\(version)")
            let listed = try await t.client.get("/api/v1/assets/\(id)/versions").json["items"]?[0]?["previews"]
            #expect(listed?["state"]?.string == "ready")
            #expect(try await t.client.get("/api/v1/assets?q=sky").json["items"]?[0]?["previews"] == version["previews"])

            let thumbnail = try await t.client.get("\(base)/previews/thumbnail")
            #expect(thumbnail.status == .ok)
            #expect(thumbnail.headers.first(name: .contentType) == "image/jpeg")
            let small = try ImageProbe.of(thumbnail.body)
            #expect(small == ImageProbe(width: 512, height: 256, channels: 3, dataFormat: "uint8", fileFormat: "jpeg"))
            let proxy = try ImageProbe.of(try await t.client.get("\(base)/previews/proxy").body)
            #expect(proxy.width == 2048 && proxy.height == 1024, "\(proxy)")

            let two = try ImageProbe.average(thumbnail.body, x: 64, y: 64, width: 128, height: 128)
            let eight = try ImageProbe.average(thumbnail.body, x: 320, y: 64, width: 128, height: 128)
            #expect(two[0] > 0.7 && two[0] < 0.92, "2.0 is bright, not white: \(two)")
            #expect(eight[0] < 0.99 && eight[0] - two[0] > 0.05, "8.0 stays brighter than 2.0, unclipped: \(two) \(eight)")

            let hash = SHA256.hash(data: thumbnail.body).map { String(format: "%02x", $0) }.joined()
            #expect(thumbnail.headers.first(name: .eTag) == "\"\(hash)\"")
            #expect(thumbnail.headers.first(name: .cacheControl) == "private, max-age=31536000, immutable")
            let again = try await t.client.get("\(base)/previews/thumbnail", headers: ["If-None-Match": "\"\(hash)\""])
            #expect(again.status == .notModified && again.body.isEmpty)
            let legacy = try await t.client.get("\(base)/preview")
            #expect(legacy.status == .ok && legacy.body == thumbnail.body, "the generated thumbnail stands in for an uploaded preview")

            let events = try await t.client.get("/api/v1/events?topic=asset:\(id)&limit=500").json["items"]?.array ?? []
            let ready = try #require(events.first { $0["type"]?.string == "asset.preview_ready" })
            #expect(ready["data"]?["kinds"] == ["thumbnail", "proxy"])
        }
    }

    @Test("A Client sees previews but not files and cannot export or regenerate; regenerating makes them again",
          .timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func clientsAndRegenerating(_ database: TestDatabase) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try ExternalTool.oiiotool(["--pattern", "fill:top=0,0,1:bottom=1,1,0", "640x360", "3", "-d", "uint8", "-o", folder.file("ref.png")])
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Look", code: "LOOK")
            let client = try await t.makeAccount("client", role: .client, memberOf: [project])
            let asset = try await t.client.createAsset(project: project, name: "ref", files: [("ref.png", try Self.data(folder, "ref.png"))])
            let id = try #require(asset["id"]?.string)
            let base = "/api/v1/assets/\(id)/versions/1"
            let made = try await Self.previewed(t, asset: id)

            let seen = try await client.client.get("\(base)/previews/thumbnail")
            #expect(seen.status == .ok)
            let seenProbe = try ImageProbe.of(seen.body)
            #expect(seenProbe.width == 512, "640 wide scaled to 512: \(seenProbe)")
            #expect(try await client.client.get("\(base)/previews/proxy").status == .ok)
            #expect(try await client.client.get("\(base)/files/ref.png").status == .forbidden)
            let export = try await client.client.send(.POST, "\(base)/exports", json: ["file": "ref.png", "format": "jpeg"])
            #expect(export.status == .forbidden && export.problemCode == "permission_denied")
            #expect(try await client.client.send(.POST, "\(base)/previews").status == .forbidden)

            let queued = try await t.client.send(.POST, "\(base)/previews")
            #expect(queued.status == .accepted && queued.json["kind"]?.string == "version.preview", "\(queued.text)")
            #expect(try await t.client.get(base).json["previews"]?["state"]?.string == "pending")
            let remade = try await Self.previewed(t, asset: id)
            #expect(remade["previews"]?["state"]?.string == "ready")
            #expect(remade["previews"]?["revision"]?.string != nil && remade["previews"]?["revision"] != made["previews"]?["revision"],
                    "made again, the previews have a new revision for their URLs: \(made) \(remade)")
            #expect(try await t.client.get("\(base)/previews/thumbnail?r=\(remade["previews"]?["revision"]?.string ?? "")").status == .ok)
            #expect(try await t.client.get("\(base)/previews/contact_sheet").problemCode == "preview_not_found", "only sequences have one")
        }
    }

    @Test("A sequence version shows its middle frame and a contact sheet of its frames", .timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func sequencePreviews(_ database: TestDatabase) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        for frame in 1001...1005 {
            let colour = frame == 1003 ? "0.5,0,0" : "0,0,0.5"
            try ExternalTool.oiiotool(["--pattern", "constant:color=\(colour)", "400x200", "3", "-d", "half", "-o", folder.file("plate.\(frame).exr")])
        }
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Plates", code: "PLT")
            let files = try (1001...1005).map { ("plates/plate.\($0).exr", try Self.data(folder, "plate.\($0).exr")) }
            let asset = try await t.client.createAsset(project: project, name: "bg", type: "plate", files: files)
            let id = try #require(asset["id"]?.string)
            let version = try await Self.previewed(t, asset: id)
            #expect(version["previews"]?["kinds"] == ["thumbnail", "proxy", "contact_sheet"], "\(version)")

            let thumbnail = try await t.client.get("/api/v1/assets/\(id)/versions/1/previews/thumbnail")
            let colour = try ImageProbe.average(thumbnail.body, x: 100, y: 50, width: 100, height: 50)
            #expect(colour[0] > 0.4 && colour[2] < 0.1, "the middle frame (1003, red): \(colour)")
            let sheet = try await t.client.get("/api/v1/assets/\(id)/versions/1/previews/contact_sheet")
            let probe = try ImageProbe.of(sheet.body)
            #expect(probe == ImageProbe(width: 3 * 400 + 16, height: 2 * 200 + 8, channels: 3, dataFormat: "uint8", fileFormat: "jpeg"))
        }
    }

    @Test("A model without Blender is unavailable with the reason; truncated EXR and TIFF uploads succeed and their previews fail with a reason; asset.preview_failed announces each",
          .timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func unavailableAndFailed(_ database: TestDatabase) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try ExternalTool.oiiotool(["--pattern", "noise", "256x256", "3", "-d", "half", "-o", folder.file("whole.exr")])
        try ExternalTool.oiiotool(["--pattern", "noise", "256x256", "3", "-d", "uint8", "--compression", "none", "-o", folder.file("whole.tif")])
        let exr = try Self.data(folder, "whole.exr"), tiff = try Self.data(folder, "whole.tif")
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Mixed", code: "MIX")
            let model = try await t.client.createAsset(project: project, name: "tri", type: "geometry",
                                                       files: [("tri.obj", Data("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8))])
            let cutEXR = try await t.client.createAsset(project: project, name: "cut exr", files: [("cut.exr", exr.prefix(exr.count / 2))])
            let cutTIFF = try await t.client.createAsset(project: project, name: "cut tiff", files: [("cut.tif", tiff.prefix(tiff.count / 2))])

            let tri = try await Self.previewed(t, asset: try #require(model["id"]?.string))
            #expect(tri["previews"] == ["state": "unavailable", "kinds": [], "reason": "Blender is not installed", "revision": .null])
            for (asset, name, words) in [(cutEXR, "cut.exr", "end of file"), (cutTIFF, "cut.tif", "tiff_truncated")] {
                let version = try await Self.previewed(t, asset: try #require(asset["id"]?.string))
                #expect(version["previews"]?["state"]?.string == "failed", "\(version)")
                let reason = version["previews"]?["reason"]?.string ?? ""
                #expect(reason.contains(name) && reason.contains(words), "\(reason)")
                #expect(!reason.contains(FileManager.default.temporaryDirectory.path), "no server folder in \(reason)")
                let events = try await t.client.get("/api/v1/events?topic=asset:\(asset["id"]?.string ?? "")&limit=500").json["items"]?.array ?? []
                let failed = events.first { $0["type"]?.string == "asset.preview_failed" }
                #expect(failed?["data"]?["state"]?.string == "failed" && failed?["data"]?["reason"]?.string == reason,
                        "the end is announced, so no one has to poll for it: \(events)")
            }
            let events = try await t.client.get("/api/v1/events?topic=asset:\(model["id"]?.string ?? "")&limit=500").json["items"]?.array ?? []
            #expect(events.first { $0["type"]?.string == "asset.preview_failed" }?["data"]?["state"]?.string == "unavailable", "\(events)")
        }
    }
}
