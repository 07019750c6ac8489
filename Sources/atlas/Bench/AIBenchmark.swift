import AsyncHTTPClient
import ComfyUIStandIn
import Foundation

/// The overhead Atlas adds to an AI tool run, against the ComfyUI stand-in started in this
/// process and `atlas serve` (SQLite, its own job workers) as a child process:
///
/// - `ai.submit_to_prompt`: from sending `POST …/execute` until the stand-in received the prompt
///   (queueing, the worker's claim, the upload of the input and the submission);
/// - `ai.finish_to_filed`: from the stand-in finishing the prompt until the job is recorded done
///   (the outputs' download and filing as assets with lineage);
/// - `ai.cached`: executions the result cache answers, at the suite's concurrency;
/// - `ai.sequence`: a run over every frame of a sequence (see `measureSequence`).
///
/// Both sides read the wall clock of this machine, so the two spans need no shared clock.
struct AIBenchmark {
    let scale: BenchScale
    let work: WorkDirectory
    let binary: String
    let http: HTTPClient

    static let runs = 100
    static let cachedExecutions = 500

    func run() async throws {
        let comfy = try await ComfyUIStandIn.start()
        do {
            try await measure(comfy)
        } catch {
            await comfy.shutdown()
            throw error
        }
        await comfy.shutdown()
    }

    private func measure(_ comfy: RunningStandIn) async throws {
        BenchReport.progress("ai: starting atlas serve (SQLite) on the ComfyUI stand-in")
        let server = try await ServerProcess.start(binary: binary, database: .sqlite, dataDirectory: try work.folder("data-ai"),
                                                   logPath: work.file("server-ai.log"), http: http,
                                                   environment: ["ATLAS_COMFYUI_URLS": comfy.url.absoluteString])
        do {
            let client = server.client
            let version = try await plate(client)
            BenchReport.progress("ai: \(Self.runs) sequential runs of invert")
            try await measureRuns(client, comfy: comfy, version: version)
            BenchReport.progress("ai: \(Self.cachedExecutions) cached executions at \(scale.concurrency) connections")
            try await measureCached(client, version: version)
            BenchReport.progress("ai: one run over every frame of a \(Self.sequenceFrames)-frame sequence")
            try await measureSequence(client)
        } catch {
            await server.stop()
            throw BenchError("\(error)\nlast lines of the server's log:\n\(ChildProcess.tail(of: server.logPath, lines: 15))")
        }
        await server.stop()
    }

    /// A 64×48 PNG made by oiiotool, stored as the first version of an asset; returns the version id.
    private func plate(_ client: AtlasClient) async throws -> String {
        let path = work.file("ai-plate.png")
        try await ChildProcess.check(["oiiotool", "--pattern", "constant:color=0.2,0.4,0.6", "64x48", "3", "-d", "uint8", "-o", path],
                                     log: work.file("ai-tools.log"))
        let sha256 = try await client.uploadBlob(path: path)
        let project = try await client.createProject(name: "AI bench")
        let asset = try AtlasClient.decode(AtlasClient.IDReply.self, from: try await client.send(
            .POST, "/api/v1/assets", encoding: AssetCreateBody(projectID: project, name: "plate", type: "texture",
                                                               files: [.init(path: "plate.png", sha256: sha256)]), expect: [.created])).id
        return try AtlasClient.decode(AtlasClient.IDReply.self, from: try await client.send(.GET, "/api/v1/assets/\(asset)/versions/1")).id
    }

    private func measureRuns(_ client: AtlasClient, comfy: RunningStandIn, version: String) async throws {
        var toPrompt = LatencyRecorder(), toFiled = LatencyRecorder()
        let body = ExecuteBody(inputs: ["image": version], fresh: true)
        for index in 0..<(Self.runs + 1) {
            let sent = Date()
            let run = try AtlasClient.decode(AtlasClient.IDReply.self, from: try await client.send(
                .POST, "/api/v1/ai-tools/invert/execute", encoding: body, expect: [.accepted])).id
            let finished = try await waitUntilDone(client, job: run)
            guard let receipt = await comfy.receivedPrompts().first(where: { $0.promptID.hasPrefix(run.lowercased()) }),
                  let end = receipt.finishedAt else { throw BenchError("the stand-in has no finished prompt of run \(run)") }
            // The first run opens connections and warms caches: unmeasured.
            guard index > 0 else { continue }
            let comfyFinished = receipt.receivedDate.addingTimeInterval(Self.seconds(end - receipt.receivedAt))
            toPrompt.record(Self.duration(receipt.receivedDate.timeIntervalSince(sent)))
            toFiled.record(Self.duration(finished.timeIntervalSince(comfyFinished)))
        }
        for (name, recorder, note) in [("ai.submit_to_prompt", toPrompt, "POST execute → stand-in received the prompt; \(Self.runs) sequential runs"),
                                       ("ai.finish_to_filed", toFiled, "stand-in finished → job done, outputs filed as assets")] {
            var recorder = recorder
            BenchReport.figure("\(name).p50", BenchReport.milliseconds(recorder.percentile(0.5)), "ms", note)
            BenchReport.figure("\(name).p99", BenchReport.milliseconds(recorder.percentile(0.99)), "ms", "goal < 50 ms")
        }
    }

    private func measureCached(_ client: AtlasClient, version: String) async throws {
        let body = try AtlasClient.encode(ExecuteBody(inputs: ["image": version], fresh: false))
        let result = try await LoadRunner.run(count: Self.cachedExecutions, concurrency: scale.concurrency) { _ in
            try await client.send(.POST, "/api/v1/ai-tools/invert/execute", json: body, expect: [.ok])
        }
        var latencies = result.latencies
        BenchReport.figure("ai.cached.rate", BenchReport.rate(result.perSecond), "requests/s",
                           "\(result.requests) executions answered from the result cache, \(scale.concurrency) connections")
        BenchReport.figure("ai.cached.p99", BenchReport.milliseconds(latencies.percentile(0.99)), "ms")
    }

    /// Polls the job until it succeeded and returns when it was recorded done.
    private func waitUntilDone(_ client: AtlasClient, job: String) async throws -> Date {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let state = try AtlasClient.decode(JobState.self, from: try await client.send(.GET, "/api/v1/jobs/\(job)"))
            if state.status == "succeeded", let finished = state.finishedAt.flatMap(Self.timestamp) { return finished }
            if ["failed", "cancelled"].contains(state.status) { throw BenchError("run \(job) ended \(state.status)") }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw BenchError("run \(job) did not finish within 60 s")
    }

    /// The server writes times as ISO 8601 with milliseconds.
    static func timestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func duration(_ seconds: TimeInterval) -> Duration { .nanoseconds(Int64(seconds * 1e9)) }

    private struct ExecuteBody: Encodable {
        var inputs: [String: String]
        var fresh: Bool
    }

    private struct JobState: Decodable {
        var status: String
        var finishedAt: String?

        enum CodingKeys: String, CodingKey {
            case status
            case finishedAt = "finished_at"
        }
    }
}
