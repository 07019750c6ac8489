import Foundation

/// A run over every frame of a sequence: `ai.sequence.frames_per_second` (submit → the sequence
/// filed, on the one stand-in) and `ai.sequence.last_frame_to_filed` (the last frame's job done →
/// the sequence asset filed: how long the filing job waits and files).
extension AIBenchmark {
    static let sequenceFrames = 24

    func measureSequence(_ client: AtlasClient) async throws {
        let version = try await sequencePlate(client)
        let started = Date()
        let body = try AtlasClient.encode(SequenceBody(input: "image", sequence: version, fresh: true))
        let submitted = try AtlasClient.decode(SequenceReply.self, from: try await client.send(
            .POST, "/api/v1/ai-tools/invert/batch", json: body, expect: [.accepted]))
        let deadline = ContinuousClock.now + .seconds(300)
        var status = "queued"
        while !["succeeded", "failed", "cancelled"].contains(status), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            status = try AtlasClient.decode(RunStatus.self, from: try await client.send(
                .GET, "/api/v1/ai-jobs/\(submitted.sequenceRun.id)/status")).status
        }
        guard status == "succeeded" else { throw BenchError("the run over \(Self.sequenceFrames) frames ended \(status)") }
        let jobs = try AtlasClient.decode(JobPage.self, from: try await client.send(
            .GET, "/api/v1/jobs?batch_id=\(submitted.batchID)&limit=\(Self.sequenceFrames + 1)")).items
        let ends = jobs.compactMap { job in job.finishedAt.flatMap(Self.timestamp).map { (job.kind, $0) } }
        guard let filed = ends.first(where: { $0.0 == "ai.file_sequence" })?.1,
              let lastFrame = ends.filter({ $0.0 == "ai.run" }).map(\.1).max() else { throw BenchError("the batch's jobs have no end times") }
        BenchReport.figure("ai.sequence.frames_per_second", BenchReport.rate(Double(Self.sequenceFrames) / filed.timeIntervalSince(started)),
                           "frames/s", "\(Self.sequenceFrames) frames of 64x48 through invert on one stand-in, submit → one sequence asset filed")
        BenchReport.figure("ai.sequence.last_frame_to_filed", BenchReport.milliseconds(filed.timeIntervalSince(lastFrame) * 1000), "ms",
                           "last frame done → the sequence filed")
    }

    /// An asset whose version holds `plate.1001.png` … as made by oiiotool; returns the version id.
    private func sequencePlate(_ client: AtlasClient) async throws -> String {
        var files: [AssetCreateBody.File] = []
        for frame in 1001..<(1001 + Self.sequenceFrames) {
            let path = work.file("ai-seq.\(frame).png")
            let grey = Double(frame - 1000) / Double(Self.sequenceFrames + 1)
            try await ChildProcess.check(["oiiotool", "--pattern", "constant:color=\(grey),0.4,0.6", "64x48", "3", "-d", "uint8", "-o", path],
                                         log: work.file("ai-tools.log"))
            files.append(.init(path: "plate.\(frame).png", sha256: try await client.uploadBlob(path: path)))
        }
        let project = try await client.createProject(name: "AI sequence bench")
        let asset = try AtlasClient.decode(AtlasClient.IDReply.self, from: try await client.send(
            .POST, "/api/v1/assets", encoding: AssetCreateBody(projectID: project, name: "plate seq", type: "plate", files: files),
            expect: [.created])).id
        return try AtlasClient.decode(AtlasClient.IDReply.self, from: try await client.send(.GET, "/api/v1/assets/\(asset)/versions/1")).id
    }

    private struct SequenceBody: Encodable {
        var input: String
        var sequence: String
        var fresh: Bool
    }

    private struct SequenceReply: Decodable {
        var batchID: String
        var sequenceRun: AtlasClient.IDReply

        enum CodingKeys: String, CodingKey {
            case batchID = "batch_id", sequenceRun = "sequence_run"
        }
    }

    private struct RunStatus: Decodable {
        var status: String
    }

    private struct JobPage: Decodable {
        struct Item: Decodable {
            var kind: String
            var finishedAt: String?

            enum CodingKeys: String, CodingKey {
                case kind
                case finishedAt = "finished_at"
            }
        }

        var items: [Item]
    }
}
