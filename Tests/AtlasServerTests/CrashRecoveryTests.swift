import AsyncHTTPClient
import AtlasCore
import AtlasTestSupport
import Foundation
import NIOCore
import Testing

// Serialized: each case runs 8 uploading clients and a server on its own, so the timing does not
// depend on how many cases share the machine's cores.
@Suite("Crash recovery: a server killed mid-upload restarts with every acknowledged asset intact", .serialized)
struct CrashRecoveryTests {
    static let clients = 8
    static let killAfter: Duration = .milliseconds(1500)

    @Test("Killing the server (SIGKILL) during 8 concurrent multi-MB uploads loses no acknowledged asset, exposes no half-written one, leaves no staging file, and fsck finds the store clean",
          .timeLimit(.minutes(2)), arguments: TestDatabase.available)
    func killDuringUploads(database: TestDatabase) async throws {
        try await withServerData(database, prefix: "atlas-crash") { dataDirectory, databaseURL in
            // A fresh PostgreSQL database needs its schema; SQLite migrates on start anyway.
            let environment = ["ATLAS_AUTO_MIGRATE": "true"]
            let first = try await AtlasProcess.serve(dataDirectory: dataDirectory, databaseURL: databaseURL, environment: environment)
            defer { first.kill() }
            let projectID = try await createProject(on: first)

            // 8 clients upload distinct assets of 1–6 MB until the server dies under them.
            let ledger = UploadLedger()
            let pool = Fixtures.bytes(6 * 1024 * 1024, seed: 7)
            let clients = Task {
                await withTaskGroup(of: Void.self) { group in
                    for client in 0..<Self.clients {
                        group.addTask { await upload(as: client, to: first, project: projectID, pool: pool, ledger: ledger) }
                    }
                }
            }
            try await Task.sleep(for: Self.killAfter)
            // Kill only once some uploads were acknowledged and others are still being sent. A debug
            // build takes multipart uploads at a few MB/s, so this may take a little longer (bounded).
            let waitLimit = ContinuousClock.now + .seconds(30)
            while await !ledger.readyToKill, ContinuousClock.now < waitLimit {
                try await Task.sleep(for: .milliseconds(20))
            }
            let inFlightAtKill = await ledger.markKilled()
            first.kill()
            let killedWith = try await first.waitForExit(timeout: .seconds(10))
            // Requests to a dead server would wait for their timeout (the HTTP client retries
            // connecting), so the clients are stopped; every answer read before the kill is recorded.
            clients.cancel()
            await clients.value

            let acknowledged = await ledger.acknowledged
            let unexpected = await ledger.unexpected
            #expect(killedWith == SIGKILL, "the first server should have died of SIGKILL")
            #expect(unexpected.isEmpty, "uploads failed while the server was up:\n\(unexpected.joined(separator: "\n"))")
            try #require(!acknowledged.isEmpty, "no upload was acknowledged within the first seconds; the test proves nothing.\n\(first.logTail())")
            #expect(inFlightAtKill > 0, "the server should be killed while uploads are in flight")

            // Restart on the same data and database.
            let second = try await AtlasProcess.serve(dataDirectory: dataDirectory, databaseURL: databaseURL, environment: environment)
            defer { second.kill() }

            let leftovers = TemporaryDirectory.files(under: dataDirectory + "/blobs/staging")
            #expect(leftovers.isEmpty, "staging files survived the restart: \(leftovers)")

            let listed = try await listAssets(of: projectID, on: second)
            let listedIDs = Set(listed.map(\.id))
            for upload in acknowledged {
                #expect(listedIDs.contains(upload.assetID), "acknowledged asset \(upload.name) (\(upload.assetID)) is lost after the restart")
            }

            let attempts = await ledger.attempts
            let byID = Dictionary(acknowledged.map { ($0.assetID, $0) }, uniquingKeysWith: { first, _ in first })
            for asset in listed {
                let files = try await latestFiles(of: asset.id, on: second)
                // The asset is exactly one of the uploads, with all of its files: never a part of one.
                let sent = attempts[asset.name]
                #expect(sent != nil, "asset \(asset.name) (\(asset.id)) is listed but no client sent it")
                #expect(files.map(\.path).sorted() == (sent?.keys.sorted() ?? []), "asset \(asset.name) lists files \(files.map(\.path)), not the ones uploaded")
                if let upload = byID[asset.id] {
                    #expect(Dictionary(files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a }) == upload.files,
                            "acknowledged asset \(asset.name) changed its files")
                }
                for file in files {
                    #expect(file.sha256 == sent?[file.path], "\(asset.name)/\(file.path) states SHA-256 \(file.sha256), not that of the bytes sent")
                    let (status, data) = try await download(second.request(file.url))
                    #expect(status == 200, "GET \(file.url) answered \(status)")
                    #expect(Fixtures.sha256(data) == file.sha256 && data.count == file.size,
                            "\(asset.name)/\(file.path) downloads \(data.count) bytes hashing to \(Fixtures.sha256(data)), the API states \(file.size) bytes \(file.sha256)")
                }
            }

            await second.terminate()
            var arguments = ["fsck", "--data-dir", dataDirectory]
            if let databaseURL { arguments += ["--database-url", databaseURL] }
            let fsck = try await AtlasProcess.run(arguments)
            #expect(fsck.exitCode == 0, "atlas fsck after the crash:\n\(fsck.output)")
            #expect(fsck.output.contains("0 missing, 0 corrupt"), "atlas fsck after the crash:\n\(fsck.output)")
        }
    }
}

