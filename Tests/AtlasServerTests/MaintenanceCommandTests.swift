import AsyncHTTPClient
import AtlasCore
import AtlasServer
import AtlasTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@Suite("Maintenance commands (fsck, purge, migrate) run as the real atlas binary against real data")
struct MaintenanceCommandTests {
    @Test("fsck exits 0 on an intact store, then exits 1 naming a corrupted blob and a missing blob by hash",
          .timeLimit(.minutes(2)), arguments: TestDatabase.available)
    func fsckFindsCorruptAndMissingBlobs(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Maintenance")
            let wood = try await createAsset(t, project: project, name: "wood", files: [
                "wood/albedo.exr": Fixtures.bytes(300_000, seed: 11),
                "wood/normal.exr": Fixtures.bytes(200_000, seed: 12),
            ])
            let stone = try await createAsset(t, project: project, name: "stone", files: [
                "stone/albedo.exr": Fixtures.bytes(150_000, seed: 13),
            ])

            let clean = try await atlas(["fsck"], t)
            #expect(clean.exitCode == 0, "fsck on an intact store:\n\(clean.output)")
            #expect(clean.output.contains("checked 3 blob(s): 0 missing, 0 corrupt, 0 unreferenced"), "\(clean.output)")

            // One byte of a stored blob changes on disk.
            let damaged = try #require(wood["wood/albedo.exr"])
            try flipByte(at: 1000, of: blobPath(t, damaged))
            let afterCorruption = try await atlas(["fsck"], t)
            #expect(afterCorruption.exitCode == 1, "fsck after corrupting \(damaged):\n\(afterCorruption.output)")
            #expect(afterCorruption.output.contains("0 missing, 1 corrupt"), "\(afterCorruption.output)")
            #expect(afterCorruption.output.contains("corrupt  \(damaged)"), "\(afterCorruption.output)")

            // Another stored blob disappears.
            let lost = try #require(stone["stone/albedo.exr"])
            try FileManager.default.removeItem(atPath: blobPath(t, lost))
            let afterLoss = try await atlas(["fsck"], t)
            #expect(afterLoss.exitCode == 1, "fsck after deleting \(lost):\n\(afterLoss.output)")
            #expect(afterLoss.output.contains("1 missing, 1 corrupt"), "\(afterLoss.output)")
            #expect(afterLoss.output.contains("missing  \(lost)"), "\(afterLoss.output)")
            #expect(afterLoss.output.contains("corrupt  \(damaged)"), "\(afterLoss.output)")
        }
    }

    @Test("purge lists an unreferenced blob in a dry run without removing it, removes it with --apply, and keeps every referenced blob",
          .timeLimit(.minutes(2)), arguments: TestDatabase.available)
    func purgeRemovesOnlyUnreferencedBlobs(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Maintenance")
            let wood = try await createAsset(t, project: project, name: "wood", files: [
                "wood/albedo.exr": Fixtures.bytes(120_000, seed: 21),
                "wood/normal.exr": Fixtures.bytes(80_000, seed: 22),
            ])
            let orphan = try await uploadBlob(t, Fixtures.bytes(50_000, seed: 23))

            let dryRun = try await atlas(["purge", "--older-than", "0"], t)
            #expect(dryRun.exitCode == 0, "\(dryRun.output)")
            #expect(dryRun.output.contains("would remove  \(orphan)"), "\(dryRun.output)")
            #expect(dryRun.output.contains("1 unreferenced blob(s)"), "\(dryRun.output)")
            #expect(FileManager.default.fileExists(atPath: blobPath(t, orphan)), "a dry run removed \(orphan)")

            let applied = try await atlas(["purge", "--apply", "--older-than", "0"], t)
            #expect(applied.exitCode == 0, "\(applied.output)")
            #expect(applied.output.contains("removed  \(orphan)"), "\(applied.output)")
            #expect(applied.output.contains("1 removed"), "\(applied.output)")
            #expect(!FileManager.default.fileExists(atPath: blobPath(t, orphan)), "purge --apply kept \(orphan)")
            for (path, hash) in wood {
                #expect(FileManager.default.fileExists(atPath: blobPath(t, hash)), "purge removed \(path) (\(hash)), which a version uses")
            }
            let audited = try await t.client.get("/api/v1/audit?action=cli.purge").json["items"]?[0]
            #expect(audited?["summary"]?["after"]?["removed"]?.int == 1, "the purge is in the audit log")
            #expect(audited?["actor"]?["name"]?.string?.hasPrefix("cli:") == true)

            let fsck = try await atlas(["fsck"], t)
            #expect(fsck.exitCode == 0, "\(fsck.output)")
            #expect(fsck.output.contains("checked 2 blob(s): 0 missing, 0 corrupt, 0 unreferenced"), "\(fsck.output)")
        }
    }

    @Test("purge --apply with the default grace of an hour keeps an unreferenced blob uploaded a moment ago",
          .timeLimit(.minutes(2)), arguments: TestDatabase.available)
    func purgeKeepsFreshBlobs(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let fresh = try await uploadBlob(t, Fixtures.bytes(40_000, seed: 31))

            let applied = try await atlas(["purge", "--apply"], t)
            #expect(applied.exitCode == 0, "\(applied.output)")
            #expect(applied.output.contains("0 unreferenced blob(s)"), "\(applied.output)")
            #expect(!applied.output.contains(fresh), "\(applied.output)")
            #expect(FileManager.default.fileExists(atPath: blobPath(t, fresh)), "purge removed a blob uploaded a moment ago")
        }
    }

    @Test("migrate on an empty data folder creates the database, after which serve starts without migrating and answers /readyz",
          .timeLimit(.minutes(2)), arguments: TestDatabase.available)
    func migrateThenServe(database: TestDatabase) async throws {
        let folder = try TemporaryDirectory(prefix: "atlas-migrate")
        let dataDirectory = folder.path + "/data"  // does not exist yet
        var databaseURL: String?
        do {
            if database == .postgres {
                let server = try #require(TestDatabase.postgresURL)
                databaseURL = try await PostgresTestDatabase.create(serverURL: server)
            }
            var arguments = ["migrate", "--data-dir", dataDirectory]
            if let databaseURL { arguments += ["--database-url", databaseURL] }
            let migrate = try await AtlasProcess.run(arguments)
            #expect(migrate.exitCode == 0, "\(migrate.output)")
            #expect(migrate.output.contains("migrations applied"), "\(migrate.output)")
            if database == .sqlite {
                #expect(FileManager.default.fileExists(atPath: dataDirectory + "/atlas.sqlite"), "migrate made no \(dataDirectory)/atlas.sqlite")
            }

            // Without auto-migration, serve works only if migrate built the schema.
            let server = try await AtlasProcess.serve(dataDirectory: dataDirectory, databaseURL: databaseURL,
                                                      environment: ["ATLAS_AUTO_MIGRATE": "false"])
            defer { server.kill() }
            let ready = try await get(server.baseURL + "/readyz")
            #expect(ready.status == 200, "/readyz answered \(ready.status): \(ready.text)\n\(server.logTail())")
            #expect(ready.json["status"]?.string == "ok", "\(ready.text)")
            let created = try await postJSON(server.request("/api/v1/projects"), #"{"name": "After Migrate"}"#)
            #expect(created.status == 201, "creating a project after migrate answered \(created.status): \(created.text)")
            await server.terminate()
        } catch {
            await cleanUp(folder, databaseURL)
            throw error
        }
        await cleanUp(folder, databaseURL)
    }
}

