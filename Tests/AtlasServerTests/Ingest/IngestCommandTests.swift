import AtlasCore
import AtlasTestSupport
import Foundation
import Testing

// Serialized: each case runs a server and the ingest command as processes of their own.
@Suite("atlas ingest: a folder into a project over the API of a running server", .serialized)
struct IngestCommandTests {
    @Test("A delivery becomes one asset per sequence (every frame), per USD with its texture and per lone file; broken files are rejected with their codes; a second run adds nothing; a changed file makes a new version",
          .timeLimit(.minutes(4)), arguments: TestDatabase.available)
    func ingestsADelivery(database: TestDatabase) async throws {
        let delivery = try DeliveryFolder.mixed()
        defer { delivery.remove() }
        try await withIngestServer(database) { server, project, work in
            let first = try await ingest(delivery, into: server, reportIn: work)
            #expect(first.exitCode == 1, "rejected files make the exit status 1\n\(first.output)")
            #expect(first.output.contains("rejected  2"), "\(first.output)")
            let report = first.report
            let added = Dictionary(report["added"]?.array.compactMap { entry in entry["source"]?.string.map { ($0, entry) } } ?? [],
                                   uniquingKeysWith: { a, _ in a })
            #expect(Set(added.keys) == ["plates/plate.####.exr", "set/chair.usda", "logo.png"], "\(report)")

            let plate = try #require(added["plates/plate.####.exr"])
            #expect(plate["name"]?.string == "plate")
            #expect(plate["type"]?.string == "sequence")
            #expect(plate["files"]?.array.compactMap { $0["path"]?.string } == DeliveryFolder.plateFrames.map { "plate.\($0).exr" })
            let chair = try #require(added["set/chair.usda"])
            #expect(chair["type"]?.string == "geometry")
            #expect(chair["files"]?.array.compactMap { $0["path"]?.string } == ["chair.usda", "textures/wood.png"])
            #expect(added["logo.png"]?["type"]?.string == "texture")

            let rejected = report["rejected"]?.array.map { "\($0["file"]?.string ?? "?") \($0["code"]?.string ?? "?")" } ?? []
            #expect(rejected.sorted() == ["broken/cut.exr exr_truncated", "empty.exr file_empty"], "\(report)")
            #expect(report["rejected"]?.array.allSatisfy { ($0["reason"]?.string ?? "").isEmpty == false } == true)
            let skipped = report["skipped"]?.array.map { "\($0["source"]?.string ?? "?") \($0["code"]?.string ?? "?")" } ?? []
            #expect(skipped == ["outside.png symlink_outside_folder"], "hidden files are left out silently; the link outside is reported")

            // The server holds exactly those assets, with the frames' and files' bytes.
            let assets = try await assetsByName(in: project, on: server)
            #expect(Set(assets.keys) == ["plate", "chair", "logo"])
            let plateID = try #require(plate["asset_id"]?.string)
            #expect(assets["plate"]?["id"]?.string == plateID)
            let stored = try await server.json(.GET, "/api/v1/assets/\(plateID)").json["latest"]?["files"]?.array ?? []
            #expect(stored.count == 10)
            for file in stored {
                let path = try #require(file["path"]?.string)
                #expect(file["sha256"]?.string == (try delivery.sha256("plates/" + path)), "\(path)")
            }

            // Nothing new: every asset is skipped as unchanged, and the journal of the finished run is gone.
            let second = try await ingest(delivery, into: server, reportIn: work)
            #expect(second.exitCode == 1, "\(second.output)")
            #expect(second.report["added"]?.array.isEmpty == true, "\(second.report)")
            let unchanged = second.report["skipped"]?.array.filter { $0["code"]?.string == "unchanged" }.compactMap { $0["source"]?.string }
            #expect(Set(unchanged ?? []) == Set(added.keys), "\(second.report)")
            #expect(try await assetsByName(in: project, on: server).values.allSatisfy { $0["latest_version"]?.int == 1 })
            #expect(journals(in: work).isEmpty, "a finished run leaves no journal: \(journals(in: work))")

            // A changed logo is version 2 of the same asset; the rest stays as it was.
            try delivery.makeLogo(color: "0,0,1")
            let third = try await ingest(delivery, into: server, reportIn: work)
            let again = third.report["added"]?.array ?? []
            #expect(again.count == 1, "\(third.report)")
            #expect(again.first?["source"]?.string == "logo.png")
            #expect(again.first?["version"]?.int == 2)
            #expect(again.first?["new_asset"]?.bool == false)
            #expect(again.first?["asset_id"]?.string == assets["logo"]?["id"]?.string)
            #expect(try await assetsByName(in: project, on: server).count == 3)
        }
    }

