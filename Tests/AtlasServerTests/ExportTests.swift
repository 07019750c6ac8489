import AtlasCore
import AtlasFormats
import AtlasTestSupport
import Foundation
import Testing
@testable import AtlasServer

@Suite("Exporting a version's file to another format, as a download or a new version")
struct ExportTests {
    /// Runs the export job `job` to its end and returns it.
    static func finished(_ t: AtlasTestApp, _ job: JSONValue) async throws -> Job {
        let id = try #require(job["id"]?.string.flatMap(UUID.init(uuidString:)))
        let runner = t.runner([VersionExportJob(blobs: t.app.atlas.blobs, converter: FormatConverter())])
        runner.start()
        let done = try await t.waitFor(id, timeout: .seconds(60)) { $0.status.isFinal }
        await runner.stop()
        return done
    }

    @Test("EXR → PNG as a download: 202 with the job, then the file at its download_url for those who may read the source",
          .timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func exrToPNG(_ database: TestDatabase) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try ExternalTool.oiiotool(["--pattern", "constant:color=2,8,0.18,1", "96x48", "4", "-d", "half", "-o", folder.file("hot.exr")])
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Out", code: "OUT")
            let artist = try await t.makeAccount("artist", role: .artist, memberOf: [project])
            let client = try await t.makeAccount("client", role: .client, memberOf: [project])
            let outsider = try await t.makeAccount("outsider", role: .artist)
            let asset = try await t.client.createAsset(project: project, name: "hot", type: "plate",
                                                       files: [("shots/hot.exr", try Data(contentsOf: URL(fileURLWithPath: folder.file("hot.exr"))))])
            let id = try #require(asset["id"]?.string)
            let queued = try await artist.client.send(.POST, "/api/v1/assets/\(id)/versions/1/exports",
                                                      json: ["file": "shots/hot.exr", "format": "png"])
            #expect(queued.status == .accepted, "\(queued.text)")
            #expect(queued.json["kind"]?.string == "version.export")
            #expect(queued.headers.first(name: .location) == "/api/v1/jobs/\(queued.json["id"]?.string ?? "")")

            let job = try await Self.finished(t, queued.json)
            #expect(job.status == .succeeded, "\(job.error ?? "")")
            let url = try #require(job.result?["download_url"]?.string)
            #expect(job.result?["files"]?[0]?["name"]?.string == "hot.png")
            let file = try await artist.client.get(url)
            #expect(file.status == .ok)
            let png = try ImageProbe.of(file.body)
            #expect(png == ImageProbe(width: 96, height: 48, channels: 4, dataFormat: "uint8", fileFormat: "png"))
            #expect(file.headers.first(name: .contentDisposition)?.contains("hot.png") == true)
            let etag = try #require(file.headers.first(name: .eTag))
            #expect(try await artist.client.get(url, headers: ["If-None-Match": etag]).status == .notModified)
            #expect(try await client.client.get(url).status == .forbidden, "Clients never get source content")
            #expect(try await outsider.client.get(url).status == .notFound)
            let audit = try await t.client.get("/api/v1/audit?action=createExport").json["items"]?.array ?? []
            #expect(audit.count == 1, "queuing an export is audited")
        }
    }

    @Test("OBJ → glTF as a new version: the converted file and its buffer replace the OBJ, with the comment and derived_from",
          .timeLimit(.minutes(3)), arguments: TestDatabase.available)
    func objToGLTFVersion(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Props", code: "PRP")
            let asset = try await t.client.createAsset(project: project, name: "tri", type: "geometry", files: [
                ("models/tri.obj", Data("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8)), ("notes.txt", Data("keep me".utf8)),
            ])
            let id = try #require(asset["id"]?.string)
            let queued = try await t.client.send(.POST, "/api/v1/assets/\(id)/versions/1/exports",
                                                 json: ["file": "models/tri.obj", "format": "gltf", "deliver": "version"])
            #expect(queued.status == .accepted, "\(queued.text)")
            let job = try await Self.finished(t, queued.json)
            #expect(job.status == .succeeded, "\(job.error ?? "")")
            #expect(job.result?["version"]?.int == 2)

            let version = try await t.client.get("/api/v1/assets/\(id)/versions/2").json
            #expect(version["comment"]?.string == "Exported from v1 to GLTF")
            #expect(version["files"]?.array.compactMap { $0["path"]?.string }.sorted() == ["models/tri.bin", "models/tri.gltf", "notes.txt"])
            #expect(version["metadata"]?["derived_from"]?["version"]?.int == 1)
            #expect(version["metadata"]?["derived_from"]?["file"]?.string == "models/tri.obj")
            #expect(version["previews"]?["state"]?.string == "pending", "the new version is previewed like any other")
            let gltf = try await t.client.get("/api/v1/assets/\(id)/versions/2/files/models/tri.gltf")
            #expect(gltf.json["asset"]?["version"]?.string == "2.0")
            #expect(gltf.json["buffers"]?[0]?["uri"]?.string == "tri.bin")
            let audit = try await t.client.get("/api/v1/audit?action=job.version.export").json["items"]?.array ?? []
            #expect(audit.first?["actor"]?["name"]?.string == "admin", "the new version is the requester's: \(audit)")

            // A second try of the job (its worker died after the effect, before the job was marked
            // done) makes no other version and answers the one the first try made.
            let retry = try await VersionExportJob(blobs: t.app.atlas.blobs, converter: FormatConverter()).run(
                JobRun(id: job.id, kind: job.kind, payload: job.payload, attempt: 2, projectID: job.projectID),
                context: RunnerContext(id: job.id, worker: "test:retry", database: t.app.atlasDatabase))
            #expect(retry?["version"]?.int == 2, "\(String(describing: retry))")
            #expect(try await t.client.get("/api/v1/assets/\(id)").json["latest_version"]?.int == 2)
        }
    }

    @Test("What cannot be done is refused before queuing: an unsupported pair, a missing tool, a file not in the version",
          arguments: TestDatabase.available)
    func refusals(_ database: TestDatabase) async throws {
        try await withAtlasApp(database, adjust: { $0.python = "atlas-test-no-python" }) { t in
            let project = try await t.client.createProject("No", code: "NO")
            let asset = try await t.client.createAsset(project: project, name: "mixed", files: [
                ("tri.obj", Data("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8)),
                ("layer.usda", Data("#usda 1.0\ndef Xform \"World\"\n{\n}\n".utf8)),
            ])
            let path = "/api/v1/assets/\(try #require(asset["id"]?.string))/versions/1/exports"
            let unsupported = try await t.client.send(.POST, path, json: ["file": "tri.obj", "format": "png"])
            #expect(unsupported.status == .unprocessableEntity && unsupported.problemCode == "export_unsupported", "\(unsupported.text)")
            #expect(unsupported.isProblem)
            let same = try await t.client.send(.POST, path, json: ["file": "tri.obj", "format": "obj"])
            #expect(same.problemCode == "export_unsupported")
            let missing = try await t.client.send(.POST, path, json: ["file": "layer.usda", "format": "usdc"])
            #expect(missing.status == .unprocessableEntity && missing.problemCode == "tool_missing", "\(missing.text)")
            let absent = try await t.client.send(.POST, path, json: ["file": "nope.obj", "format": "gltf"])
            #expect(absent.status == .badRequest && absent.problemCode == "validation_failed")
            let badFormat = try await t.client.send(.POST, path, json: ["file": "tri.obj", "format": "bmp", "deliver": "email"])
            #expect(badFormat.json["errors"]?.array.compactMap { $0["field"]?.string }.sorted() == ["deliver", "format"])
            let jobs = try await t.client.get("/api/v1/jobs?kind=version.export").json["items"]?.array ?? []
            #expect(jobs.isEmpty, "nothing was queued")
        }
    }
}