// MARK: - Helpers

/// Runs the real `atlas <arguments> --data-dir <t's folder>` (and `--database-url` for PostgreSQL).
private func atlas(_ arguments: [String], _ t: AtlasTestApp) async throws -> (exitCode: Int32, output: String) {
    var arguments = arguments + ["--data-dir", t.configuration.dataDirectory]
    if case .postgres(let url) = t.configuration.database { arguments += ["--database-url", url] }
    return try await AtlasProcess.run(arguments)
}

/// Creates an asset with `files` (path → content); returns path → SHA-256 as the API states it.
private func createAsset(_ t: AtlasTestApp, project: String, name: String, files: [String: Data]) async throws -> [String: String] {
    let asset = try await t.client.createAsset(project: project, name: name, files: files.sorted { $0.key < $1.key })
    var stated: [String: String] = [:]
    for file in asset["latest"]?["files"]?.array ?? [] {
        if let path = file["path"]?.string, let hash = file["sha256"]?.string { stated[path] = hash }
    }
    #expect(stated == files.mapValues(Fixtures.sha256), "the API states other hashes than those of the bytes sent")
    return stated
}

/// Stores content with `POST /api/v1/blobs` (no version uses it); returns its SHA-256.
private func uploadBlob(_ t: AtlasTestApp, _ content: Data) async throws -> String {
    let response = try await t.client.send(.POST, "/api/v1/blobs", headers: ["Content-Type": "application/octet-stream"],
                                           body: ByteBuffer(data: content))
    try #require(response.status == .created, "POST /api/v1/blobs answered \(response.status): \(response.text)")
    let hash = try #require(response.json["sha256"]?.string)
    #expect(hash == Fixtures.sha256(content))
    return hash
}

/// Where the store keeps `hash`: `blobs/sha256/ab/cd/abcd…`.
private func blobPath(_ t: AtlasTestApp, _ hash: String) -> String {
    let hex = Array(hash)
    return t.blobDirectory + "/sha256/\(String(hex[0..<2]))/\(String(hex[2..<4]))/\(hash)"
}

/// Makes the (read-only) file writable for its owner and inverts one byte.
private func flipByte(at offset: UInt64, of path: String) throws {
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    let handle = try #require(FileHandle(forUpdatingAtPath: path), "cannot open \(path)")
    defer { try? handle.close() }
    try handle.seek(toOffset: offset)
    let byte = try #require(try handle.read(upToCount: 1)?.first)
    try handle.seek(toOffset: offset)
    try handle.write(contentsOf: Data([~byte]))
}

private struct PlainResponse {
    var status: Int
    var text: String
    var json: JSONValue { (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null }
}

private func get(_ url: String) async throws -> PlainResponse {
    try await send(HTTPClientRequest(url: url))
}

private func postJSON(_ request: HTTPClientRequest, _ json: String) async throws -> PlainResponse {
    var request = request
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    request.body = .bytes(ByteBuffer(string: json))
    return try await send(request)
}

private func send(_ request: HTTPClientRequest) async throws -> PlainResponse {
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 1024 * 1024)
    return PlainResponse(status: Int(response.status.code), text: String(buffer: body))
}

private func cleanUp(_ folder: TemporaryDirectory, _ databaseURL: String?) async {
    folder.remove()
    if let databaseURL, let server = TestDatabase.postgresURL {
        try? await PostgresTestDatabase.drop(databaseURL, serverURL: server)
    }
}