// MARK: - The uploading clients

/// What the clients sent and what the server acknowledged, shared by the 8 of them.
private actor UploadLedger {
    struct Acknowledged: Sendable {
        var name: String
        var assetID: String
        /// path → SHA-256 as the server stated it.
        var files: [String: String]
    }

    private(set) var acknowledged: [Acknowledged] = []
    /// Asset name → (path → SHA-256 of the bytes sent), for every upload started.
    private(set) var attempts: [String: [String: String]] = [:]
    /// Failures while the server was still up: each is a bug.
    private(set) var unexpected: [String] = []
    private(set) var killed = false
    private var inFlight = 0

    var readyToKill: Bool { acknowledged.count >= 3 && inFlight > 0 }

    func begin(_ name: String, files: [String: String]) {
        attempts[name] = files
        inFlight += 1
    }

    func end(_ result: Acknowledged?, failure: String?) {
        inFlight -= 1
        if let result { acknowledged.append(result) }
        if let failure, !killed { unexpected.append(failure) }
    }

    /// Records the kill; returns how many uploads were in flight then.
    func markKilled() -> Int {
        killed = true
        return inFlight
    }
}

/// Uploads assets of 1–6 MB (one or two files, distinct bytes) one after another until a request fails
/// after the kill.
private func upload(as client: Int, to server: AtlasProcess, project: String, pool: Data, ledger: UploadLedger) async {
    var number = 0
    while !Task.isCancelled {
        number += 1
        let name = "crash-\(client)-\(number)"
        var form = MultipartForm().field("project_id", project).field("name", name).field("type", "texture")
        var sent: [String: String] = [:]
        // Each client's first upload is the smallest, so acknowledged assets exist early on.
        let total = number == 1 ? 1024 * 1024 : Int.random(in: 1024 * 1024...6 * 1024 * 1024)
        let parts = number % 2 == 0 ? 2 : 1
        for part in 0..<parts {
            let size = part == parts - 1 ? total - (total / parts) * (parts - 1) : total / parts
            let content = distinctContent(pool: pool, size: size, stamp: "\(name)/\(part)")
            let path = "maps/\(name)_\(part).exr"
            form = form.file(path, content)
            sent[path] = Fixtures.sha256(content)
        }
        form = form.finished
        await ledger.begin(name, files: sent)

        var request = server.request("/api/v1/assets")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: form.contentType)
        request.body = .bytes(ByteBuffer(data: form.body))
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 1024 * 1024)
            let json = (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))) ?? .null
            guard response.status == .created, let id = json["id"]?.string else {
                await ledger.end(nil, failure: "\(name): \(response.status.code) \(String(buffer: body))")
                continue
            }
            let files = Dictionary(json["latest"]?["files"]?.array.compactMap { file in
                file["path"]?.string.flatMap { path in file["sha256"]?.string.map { (path, $0) } }
            } ?? [], uniquingKeysWith: { a, _ in a })
            await ledger.end(.init(name: name, assetID: id, files: files),
                             failure: files == sent ? nil : "\(name): acknowledged with files \(files), sent \(sent)")
        } catch {
            await ledger.end(nil, failure: "\(name): \(error)")
            // The server is gone (or broken, which `unexpected` reports): stop this client.
            return
        }
    }
}

/// `size` bytes from the shared random pool, made unique by a stamp at the start.
private func distinctContent(pool: Data, size: Int, stamp: String) -> Data {
    let offset = Int.random(in: 0...(pool.count - size))
    var content = pool.subdata(in: offset..<(offset + size))
    let label = Data(stamp.utf8)
    content.replaceSubrange(0..<label.count, with: label)
    return content
}

// MARK: - Checking what the restarted server holds

private struct ListedAsset {
    var id: String
    var name: String
}

private struct ListedFile {
    var path: String
    var sha256: String
    var size: Int
    var url: String
}

private func createProject(on server: AtlasProcess) async throws -> String {
    var request = server.request("/api/v1/projects")
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    request.body = .bytes(ByteBuffer(string: #"{"name": "Crash Test"}"#))
    let (status, json) = try await sendJSON(request)
    guard status == 201, let id = json["id"]?.string else { throw TestSupportError("creating a project answered \(status): \(json)") }
    return id
}

private func listAssets(of project: String, on server: AtlasProcess) async throws -> [ListedAsset] {
    try await server.assets(inProject: project).map { ListedAsset(id: $0["id"]?.string ?? "?", name: $0["name"]?.string ?? "?") }
}

private func latestFiles(of asset: String, on server: AtlasProcess) async throws -> [ListedFile] {
    let (status, json) = try await sendJSON(server.request("/api/v1/assets/\(asset)"))
    guard status == 200 else { throw TestSupportError("GET asset \(asset) answered \(status): \(json)") }
    return (json["latest"]?["files"]?.array ?? []).map { file in
        ListedFile(path: file["path"]?.string ?? "?", sha256: file["sha256"]?.string ?? "?",
                   size: file["size"]?.int ?? -1, url: file["url"]?.string ?? "/")
    }
}

private func sendJSON(_ request: HTTPClientRequest) async throws -> (Int, JSONValue) {
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
    return (Int(response.status.code), (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body))) ?? .null)
}

private func download(_ request: HTTPClientRequest) async throws -> (Int, Data) {
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
    return (Int(response.status.code), Data(buffer: body))
}
