import AsyncHTTPClient
import Foundation

/// A 200-frame 2K EXR plate through `atlas ingest`, end to end (the command run as a process,
/// against `atlas serve` started here, SQLite and its own job workers), and the time from the
/// start of the ingest until the sequence's first thumbnail is served. Beside them: `sha256sum`
/// + `cp` of the same frames (with and without `sync`), and `oiiotool` resizing the middle frame to 512 px.
struct SequenceBenchmark {
    let scale: BenchScale
    let work: WorkDirectory
    let binary: String
    let http: HTTPClient

    static let projectCode = "BENCHSEQ"
    /// How long the thumbnail may take before the figure is given up.
    static let thumbnailTimeout: Duration = .seconds(600)

    func run() async throws {
        let folder = try work.folder("sequence/plates")
        let log = work.file("sequence-tools.log")
        BenchReport.progress("sequence: writing \(scale.sequenceFrames) frames of \(PlateSequence.width)x\(PlateSequence.height) RGBA half with oiiotool")
        let frames = try await PlateSequence.make(frames: scale.sequenceFrames, in: folder, log: log)
        let bytes = frames.reduce(Int64(0)) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0)
        }
        try await ChildProcess.check(["sync"], log: log)

        BenchReport.progress("sequence: reference sha256sum + cp + sync, and an oiiotool thumbnail of the middle frame")
        let copy = try work.folder("sequence-copy")
        let reference = try await ReferenceCopy.measure(files: frames, destination: copy, sync: false, log: log)
        _ = try work.folder("sequence-copy")
        try await ChildProcess.check(["sync"], log: log)
        let durable = try await ReferenceCopy.measure(files: frames, destination: copy, sync: true, log: log)
        _ = try work.folder("sequence-copy")
        let thumbnailReference = try await ContinuousClock().measure {
            try await ChildProcess.check(["oiiotool", frames[frames.count / 2], "--resize", "512x0", "-o", work.file("thumbnail.jpg")], log: log)
        }
        try await ChildProcess.check(["sync"], log: log)

        BenchReport.progress("sequence: starting atlas serve (SQLite) and running atlas ingest")
        let server = try await ServerProcess.start(binary: binary, database: .sqlite, dataDirectory: try work.folder("data-sequence"),
                                                   logPath: work.file("server-sequence.log"), http: http)
        do {
            try await measure(on: server, folder: folder, frames: frames.count, bytes: bytes)
        } catch {
            await server.stop()
            throw BenchError("\(error)\nlast lines of the server's log:\n\(ChildProcess.tail(of: server.logPath, lines: 15))")
        }
        await server.stop()
        BenchReport.figure("sequence.reference_sha256sum_cp", BenchReport.rate(megabytes(bytes) / reference.seconds), "MB/s")
        BenchReport.figure("sequence.reference_sha256sum_cp_sync", BenchReport.rate(megabytes(bytes) / durable.seconds), "MB/s",
                           "copies flushed to disk, as the server fsyncs each blob")
        BenchReport.figure("sequence.reference_oiiotool_thumbnail", String(format: "%.2f", thumbnailReference.seconds), "s",
                           "oiiotool --resize 512x0 of the middle frame")
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func measure(on server: ServerProcess, folder: String, frames: Int, bytes: Int64) async throws {
        let client = server.client
        try await client.send(.POST, "/api/v1/projects", encoding: ["name": "Bench sequence", "code": Self.projectCode], expect: [.created])
        let report = work.file("sequence-report.json")
        let ingestLog = work.file("sequence-ingest.log")
        let clock = ContinuousClock()
        let start = clock.now
        let status = try await ChildProcess.run(["ingest", folder, "--project", Self.projectCode, "--server", client.baseURL,
                                                 "--api-key", client.apiKey, "--report", report],
                                                executable: binary, log: ingestLog)
        let ingest = clock.now - start
        guard status == 0 else { throw BenchError("atlas ingest exited with status \(status):\n\(ChildProcess.tail(of: ingestLog))") }
        let added = try JSONDecoder().decode(IngestedReport.self, from: Data(contentsOf: URL(fileURLWithPath: report))).added
        guard added.count == 1, let asset = added.first, asset.files.count == frames else {
            throw BenchError("atlas ingest did not make one asset of \(frames) frames: \(added.map { "\($0.source) (\($0.files.count) files)" })")
        }
        BenchReport.figure("sequence.ingest", String(format: "%.2f", ingest.seconds), "s",
                           "\(frames) frames of \(PlateSequence.width)x\(PlateSequence.height) RGBA half, \(BenchReport.megabytes(bytes)) MB, one asset")
        BenchReport.figure("sequence.ingest_rate", BenchReport.rate(megabytes(bytes) / ingest.seconds), "MB/s")
        switch try await firstThumbnail(of: asset, client: client, since: start) {
        case .served(let after):
            BenchReport.figure("sequence.first_thumbnail", String(format: "%.2f", after.seconds), "s", "from the start of the ingest")
        case .none(let reason):
            BenchReport.skipped("sequence.first_thumbnail", reason)
        }
    }

    private enum Thumbnail {
        case served(Duration)
        case none(String)
    }

    /// Polls the thumbnail every 50 ms until it is served, the version says it will not be, or the time is up.
    private func firstThumbnail(of asset: IngestedReport.Added, client: AtlasClient, since start: ContinuousClock.Instant) async throws -> Thumbnail {
        let version = "/api/v1/assets/\(asset.assetID)/versions/\(asset.version)"
        var polls = 0
        while ContinuousClock.now - start < Self.thumbnailTimeout {
            do {
                try await client.send(.GET, version + "/previews/thumbnail")
                return .served(ContinuousClock.now - start)
            } catch let error as AtlasClientError where error.status == 404 {
                // Pending; the version's preview state says whether to keep waiting, checked about once a second.
                polls += 1
                if polls % 20 == 1, let reason = try await noThumbnailComing(version, client: client) { return .none(reason) }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return .none("no thumbnail within \(Self.thumbnailTimeout)")
    }

    /// Why no thumbnail will come (this server makes no previews, or gave up), or nil while one may.
    private func noThumbnailComing(_ version: String, client: AtlasClient) async throws -> String? {
        let body = try await client.send(.GET, version)
        let previews = try AtlasClient.decode(VersionPreviews.self, from: body).previews
        guard let previews else { return "this server's versions have no previews" }
        return ["unavailable", "failed"].contains(previews.state) ? "the version's previews are \(previews.state)" : nil
    }

    private func megabytes(_ bytes: Int64) -> Double {
        Double(bytes) / Double(BenchScale.mebibyte)
    }

    /// The parts of `atlas ingest`'s report this benchmark reads.
    private struct IngestedReport: Decodable {
        struct Added: Decodable {
            var source: String
            var assetID: String
            var version: Int
            var files: [IngestReport.File]

            enum CodingKeys: String, CodingKey {
                case source, version, files
                case assetID = "asset_id"
            }
        }

        var added: [Added]
    }

    private struct VersionPreviews: Decodable {
        struct State: Decodable {
            var state: String
        }

        var previews: State?
    }
}
