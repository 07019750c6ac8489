import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
@testable import AtlasServer

@Suite("Every new version is inspected from its files' bytes, by a job")
struct VersionInspectionTests {
    @Test("A version of frames and a cut EXR: pending, then formats, the sequence with its gap, the truncation as an error, and an event",
          arguments: TestDatabase.available)
    func inspectsANewVersion(_ database: TestDatabase) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        for frame in [1001, 1002, 1004] {
            try ExternalTool.oiiotool(["--pattern", "constant:color=0.5,0.2,0.1", "64x32", "3", "-d", "half", "-o", folder.file("plate.\(frame).exr")])
        }
        let frame = try Data(contentsOf: URL(fileURLWithPath: folder.file("plate.1001.exr")))
        var files = try [1001, 1002, 1004].map { ("plates/plate.\($0).exr", try Data(contentsOf: URL(fileURLWithPath: folder.file("plate.\($0).exr")))) }
        files.append(("cut.exr", frame.prefix(frame.count / 2)))

        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Plates", code: "PLT")
            let client = try await t.makeAccount("client", role: .client, memberOf: [project])
            let asset = try await t.client.createAsset(project: project, name: "bg plate", type: "plate", files: files)
            let assetID = try #require(asset["id"]?.string)
            let path = "/api/v1/assets/\(assetID)/versions/1/inspection"
            #expect(try await t.client.get(path).json["status"]?.string == "pending")

            let runner = t.runner([VersionInspectionJob(blobs: t.app.atlas.blobs)])
            runner.start()
            var inspection = try await t.client.get(path)
            let deadline = ContinuousClock.now + .seconds(20)
            while inspection.json["status"]?.string != "done", ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                inspection = try await t.client.get(path)
            }
            await runner.stop()

            #expect(inspection.json["status"]?.string == "done", "\(inspection.text)")
            let reports = inspection.json["files"]?.array ?? []
            #expect(reports.compactMap { $0["file_name"]?.string }.sorted()
                    == ["cut.exr", "plates/plate.1001.exr", "plates/plate.1002.exr", "plates/plate.1004.exr"])
            #expect(Set(reports.compactMap { $0["format"]?.string }) == ["exr"])
            let cut = try #require(reports.first { $0["file_name"]?.string == "cut.exr" })
            #expect(cut["issues"]?.array.compactMap { $0["code"]?.string }.contains("exr_truncated") == true)
            #expect(inspection.json["errors"]?.int ?? 0 >= 1)
            let sequence = try #require(inspection.json["sequences"]?[0])
            #expect(sequence["pattern"]?.string == "plate.####.exr")
            #expect(sequence["folder"]?.string == "plates")
            #expect(sequence["range"]?.string == "1001-1002,1004")

            let events = try await t.client.get("/api/v1/events?topic=asset:\(assetID)")
            #expect(events.json["items"]?.array.contains { $0["type"]?.string == "asset.version_inspected" } == true)
            #expect(try await client.client.get(path).status == .forbidden, "file names are source paths, not for Clients")
        }
    }

    @Test("What a version's files name becomes dependency edges: to the library by file name, missing when not found or when it escapes the asset, none for its own files",
          arguments: TestDatabase.available)
    func referencesBecomeDependencies(_ database: TestDatabase) async throws {
        let mtl = """
            newmtl wood
            map_Kd textures/albedo.png
            map_Bump -bm 0.5 local/bump.png
            map_Ks specular_missing.tga
            map_d /etc/passwd
            """
        let obj = "mtllib chair.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nusemtl wood\nf 1 2 3\n"
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Props", code: "PRP")
            let albedo = try await t.client.createAsset(project: project, name: "albedo", files: [("albedo.png", Data("not really a png".utf8))])
            let chair = try await t.client.createAsset(project: project, name: "chair", type: "geometry", files: [
                ("chair.obj", Data(obj.utf8)), ("chair.mtl", Data(mtl.utf8)), ("local/bump.png", Data("bump".utf8)),
            ])
            let chairID = try #require(chair["id"]?.string)
            let runner = t.runner([VersionInspectionJob(blobs: t.app.atlas.blobs)])
            runner.start()
            let path = "/api/v1/assets/\(chairID)/versions/1/inspection"
            let deadline = ContinuousClock.now + .seconds(20)
            while try await t.client.get(path).json["status"]?.string != "done", ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            await runner.stop()

            let dependencies = try await t.client.get("/api/v1/assets/\(chairID)/versions/1/dependencies")
            #expect(dependencies.status == .ok, "\(dependencies.text)")
            let items = dependencies.json["items"]?.array ?? []
            let byReference = Dictionary(uniqueKeysWithValues: items.compactMap { item in item["reference"]?.string.map { ($0, item) } })
            #expect(Set(byReference.keys) == ["textures/albedo.png", "specular_missing.tga", "/etc/passwd"], "\(dependencies.text)")
            #expect(byReference["textures/albedo.png"]?["missing"]?.bool == false)
            #expect(byReference["textures/albedo.png"]?["target"]?["asset_id"]?.string == albedo["id"]?.string)
            #expect(byReference["textures/albedo.png"]?["kind"]?.string == "texture")
            #expect(byReference["specular_missing.tga"]?["missing"]?.bool == true)
            #expect(byReference["/etc/passwd"]?["missing"]?.bool == true)
            let inspection = try await t.client.get(path)
            let issues = (inspection.json["files"]?.array ?? []).flatMap { $0["issues"]?.array ?? [] }.compactMap { $0["code"]?.string }
            #expect(issues.contains("path_escapes_asset"))
        }
    }
}