    @Test("Killed with SIGKILL halfway, a rerun of the same command resumes from its journal and ends with every asset exactly once",
          .timeLimit(.minutes(4)), arguments: TestDatabase.available)
    func resumesAfterAKill(database: TestDatabase) async throws {
        let count = 150
        let stills = try DeliveryFolder.stills(count)
        defer { stills.remove() }
        try await withIngestServer(database) { server, project, work in
            let arguments = ingestArguments(stills, server: server, reportIn: work)
            let interrupted = try AtlasProcess.start(arguments)
            defer { interrupted.kill() }
            let deadline = ContinuousClock.now + .seconds(120)
            while journalLines(in: work) < 10, interrupted.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            interrupted.kill()
            let status = try await interrupted.waitForExit(timeout: .seconds(10))
            let recorded = journalLines(in: work)
            try #require(status == SIGKILL, "the ingest finished before it could be killed; the test proves nothing\n\(interrupted.logTail())")
            try #require((10..<count).contains(recorded), "the journal holds \(recorded) of \(count) groups at the kill")

            let rerun = try await AtlasProcess.run(arguments, timeout: .seconds(180))
            #expect(rerun.exitCode == 0, "\(rerun.output)")
            let report = try IngestRun.report(in: work)
            let resumed = report["skipped"]?.array.filter { $0["code"]?.string == "done_before_interruption" }.count ?? 0
            let unchanged = report["skipped"]?.array.filter { $0["code"]?.string == "unchanged" }.count ?? 0
            let added = report["added"]?.array.count ?? 0
            #expect(resumed == recorded, "every group in the journal is skipped without being read again")
            #expect(unchanged <= 4, "only groups in flight at the kill can be on the server without a journal line (\(unchanged))")
            #expect(resumed + unchanged + added == count, "\(report)")

            let names = try await assetNames(in: project, on: server)
            #expect(names.count == count, "\(names.count) assets for \(count) stills")
            #expect(Set(names) == Set((0..<count).map { assetName(of: DeliveryFolder.stillName($0)) }))
            #expect(journals(in: work).isEmpty, "the finished rerun removes the journal")
        }
    }

    @Test("A wrong API key or an unknown project ends at once with exit status 2 and says why; nothing is created",
          .timeLimit(.minutes(2)), arguments: TestDatabase.available)
    func refusesWhatCannotRun(database: TestDatabase) async throws {
        let stills = try DeliveryFolder.stills(2)
        defer { stills.remove() }
        try await withIngestServer(database) { server, project, work in
            var arguments = ingestArguments(stills, server: server, reportIn: work)
            arguments[arguments.firstIndex(of: "--api-key")! + 1] = "atlas_k_not-a-real-key"
            let wrongKey = try await AtlasProcess.run(arguments)
            #expect(wrongKey.exitCode == 2, "\(wrongKey.output)")
            #expect(wrongKey.output.contains("refused the API key"), "\(wrongKey.output)")

            let unknown = try await AtlasProcess.run(ingestArguments(stills, server: server, reportIn: work, project: "NOPE"))
            #expect(unknown.exitCode == 2, "\(unknown.output)")
            #expect(unknown.output.contains("no project with code NOPE"), "\(unknown.output)")

            #expect(try await assetNames(in: project, on: server).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: work.file("report.json")), "no report when nothing ran")
        }
    }
}

// MARK: - Running the command

private let projectCode = "GLD"

/// A server on `database` with a project `GLD`, and a folder for the runs' reports and journals.
private func withIngestServer(_ database: TestDatabase,
                              _ body: (AtlasProcess, _ projectID: String, _ work: TemporaryDirectory) async throws -> Void) async throws {
    try await withServerData(database, prefix: "atlas-ingest") { dataDirectory, databaseURL in
        let server = try await AtlasProcess.serve(dataDirectory: dataDirectory, databaseURL: databaseURL,
                                                  environment: ["ATLAS_AUTO_MIGRATE": "true"])
        defer { server.kill() }
        let work = try TemporaryDirectory(prefix: "atlas-ingest-work")
        defer { work.remove() }
        let created = try await server.json(.POST, "/api/v1/projects", body: #"{"name": "Golden Hour", "code": "\#(projectCode)"}"#)
        let project = try #require(created.json["id"]?.string, "creating the project answered \(created.status): \(created.json)")
        try await body(server, project, work)
        await server.terminate()
    }
}

private func ingestArguments(_ folder: DeliveryFolder, server: AtlasProcess, reportIn work: TemporaryDirectory,
                             project: String = projectCode) -> [String] {
    ["ingest", folder.path, "--project", project, "--server", server.baseURL, "--api-key", server.apiKey,
     "--report", work.file("report.json")]
}

/// One finished run: its exit status, what it printed, and its JSON report.
private struct IngestRun {
    var exitCode: Int32
    var output: String
    var report: JSONValue

    static func report(in work: TemporaryDirectory) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: work.file("report.json"))))
    }
}

private func ingest(_ folder: DeliveryFolder, into server: AtlasProcess, reportIn work: TemporaryDirectory) async throws -> IngestRun {
    let run = try await AtlasProcess.run(ingestArguments(folder, server: server, reportIn: work), timeout: .seconds(120))
    return IngestRun(exitCode: run.exitCode, output: run.output, report: try IngestRun.report(in: work))
}

/// The journals in the reports' folder (the default place, beside the report).
private func journals(in work: TemporaryDirectory) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []).filter { $0.hasPrefix("atlas-ingest-") && $0.hasSuffix(".journal") }
}

/// Whole lines in the journal so far.
private func journalLines(in work: TemporaryDirectory) -> Int {
    guard let name = journals(in: work).first, let data = FileManager.default.contents(atPath: work.file(name)) else { return 0 }
    return data.filter { $0 == UInt8(ascii: "\n") }.count
}

// MARK: - Reading the server

private func assetNames(in project: String, on server: AtlasProcess) async throws -> [String] {
    try await server.assets(inProject: project).compactMap { $0["name"]?.string }
}

private func assetsByName(in project: String, on server: AtlasProcess) async throws -> [String: JSONValue] {
    Dictionary(try await server.assets(inProject: project).compactMap { asset in asset["name"]?.string.map { ($0, asset) } },
               uniquingKeysWith: { a, _ in a })
}


/// The asset name a lone file gets: its name without the extension.
private func assetName(of fileName: String) -> String {
    String(fileName[..<(fileName.lastIndex(of: ".") ?? fileName.endIndex)])
}
